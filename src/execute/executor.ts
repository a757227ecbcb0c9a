import { availableParallelism } from 'node:os';
import PQueue from 'p-queue';
import Tinypool from 'tinypool';
import { AbortError, InputError, TimeoutError, isAbortError, throwIfAborted } from '../errors.js';
import type { ReferenceTable } from '../money/reference-rates.js';
import type { Logger } from '../util/logger.js';
import { untilAborted } from '../util/until-aborted.js';
import { workerExecArgv } from '../util/worker-exec-argv.js';

export { workerExecArgv };
import type { createExtractor, ExtractionResult, ExtractionTask } from './extraction.js';
import type { ExtractionWorkerData } from './extraction-worker.js';

export interface ExecutorOptions {
  /** Worker threads; 0 runs the extraction in the calling thread, with soft deadlines only. */
  threads: number;
  referenceRates: ReferenceTable | null;
  /** Heap of one worker thread, in MB: an article that needs more gets `INPUT_TOO_COMPLEX`. */
  memoryMb: number;
  logger: Logger;
}

export interface ExecuteOptions {
  signal?: AbortSignal;
  /** The article's deadline for this work, from when a thread takes it. */
  timeoutMs: number;
}

/**
 * Where the CPU work of articles runs. With threads, an article past its deadline, or one the
 * caller cancels, is stopped by terminating its thread (the pool starts another), so no input can
 * hold a thread, the event loop or a signal handler hostage.
 */
export interface Executor {
  readonly threads: number;
  run(task: ExtractionTask, options: ExecuteOptions): Promise<ExtractionResult>;
  /** Starts the threads (if not yet started) and resolves when each has loaded what it needs. */
  warm(): Promise<void>;
  /** Stops the threads; work in flight is cancelled. */
  close(): Promise<void>;
}

export const DEFAULT_THREADS = availableParallelism();

/**
 * The stages `extractionStages` runs, by name: the host knows them without loading the NLP stack
 * its threads load (a test keeps the two lists equal).
 */
export const EXTRACTION_STAGE_NAMES: readonly string[] = ['clean-text', 'detect-language', 'segment-sentences', 'extract-amounts', 'extract-entities', 'rank-sentences'];
export const DEFAULT_WORKER_MEMORY_MB = 2048;

export function createExecutor(options: ExecutorOptions): Executor {
  return options.threads === 0 ? inCallingThread(options) : inWorkerThreads(options);
}

interface SharedExecutor {
  executor: Executor;
  users: number;
  loggers: Set<Logger>;
}

// Pipelines of one process with the same threads, memory and reference table share one pool:
// a host that builds several pipelines (one per option set, one per test) starts its threads once.
const shared = new Map<ReferenceTable | null, Map<string, SharedExecutor>>();

/**
 * The process's executor for these options, shared with other pipelines; `release` closes it
 * when its last user is done.
 */
export function acquireExecutor(options: ExecutorOptions): { executor: Executor; release(): Promise<void> } {
  if (options.threads === 0) {
    const executor = createExecutor(options);
    return { executor, release: () => executor.close() };
  }
  const byTable = shared.get(options.referenceRates) ?? new Map<string, SharedExecutor>();
  shared.set(options.referenceRates, byTable);
  const key = `${options.threads}:${options.memoryMb}`;
  let entry = byTable.get(key);
  if (!entry) {
    const loggers = new Set<Logger>();
    const fanOut: Logger = { warn: (message, fields) => loggers.forEach((l) => l.warn?.(message, fields)) };
    entry = { executor: createExecutor({ ...options, logger: fanOut }), users: 0, loggers };
    byTable.set(key, entry);
  }
  const mine = entry;
  mine.users += 1;
  mine.loggers.add(options.logger);
  let released = false;
  return {
    executor: mine.executor,
    async release() {
      if (released) return;
      released = true;
      mine.users -= 1;
      mine.loggers.delete(options.logger);
      if (mine.users > 0) return;
      byTable.delete(key);
      if (byTable.size === 0) shared.delete(options.referenceRates);
      await mine.executor.close();
    },
  };
}

/** An article past its deadline; `advice` says what to change. */
export function deadlineError(timeoutMs: number, advice = 'Split very long documents into articles, or raise the deadline (--timeout, `timeoutMs`).'): TimeoutError {
  return new TimeoutError(`The article took longer than its ${timeoutMs} ms deadline, so its work was stopped. ${advice}`);
}

function inWorkerThreads(options: ExecutorOptions): Executor {
  const { threads, logger } = options;
  // Each task is handed to the pool only when a thread is free for it, so its deadline counts
  // its own work, never the wait behind other articles.
  const slots = new PQueue({ concurrency: threads });
  let pool: Tinypool | undefined;
  let ready: Promise<void> | undefined;
  let closed = false;

  const start = (): Tinypool => {
    if (pool) return pool;
    const workerData: ExtractionWorkerData = { referenceRates: options.referenceRates };
    pool = new Tinypool({
      filename: workerFile(),
      // Threads start as work needs them (one article starts one), or all at once with warm(),
      // and stay until close(): idle threads hold no event loop open.
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: 2 ** 31 - 1,
      workerData,
      execArgv: workerExecArgv(process.execArgv),
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
    });
    // A thread that dies between tasks is replaced by the pool; it is only worth a log line.
    pool.on('error', (error: Error) => logger.warn?.('extraction thread failed between articles', { error: error.message }));
    return pool;
  };
  // Loading the NLP stack takes a thread a moment; that time belongs to no article's deadline.
  const warm = (): Promise<void> => {
    if (ready) return ready;
    const p = start();
    const warmUp: ExtractionTask = { warmUp: true } as unknown as ExtractionTask;
    ready = Promise.all(Array.from({ length: threads }, () => runOnPool(p, warmUp))).then(
      () => undefined,
      (error: unknown) => {
        ready = undefined;
        throw error;
      },
    );
    return ready;
  };

  return {
    threads,
    warm() {
      return closed ? Promise.resolve() : holdOpen(warm());
    },
    run(task, { signal, timeoutMs }) {
      if (closed) return Promise.reject(new AbortError('The executor was closed.'));
      return holdOpen(slots.add(
        async () => {
          throwIfAborted(signal);
          await untilAborted(warm(), signal, () => new AbortError());
          const controller = new AbortController();
          let timedOut = false;
          const timer = setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, timeoutMs);
          const onAbort = () => controller.abort();
          signal?.addEventListener('abort', onAbort, { once: true });
          try {
            return (await runOnPool(start(), task, controller.signal)) as ExtractionResult;
          } catch (error) {
            if (timedOut) throw deadlineError(timeoutMs);
            if (signal?.aborted || isAbortError(error)) throw new AbortError();
            if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
              throw new InputError(
                'INPUT_TOO_COMPLEX',
                `The article needed more than the ${options.memoryMb} MB of memory one document may use, so its work was stopped. Split it into articles.`,
              );
            }
            throw error;
          } finally {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
          }
        },
        { throwOnTimeout: true },
      ) as Promise<ExtractionResult>);
    },
    async close() {
      closed = true;
      slots.clear();
      await pool?.destroy();
    },
  };
}

/**
 * Keeps the process alive while `promise` is pending. Idle threads hold nothing open (a host that
 * forgets close() still exits), and a thread that is starting holds nothing either: without this,
 * a script awaiting its first article could end with the article unfinished.
 */
function holdOpen<T>(promise: Promise<T>): Promise<T> {
  const handle = setInterval(() => undefined, 1 << 30);
  return promise.finally(() => clearInterval(handle));
}

/**
 * tinypool removes the thread of a cancelled task, but that thread's last reply can still hand it
 * a waiting task before it is gone. That task was not at fault and runs again: the extraction is
 * a pure function of its task.
 */
async function runOnPool(pool: Tinypool, task: unknown, signal?: AbortSignal): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await pool.run(task, signal ? { signal } : {});
    } catch (error) {
      if (attempt >= 3 || signal?.aborted || (error as Error).message !== 'Terminating worker thread') throw error;
    }
  }
}

function inCallingThread(options: ExecutorOptions): Executor {
  let extract: ReturnType<typeof createExtractor> | undefined;
  return {
    threads: 0,
    async warm() {
      extract ??= (await import('./extraction.js')).createExtractor(options.referenceRates);
    },
    async run(task, { signal, timeoutMs }) {
      // Let the host's timers and sockets run before a stretch of synchronous work.
      await new Promise<void>((resolve) => setImmediate(resolve));
      throwIfAborted(signal);
      const deadline = performance.now() + timeoutMs;
      extract ??= (await import('./extraction.js')).createExtractor(options.referenceRates);
      // Nothing can interrupt synchronous work in this thread: the deadline is checked between stages.
      return extract(task, () => {
        if (performance.now() > deadline) throw deadlineError(timeoutMs);
      });
    },
    async close() {},
  };
}

function workerFile(): string {
  return new URL(import.meta.url.endsWith('.ts') ? './extraction-worker.dev.mjs' : './extraction-worker.js', import.meta.url).href;
}
