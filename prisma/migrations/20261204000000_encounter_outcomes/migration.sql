-- What a worker notes at an encounter about where the person stands: she has left the trade,
-- or reached a goal she had stated. Indicators count the distinct persons with such an encounter.
CREATE TYPE "PersonOutcome" AS ENUM ('LEFT_TRADE', 'REACHED_GOAL');

ALTER TABLE "encounters" ADD COLUMN "outcomes" "PersonOutcome"[] NOT NULL DEFAULT ARRAY[]::"PersonOutcome"[];
