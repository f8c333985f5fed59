/**
 * The production build of the API (apps/api/dist/main.mjs, NODE_ENV=production) as a child
 * process on a chosen port: started, waited for, killed and restarted by the fault tests.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, existsSync, type WriteStream } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

export interface ApiOptions {
  root: string;
  databaseUrl: string;
  port: number;
  /** Where the process's output goes (appended across restarts). */
  logFile: string;
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** From the signal sent to the exit (reported, never asserted). */
  milliseconds: number;
}

/** A free loopback port (the kernel's choice, released for the API to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ApiProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<ProcessExit> | null = null;
  private readonly log: WriteStream;
  readonly url: string;
  starts = 0;

  constructor(private readonly options: ApiOptions) {
    this.url = `http://127.0.0.1:${options.port}`;
    this.log = createWriteStream(options.logFile, { flags: "a" });
    const main = join(options.root, "apps/api/dist/main.mjs");
    if (!existsSync(main)) throw new Error(`${main} is missing: run pnpm --filter @maillage/api build first`);
  }

  /** Starts the API and waits until it answers /healthz (bounded: a start that hangs fails). */
  async start(): Promise<void> {
    if (this.child) throw new Error("The API is already running");
    this.starts += 1;
    this.log.write(`\n── start ${this.starts} (${new Date().toISOString()})\n`);
    const child = spawn(process.execPath, [join(this.options.root, "apps/api/dist/main.mjs")], {
      cwd: this.options.root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: this.options.databaseUrl,
        PORT: String(this.options.port),
        HOST: "127.0.0.1",
        MAILLAGE_SEED: "none",
        MAILLAGE_RETENTION_JOB: "off",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => resolve({ code, signal, milliseconds: 0 }));
    });
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`The API exited while starting (see ${this.options.logFile})`);
      }
      try {
        const response = await fetch(`${this.url}/healthz`);
        await response.arrayBuffer();
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`The API did not answer /healthz within 180 s (see ${this.options.logFile})`);
  }

  /**
   * Sends `signal` and waits for the process to end; a SIGTERM not honoured within `graceMs` is
   * followed by SIGKILL (and reported as such by the exit's signal).
   */
  async stop(signal: "SIGKILL" | "SIGTERM", graceMs = 30_000): Promise<ProcessExit & { forced: boolean }> {
    const child = this.child;
    const exited = this.exited;
    if (!child || !exited) throw new Error("The API is not running");
    const sent = Date.now();
    child.kill(signal);
    let forced = false;
    const timer = setTimeout(() => {
      forced = true;
      child.kill("SIGKILL");
    }, graceMs);
    const exit = await exited;
    clearTimeout(timer);
    this.child = null;
    this.exited = null;
    this.log.write(
      `── stopped by ${signal}${forced ? " then SIGKILL" : ""}: code ${exit.code}, signal ${exit.signal}\n`,
    );
    return { ...exit, milliseconds: Date.now() - sent, forced };
  }

  /** Whether the process started last is still alive. */
  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async close(): Promise<void> {
    if (this.child) await this.stop("SIGTERM");
    await new Promise((resolve) => this.log.end(resolve));
  }
}
