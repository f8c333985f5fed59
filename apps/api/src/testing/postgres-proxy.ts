/**
 * A TCP proxy between the API and PostgreSQL that can lose one connection at a chosen moment:
 * what a PostgreSQL restart or a broken network does to the request in flight, made exact, for
 * one test's server only (the machine's PostgreSQL is shared and never restarted by a test).
 *
 * A trap watches what the API sends. When a chunk contains `pattern` (e.g. "COMMIT\0", the
 * simple-query COMMIT of an unnamed-statement pool), the connection is lost:
 * - "before it reaches the server": the chunk is not forwarded and both sides are closed — the
 *   server never saw the statement;
 * - "after the server answered": the chunk is forwarded, and the server's answer is dropped and
 *   both sides closed — the server ran it (PostgreSQL flushes its answer only after executing).
 */
import net from "node:net";

export type TrapMoment = "before it reaches the server" | "after the server answered";

interface Trap {
  pattern: Buffer;
  moment: TrapMoment;
  sprung: () => void;
}

export interface PostgresProxy {
  port: number;
  /** Arms a trap for the next statement matching `pattern`; resolves once it has sprung. */
  loseConnectionAt(pattern: string, moment: TrapMoment): Promise<void>;
  close(): Promise<void>;
}

export async function startPostgresProxy(target: { host: string; port: number }): Promise<PostgresProxy> {
  let trap: Trap | null = null;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
    }
    const loseBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    let tail = Buffer.alloc(0);
    let dropNextAnswer: (() => void) | null = null;
    client.on("data", (chunk: Buffer) => {
      // A pattern may straddle two chunks: look at the end of the last one too (shorter than the
      // pattern, so a statement already passed never matches again).
      const armed = trap;
      const before = armed ? tail.subarray(Math.max(0, tail.length - armed.pattern.length + 1)) : tail;
      tail = Buffer.concat([tail, chunk]).subarray(-128);
      if (armed && Buffer.concat([before, chunk]).includes(armed.pattern)) {
        trap = null;
        if (armed.moment === "before it reaches the server") {
          loseBoth();
          armed.sprung();
          return;
        }
        dropNextAnswer = armed.sprung;
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      if (dropNextAnswer) {
        const sprung = dropNextAnswer;
        dropNextAnswer = null;
        loseBoth();
        sprung();
        return;
      }
      client.write(chunk);
    });
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("The proxy has no port");
  return {
    port: address.port,
    loseConnectionAt(pattern, moment) {
      return new Promise<void>((sprung) => {
        trap = { pattern: Buffer.from(pattern), moment, sprung };
      });
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
