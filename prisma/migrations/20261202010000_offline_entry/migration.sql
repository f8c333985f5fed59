-- Offline entry (issue 14): the first answer to a repeated Idempotency-Key, and the server's
-- half of each device's offline vault. Both belong to one user and are read by that user only.

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "user_id" UUID NOT NULL,
    "key" VARCHAR(100) NOT NULL,
    "request_hash" VARCHAR(64) NOT NULL,
    "status" INTEGER,
    "body" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("user_id","key")
);

-- CreateTable
CREATE TABLE "device_vaults" (
    "user_id" UUID NOT NULL,
    "device_id" UUID NOT NULL,
    "secret" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "device_vaults_pkey" PRIMARY KEY ("user_id","device_id")
);

-- CreateIndex
CREATE INDEX "idempotency_keys_user_id_created_at_idx" ON "idempotency_keys"("user_id", "created_at");

-- AddForeignKey
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "device_vaults" ADD CONSTRAINT "device_vaults_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A user's own keys and vaults, nobody else's: not a coordinator's, not an admin's.
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO maillage_app;
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY idempotency_keys_own ON idempotency_keys TO maillage_app
  USING (user_id = app.user_id()) WITH CHECK (user_id = app.user_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON device_vaults TO maillage_app;
ALTER TABLE device_vaults ENABLE ROW LEVEL SECURITY;
ALTER TABLE device_vaults FORCE ROW LEVEL SECURITY;
CREATE POLICY device_vaults_own ON device_vaults TO maillage_app
  USING (user_id = app.user_id()) WITH CHECK (user_id = app.user_id());
-- Ending a member's sessions (sign-in role, after the API's MANAGE_MEMBERS check) forgets her
-- devices too: the sign-in role may find and delete vaults by user, never read their secrets.
GRANT SELECT (user_id, device_id), DELETE ON device_vaults TO maillage_auth;
CREATE POLICY device_vaults_found_with_sessions ON device_vaults FOR SELECT TO maillage_auth USING (true);
CREATE POLICY device_vaults_forgotten_with_sessions ON device_vaults FOR DELETE TO maillage_auth USING (true);
