import { isPrecisError, UsageError } from '../errors.js';
import type { ArticleOptions } from '../pipeline.js';
import { createWorker, describeQueue, type WorkerEvent } from '../queue/create-worker.js';
import { enqueue } from '../queue/enqueue.js';
import { failedJobs, type JobState, queueStatus, type QueueStatus, retryFailed, waitForDrain } from '../queue/queue-status.js';
import type { QueueConnectionOptions } from '../queue/redis-connection.js';
import { type CliIO, pipelineOptionsFromFlags, type QueueAddFlags, type QueueFlags, type QueueStatusFlags, type WorkerFlags } from './program.js';

/** `precis queue add`: one job per article; prints what was added and what was there already. */
export async function runQueueAdd(paths: string[], flags: QueueAddFlags, io: CliIO): Promise<number> {
  const options: ArticleOptions = {
    sentences: flags.sentences,
    defaultDollar: flags.defaultDollar,
    tolerance: flags.pairTolerance,
    strategy: flags.strategy,
    maxWords: flags.maxWords,
    ...(flags.languages ? { languages: flags.languages } : {}),
    ...(flags.includeText ? { includeText: true } : {}),
    ...(flags.date ? { date: flags.date } : {}),
    ...(flags.entities ? { entities: flags.entities } : {}),
  };
  return guard(io, async () => {
    const counts = await enqueue(paths, {
      ...connectionOf(flags),
      command: flags.extract ? 'extract' : 'summarise',
      options,
      maxBytes: flags.maxBytes,
      attempts: flags.attempts,
      backoffMs: flags.backoff,
      include: flags.include,
      exclude: flags.exclude,
      stdin: io.stdin,
    });
    for (const bad of counts.unreadable) io.stderr.write(`precis: ${bad.id}: not queued: ${bad.message}\n`);
    if (!flags.quiet) {
      const failed = counts.failed > 0 ? `, ${counts.failed} failed before (precis queue status --retry-failed runs them again)` : '';
      io.stderr.write(
        `precis: ${counts.added} job(s) added, ${counts.queued} already queued, ${counts.done} already done${failed}${counts.unreadable.length > 0 ? `, ${counts.unreadable.length} not readable` : ''} (${describeQueue(connectionOf(flags))})\n`,
      );
    }
    return counts.unreadable.length > 0 ? 1 : 0;
  });
}

/** `precis queue status`: counts, throughput, failures; `--wait` blocks until the queue is drained. */
export async function runQueueStatus(flags: QueueStatusFlags, io: CliIO): Promise<number> {
  return guard(io, async () => {
    const connection = connectionOf(flags);
    if (flags.retryFailed) {
      const n = await retryFailed(connection);
      io.stderr.write(`precis: ${n} failed job(s) put back in the queue\n`);
    }
    let status: QueueStatus;
    if (flags.wait) {
      let last = '';
      status = await waitForDrain({
        ...connection,
        intervalMs: flags.interval,
        signal: io.signal,
        onStatus: (counts) => {
          // A line when something changed, not one per look.
          const line = summaryLine(counts);
          if (line !== last && !flags.json) io.stderr.write(`precis: ${line}\n`);
          last = line;
        },
      }).catch((error: unknown) => {
        if (io.signal.aborted) return null;
        throw error;
      }) as QueueStatus;
      if (status === null) return 130;
    } else {
      status = await queueStatus(connection);
    }
    const failed = flags.failed ? await failedJobs({ ...connection, limit: 1000 }) : null;
    if (flags.json) {
      io.stdout.write(JSON.stringify({ ...status, ...(failed ? { failed } : {}) }, null, 2) + '\n');
    } else {
      io.stdout.write(renderStatus(status));
      if (failed) {
        io.stdout.write(failed.length === 0 ? '\nNo failed jobs.\n' : `\nFailed jobs (${failed.length}):\n`);
        for (const job of failed) io.stdout.write(`  ${job.id}  ${job.code}  ${oneLine(job.message)}\n`);
      }
    }
    return flags.wait && status.counts.failed > 0 ? 1 : 0;
  });
}

/** `precis worker`: takes jobs until SIGTERM or Ctrl-C, then finishes those in hand and exits 0. */
export async function runWorker(flags: WorkerFlags, io: CliIO): Promise<number> {
  const level = LEVELS[flags.logLevel] ?? 2;
  const log = (lvl: number, fields: Record<string, unknown>) => {
    if (lvl <= level) io.stdout.write(JSON.stringify({ time: new Date().toISOString(), level: NAMES[lvl], pid: process.pid, ...fields }) + '\n');
  };
  const onEvent = (event: WorkerEvent) => {
    if (event.type === 'failed') log(event.willRetry ? 1 : 0, { msg: event.willRetry ? 'job failed, will retry' : 'job failed', ...event });
    else log(2, { msg: event.type === 'started' ? 'job started' : 'job completed', ...event });
  };
  return guard(io, async () => {
    let worker;
    try {
      worker = await createWorker({
        ...connectionOf(flags),
        out: flags.out,
        concurrency: flags.concurrency,
        lockDurationMs: flags.lockDuration,
        maxStalledCount: flags.maxStalled,
        pipelineOptions: pipelineOptionsFromFlags({ ...flags, sentences: 4, defaultDollar: 'USD', pairTolerance: 5, strategy: undefined, maxWords: undefined, summarise: true }),
        onEvent,
      });
    } catch (error) {
      if (error instanceof TypeError) throw new UsageError(error.message);
      if (isPrecisError(error) && error.code.startsWith('REFERENCE_RATES')) throw new UsageError(error.message, { cause: error });
      throw error;
    }
    const stopped = new Promise<void>((resolve) => {
      if (io.signal.aborted) resolve();
      io.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    const models = await Promise.race([worker.ready, stopped.then(() => null)]);
    if (models) {
      const missing = models.filter((m) => m.status !== 'loaded');
      if (missing.length > 0) io.stderr.write(`precis: ${missing.length} model(s) not loaded (${missing.map((m) => m.id).join(', ')}): summaries are extractive until \`precis models pull\`.\n`);
      io.stderr.write(`precis: worker ${process.pid} taking jobs from ${describeQueue(connectionOf(flags))}, ${flags.concurrency} at once, records into ${flags.out}\n`);
    }
    await stopped;
    await worker.close();
    const { batches, inputs } = worker.stats().generation;
    const batching = batches > 0 ? `; ${inputs} sentence(s) in ${batches} model call(s), ${(inputs / batches).toFixed(1)} per call` : '';
    io.stderr.write(`precis: worker stopped (${worker.counts.completed} done, ${worker.counts.failed} failed${batching})\n`);
    return 0;
  });
}

const LEVELS: Record<string, number> = { silent: -1, error: 0, warn: 1, info: 2 };
const NAMES = ['error', 'warn', 'info'];

function connectionOf(flags: QueueFlags): QueueConnectionOptions {
  return { ...(flags.redis ? { redis: flags.redis } : {}), queue: flags.queue, prefix: flags.prefix };
}

/** Queue problems end the command with exit 1 and their message; misuse is a usage error. */
async function guard(io: CliIO, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof TypeError) throw new UsageError(error.message);
    if (isPrecisError(error) && (error.code === 'QUEUE_UNAVAILABLE' || error.code === 'QUEUE_MISCONFIGURED')) {
      io.stderr.write(`precis: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function summaryLine(c: Record<JobState, number>): string {
  return `${c.completed} completed, ${c.failed} failed, ${c.active} active, ${c.waiting + c.prioritized} waiting, ${c.delayed} delayed${c.paused ? `, ${c.paused} paused` : ''}`;
}

function renderStatus(s: QueueStatus): string {
  const lines = [`Queue ${s.queue} on ${s.redis}`];
  const width = Math.max(...Object.values(s.counts).map((n) => String(n).length));
  for (const [state, n] of Object.entries(s.counts)) lines.push(`  ${state.padEnd(12)}${String(n).padStart(width)}`);
  lines.push(`  workers     ${s.workers ?? 'unknown'}`);
  lines.push(`  throughput  ${s.throughput === null ? '-' : `${s.throughput} articles/s (last jobs completed)`}`);
  if (s.failures.length > 0) {
    lines.push('Failures by reason:');
    for (const f of s.failures) lines.push(`  ${String(f.count).padStart(width)}  ${f.code}: ${oneLine(f.example)}`);
  }
  return lines.join('\n') + '\n';
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}
