/**
 * What a test server logged as unexpected (errors masked as INTERNAL to the caller), checked
 * against what the running test declared it would cause. Anything else fails the test.
 */
export interface LoggedError {
  message: string;
  error: unknown;
}

function describeError({ message, error }: LoggedError): string {
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return `${message}: ${detail}`;
}

export class ServerErrorLog {
  private logged: LoggedError[] = [];
  private expected: { reason: string; matching: RegExp }[] = [];

  log(message: string, error: unknown): void {
    this.logged.push({ message, error });
  }

  /** The current test causes one error whose text matches `matching`, on purpose, for `reason`. */
  expect(reason: string, matching: RegExp): void {
    this.expected.push({ reason, matching });
  }

  /** Takes what was logged and declared since the last check; throws when they differ. */
  check(): void {
    const logged = this.logged.splice(0);
    const expected = this.expected.splice(0);
    const unexpected = logged.filter((entry) => {
      const index = expected.findIndex((declared) => declared.matching.test(describeError(entry)));
      if (index === -1) return true;
      expected.splice(index, 1);
      return false;
    });
    const problems = [
      ...unexpected.map((entry) => `unexpected server error — ${describeError(entry)}`),
      ...expected.map((declared) => `declared server error did not happen — ${declared.reason}`),
    ];
    if (problems.length > 0) throw new Error(problems.join("\n\n"));
  }
}
