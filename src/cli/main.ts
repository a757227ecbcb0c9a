#!/usr/bin/env node
import { runCli } from './program.js';

// What the first Ctrl-C or SIGTERM does, by command; a second one exits at once.
const ON_INTERRUPT: Record<string, string> = {
  worker: 'finishing the jobs in hand, then exiting (signal again to abandon them: another worker takes them back)',
  serve: 'finishing the requests in flight',
  queue: 'no longer waiting (the jobs in the queue go on)',
};
const controller = new AbortController();
let interrupts = 0;
const onInterrupt = () => {
  interrupts++;
  if (interrupts > 1) process.exit(130);
  const command = process.argv[2] ?? '';
  process.stderr.write(`\nprecis: stopping — ${ON_INTERRUPT[command] ?? 'the articles in progress are cancelled; --resume with --out finishes the run later'}\n`);
  controller.abort();
};
process.on('SIGINT', onInterrupt);
process.on('SIGTERM', onInterrupt);
// A closed pipe (`precis … | head`) is the reader saying it has enough, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

runCli(process.argv, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, signal: controller.signal })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(`precis: unexpected failure: ${error instanceof Error ? error.message : String(error)}\nThis is a bug in precis; please report it.\n`);
    process.exitCode = 70;
  });
