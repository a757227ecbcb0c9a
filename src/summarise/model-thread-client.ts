import { Worker } from 'node:worker_threads';
import { workerExecArgv } from '../util/worker-exec-argv.js';
import type { Logger } from '../util/logger.js';
import type { ThreadCall, ThreadReply } from './model-thread-protocol.js';

type Settled = Exclude<ThreadReply, { type: 'log' | 'failed' }>;

interface Waiter {
  resolve(reply: Settled): void;
  reject(error: Error): void;
  logger: Logger;
}

/**
 * The main-thread end of the model thread: numbered requests, one promise each. The worker
 * holds the process open only while a request is pending, so a host that forgets close() still
 * exits; it is never terminated, because onnxruntime-node cannot be loaded into a second thread.
 */
export class ModelThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Waiter>();
  private readonly deathListeners = new Set<() => void>();
  private nextId = 1;
  private failure: Error | null = null;

  constructor() {
    this.worker = startWorker();
    this.worker.unref();
    this.worker.on('message', (reply: ThreadReply) => {
      if (reply.type === 'log') {
        const logger = reply.requestId === undefined ? undefined : this.pending.get(reply.requestId)?.logger;
        logger?.[reply.level]?.(reply.message, { model: reply.model });
        return;
      }
      const waiter = this.pending.get(reply.requestId);
      if (!waiter) return;
      this.settle(reply.requestId);
      if (reply.type === 'failed') waiter.reject(new Error(reply.message));
      else waiter.resolve(reply);
    });
    const die = (error: Error) => {
      if (this.failure) return;
      this.failure = error;
      for (const [id, waiter] of this.pending) {
        this.settle(id);
        waiter.reject(error);
      }
      for (const listener of this.deathListeners) listener();
    };
    this.worker.on('error', (error) => die(new Error(`the model thread failed: ${error.message}`)));
    this.worker.on('exit', (code) => die(new Error(`the model thread exited (code ${code})`)));
  }

  get alive(): boolean {
    return this.failure === null;
  }

  /** Called if the thread dies, taking every model loaded in it. */
  onDeath(listener: () => void): () => void {
    this.deathListeners.add(listener);
    return () => this.deathListeners.delete(listener);
  }

  call<T extends Settled['type']>(request: ThreadCall, expect: T, logger: Logger): Promise<Extract<Settled, { type: T }>> {
    if (this.failure) return Promise.reject(this.failure);
    const requestId = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, {
        resolve: (reply) => (reply.type === expect ? resolve(reply as Extract<Settled, { type: T }>) : reject(new Error(`unexpected reply ${reply.type} to ${request.type}`))),
        reject,
        logger,
      });
      this.worker.postMessage({ ...request, requestId });
    });
  }

  private settle(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }
}

let shared: ModelThread | undefined;

/** The process's model thread, started on first use. */
export function modelThread(): ModelThread {
  // After a crash a new thread is tried; if onnxruntime cannot load again, loads say so.
  if (!shared?.alive) shared = new ModelThread();
  return shared;
}

function startWorker(): Worker {
  // Run from the TypeScript sources (tests, tsx) the thread registers tsx to load its .ts entry;
  // the built package runs the compiled .js.
  if (import.meta.url.endsWith('.ts')) {
    const entry = new URL('./model-thread.ts', import.meta.url).href;
    return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`, { eval: true, execArgv: workerExecArgv(process.execArgv) });
  }
  return new Worker(new URL('./model-thread.js', import.meta.url), { execArgv: workerExecArgv(process.execArgv) });
}
