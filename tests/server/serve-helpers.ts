import { spawn, type ChildProcess } from 'node:child_process';
import { createPipeline, type ArticleInput, type Pipeline, type PrecisRecord, type ProcessOptions } from '../../src/index.js';
import { createServer, type PrecisServer, type ServerOptions } from '../../src/server/index.js';
import { CLI, ROOT, fixture } from '../helpers.js';

export const MODELS = fixture('models');

export interface Running {
  server: PrecisServer;
  url: string;
}

/** A real server listening on a free loopback port. */
export async function startServer(options: ServerOptions = {}): Promise<Running> {
  const server = createServer({ logger: false, ...options, pipelineOptions: { modelsDir: MODELS, ...options.pipelineOptions } });
  const url = await server.listen({ host: '127.0.0.1', port: 0 });
  return { server, url };
}

export interface Gated {
  pipeline: Pipeline;
  /** Signals of the calls that reached the pipeline, in order. */
  signals: Array<AbortSignal | undefined>;
  /** Lets every held call (and every later one) through to the real pipeline. */
  release(): void;
}

/**
 * The real pipeline behind a gate: calls wait at the gate (or until their signal aborts), so a
 * test holds work in flight as long as it needs without depending on how fast a machine is.
 */
export function gatedPipeline(): Gated {
  const real = createPipeline({ modelsDir: MODELS, summarise: false });
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const signals: Array<AbortSignal | undefined> = [];
  const hold =
    (call: (input: string | ArticleInput, options?: ProcessOptions) => Promise<PrecisRecord>) =>
    async (input: string | ArticleInput, options: ProcessOptions = {}) => {
      signals.push(options.signal);
      await new Promise<void>((resolve) => {
        void gate.then(resolve);
        options.signal?.addEventListener('abort', () => resolve(), { once: true });
      });
      return call(input, options);
    };
  return {
    pipeline: { ...real, process: hold(real.process), extract: hold(real.extract) },
    signals,
    release: () => open(),
  };
}

export async function until(condition: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface Served {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** `precis serve` as a child process on a free port. */
export function serveCli(args: readonly string[]): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--log-level', 'silent', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const exit = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    child.stderr!.on('data', (d) => {
      stderr += d;
      const m = /listening on (http:\/\/\S+)/.exec(stderr);
      if (m) resolve({ child, url: m[1]!, stderr: () => stderr, exit });
    });
    child.on('error', reject);
    void exit.then((code) => reject(new Error(`precis serve exited with ${code}: ${stderr}`)));
  });
}
