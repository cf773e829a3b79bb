/** The streams and environment a command runs with: the process's, or a test's. */

export interface OutputStream {
  write(chunk: string): unknown;
  /** True on a terminal: progress is then drawn with a spinner. */
  isTTY?: boolean;
  columns?: number;
}

export type InputStream = NodeJS.ReadableStream & {
  isTTY?: boolean;
  setRawMode?(raw: boolean): unknown;
};

export interface CliIO {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: InputStream;
  env: NodeJS.ProcessEnv;
}

export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}
