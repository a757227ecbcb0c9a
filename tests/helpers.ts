import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const CORPUS = join(ROOT, 'corpus');
export const CLI = join(ROOT, 'dist', 'cli', 'main.js');
export const SEED = join(CORPUS, 'kr-budget-ai-fr.txt');

export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI to its end, with `input` on standard input (none by default). */
export function runPrecis(args: readonly string[], options: { input?: string | Buffer; cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    // Decoded as a stream: a character split across two chunks stays whole.
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    // A run that exits before reading its input (bad flags) closes the pipe: not an error of the test.
    child.stdin.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') reject(error);
    });
    child.stdin.end(options.input ?? '');
  });
}
