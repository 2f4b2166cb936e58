/** What the CLI commands need from the process, injected so every piece can be tested without one. */
export interface CliDeps {
  env: Readonly<Record<string, string | undefined>>;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Lazy: touching `process.stdin` creates a handle, so only commands that may prompt ask for it. */
  stdin: () => NodeJS.ReadStream;
}

export function processDeps(): CliDeps {
  return { env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: () => process.stdin };
}
