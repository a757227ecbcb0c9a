import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI, CORPUS, fixture, ROOT, runPrecis } from '../helpers.js';
import { findRedisServer, type RedisHandle, startRedis, SYSTEM_TESTS_REQUIRED } from '../../scripts/lib/redis-server.js';

const REDIS_SERVER = findRedisServer();
if (!REDIS_SERVER) {
  const banner = '!'.repeat(78);
  console.warn(`\n${banner}\n! queue tests NOT RUN: no redis-server binary (Debian: apt-get install redis-server).\n! CI installs it and runs them.\n${banner}\n`);
}

describe.runIf(!REDIS_SERVER && SYSTEM_TESTS_REQUIRED)('queue tests in CI', () => {
  test('have a redis-server to run against', () => {
    throw new Error('PRECIS_REQUIRE_SYSTEM_TESTS=1 but redis-server is missing: .ci/run should have installed it (apt-get install -y redis-server).');
  });
});

const precis = runPrecis;

/** A worker process whose JSON-lines log is parsed as it comes. */
interface WorkerProcess {
  child: ChildProcess;
  events: Array<{ msg: string; jobId: string; id: string; written?: boolean; code?: string }>;
  stderr: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when the log has a line that `match` accepts. */
  waitFor(match: (e: WorkerProcess['events'][number]) => boolean): Promise<void>;
}

function startWorker(command: readonly string[], args: readonly string[]): WorkerProcess {
  const child = spawn(process.execPath, [...command, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const worker: WorkerProcess = {
    child,
    events: [],
    stderr: '',
    exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))),
    waitFor(match) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (worker.events.some(match)) {
            clearInterval(timer);
            resolve();
          } else if (child.exitCode !== null || child.signalCode !== null) {
            clearInterval(timer);
            reject(new Error(`worker exited before the awaited log line; stderr: ${worker.stderr}`));
          }
        };
        const timer = setInterval(check, 20);
      });
    },
  };
  let buffered = '';
  child.stdout!.on('data', (d: Buffer) => {
    buffered += d.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) if (line.trim()) worker.events.push(JSON.parse(line));
  });
  child.stderr!.on('data', (d: Buffer) => (worker.stderr += d.toString()));
  return worker;
}

/** 40 distinct articles: the corpus, each in a few variants (a dateline line makes each one new). */
function writeArticles(dir: string, count: number, tag = ''): string[] {
  mkdirSync(dir, { recursive: true });
  const sources = readdirSync(CORPUS).filter((f) => f.endsWith('.txt') && !f.includes('cp1252')).sort();
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length]!;
    const name = `a${String(i).padStart(2, '0')}-${source}`;
    writeFileSync(join(dir, name), `${readFileSync(join(CORPUS, source), 'utf8')}\n\n(${tag}${i + 1})\n`);
    names.push(name);
  }
  return names;
}

function records(dir: string): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json') || name === 'run.json') continue;
    // Timings are the only fields two runs may differ in.
    const record = JSON.parse(readFileSync(join(dir, name), 'utf8'), (key, value: unknown) => (key === 'ms' ? undefined : value)) as Record<string, unknown>;
    out.set(name, record);
  }
  return out;
}

describe.skipIf(!REDIS_SERVER)('the job queue, on a real Redis', () => {
  let redis: RedisHandle;
  let work: string;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    redis = await startRedis(REDIS_SERVER!);
    work = mkdtempSync(join(tmpdir(), 'precis-queue-'));
  });
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await redis?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  const on = (queue: string) => ['--redis', redis.url, '--queue', queue];
  const models = ['--models-dir', fixture('models'), '--max-new-tokens', '8', '--threads', '1'];

  test('the same folder added twice (with a duplicate) is 40 jobs; a worker killed with -9 loses and duplicates nothing', async () => {
    const dir = join(work, 'articles');
    const names = writeArticles(dir, 40);
    const first = await precis(['queue', 'add', dir, join(dir, names[5]!), ...on('kill')]);
    expect(first.stderr).toContain('40 job(s) added, 1 already queued, 0 already done');
    expect(first.code).toBe(0);
    const second = await precis(['queue', 'add', dir, ...on('kill')]);
    expect(second.stderr).toContain('0 job(s) added, 40 already queued, 0 already done');

    const out = join(work, 'out-kill');
    const worker = ['worker', ...on('kill'), '--out', out, '--concurrency', '2', '--lock-duration', '1500', ...models];
    const a = startWorker([CLI], worker);
    const b = startWorker([CLI], worker);
    workers.push(a, b);
    await a.waitFor((e) => e.msg === 'job started');
    a.child.kill('SIGKILL');
    expect((await a.exited).signal).toBe('SIGKILL');

    const wait = await precis(['queue', 'status', '--wait', '--interval', '200', '--json', ...on('kill')]);
    expect(wait.code).toBe(0);
    const status = JSON.parse(wait.stdout) as { counts: Record<string, number> };
    expect(status.counts).toMatchObject({ completed: 40, failed: 0, active: 0, waiting: 0 });

    // One record per article, each written once.
    const written = records(out);
    expect(written.size).toBe(40);
    const completed = [...a.events, ...b.events].filter((e) => e.msg === 'job completed');
    expect(new Set(completed.map((e) => e.jobId)).size).toBe(40);
    expect(completed.filter((e) => e.written).length).toBe(40);
    // Starts: one per job, plus one for each job the killed worker had started and not finished.
    const unfinished = a.events.filter((e) => e.msg === 'job started' && !a.events.some((c) => c.msg === 'job completed' && c.jobId === e.jobId)).length;
    expect(unfinished).toBeGreaterThan(0);
    const starts = [...a.events, ...b.events].filter((e) => e.msg === 'job started').length;
    expect(starts).toBe(40 + unfinished);

    // The same records as one `precis summarise` of the folder.
    const ref = join(work, 'ref');
    const single = await precis(['summarise', dir, '--out', ref, '-q', ...models]);
    expect(single.code).toBe(0);
    const expected = records(ref);
    expect([...written.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, record] of expected) expect(written.get(name), name).toEqual(record);

    // Added again once done: nothing to do, and the done jobs no longer hold their articles.
    const third = await precis(['queue', 'add', dir, ...on('kill')]);
    expect(third.stderr).toContain('0 job(s) added, 0 already queued, 40 already done');
    const client = new Redis(redis.url);
    const keys = await client.keys('precis:kill:0.1*');
    const sample = await client.hget(keys.find((k) => !k.endsWith(':lock') && !k.endsWith(':logs'))!, 'data');
    client.disconnect();
    expect(JSON.parse(sample!)).not.toHaveProperty('bytes');

    b.child.kill('SIGTERM');
    expect((await b.exited).code).toBe(0);
  }, 180_000);

  test('an article that kills its worker every time fails after the stall limit; every other article completes', async () => {
    const dir = join(work, 'poison');
    writeArticles(dir, 10, 'p');
    writeFileSync(join(dir, 'poison.txt'), 'POISON: this article makes the test worker kill itself.\n');
    const added = await precis(['queue', 'add', dir, '--extract', ...on('poison')]);
    expect(added.stderr).toContain('11 job(s) added');

    const out = join(work, 'out-poison');
    const script = fixture('queue', 'crash-on-poison.mjs');
    const args = [redis.url, 'poison', out];
    // A supervisor, as systemd's Restart=always: a worker that dies is started again.
    let stopping = false;
    const deaths: string[] = [];
    const supervise = (): WorkerProcess => {
      const w = startWorker([script], args);
      workers.push(w);
      void w.exited.then(({ signal }) => {
        if (signal === 'SIGKILL') deaths.push(w.stderr);
        if (!stopping) supervise();
      });
      return w;
    };
    supervise();
    supervise();

    const wait = await precis(['queue', 'status', '--wait', '--interval', '200', '--json', '--failed', ...on('poison')]);
    stopping = true;
    expect(wait.code).toBe(1);
    const status = JSON.parse(wait.stdout) as { counts: Record<string, number>; failures: Array<{ code: string; count: number }>; failed: Array<{ id: string; code: string }> };
    expect(status.counts).toMatchObject({ completed: 10, failed: 1 });
    expect(status.failures).toEqual([expect.objectContaining({ code: 'STALLED', count: 1 })]);
    expect(status.failed).toEqual([expect.objectContaining({ id: 'poison.txt', code: 'STALLED' })]);
    // Taken back once (the stall limit), so it killed two workers.
    expect(deaths.length).toBe(2);
    expect(records(out).size).toBe(10);
    const text = await precis(['queue', 'status', '--failed', ...on('poison')]);
    expect(text.stdout).toMatch(/failed\s+1/);
    expect(text.stdout).toContain('poison.txt  STALLED');
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGTERM');
  }, 180_000);

  test('a worker stopped by SIGTERM finishes the jobs in hand and exits 0', async () => {
    const dir = join(work, 'term');
    writeArticles(dir, 12, 't');
    await precis(['queue', 'add', dir, '--extract', ...on('term')]);
    const out = join(work, 'out-term');
    const w = startWorker([CLI], ['worker', ...on('term'), '--out', out, '--concurrency', '3', '--threads', '1']);
    workers.push(w);
    await w.waitFor((e) => e.msg === 'job started');
    w.child.kill('SIGTERM');
    expect((await w.exited).code).toBe(0);
    const started = new Set(w.events.filter((e) => e.msg === 'job started').map((e) => e.jobId));
    const completed = new Set(w.events.filter((e) => e.msg === 'job completed').map((e) => e.jobId));
    expect(completed).toEqual(started);
    expect(records(out).size).toBe(completed.size);
    expect(w.stderr).toMatch(/worker stopped \(\d+ done, 0 failed\)/);
    const status = JSON.parse((await precis(['queue', 'status', '--json', ...on('term')])).stdout) as { counts: Record<string, number> };
    expect(status.counts.active).toBe(0);
    expect(status.counts.completed! + status.counts.waiting!).toBe(12);
  }, 120_000);

  test('failed jobs are listed and put back by --retry-failed; bad input fails without retry', async () => {
    const dir = join(work, 'bad');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'empty.txt'), '');
    copyFileSync(join(CORPUS, 'kr-budget-ai-fr.txt'), join(dir, 'good.txt'));
    await precis(['queue', 'add', dir, '--extract', ...on('bad')]);
    const out = join(work, 'out-bad');
    const w = startWorker([CLI], ['worker', ...on('bad'), '--out', out, '--threads', '1']);
    workers.push(w);
    const wait = await precis(['queue', 'status', '--wait', '--interval', '200', ...on('bad')]);
    expect(wait.code).toBe(1);
    expect(wait.stdout).toMatch(/INPUT_EMPTY: /);
    const failure = w.events.find((e) => e.msg === 'job failed')!;
    expect(failure).toMatchObject({ id: 'empty.txt', code: 'INPUT_EMPTY', willRetry: false });
    // The failed article has its record, as in a batch run.
    expect((records(out).get('empty.txt.json')?.error as { code: string }).code).toBe('INPUT_EMPTY');

    const retried = await precis(['queue', 'status', '--retry-failed', '--wait', '--interval', '200', ...on('bad')]);
    expect(retried.stderr).toContain('1 failed job(s) put back in the queue');
    expect(retried.code).toBe(1);
    expect(w.events.filter((e) => e.msg === 'job started' && e.id === 'empty.txt').length).toBe(2);
    w.child.kill('SIGTERM');
    await w.exited;
  }, 120_000);

  test('a failure that may pass (TIMEOUT) is retried with backoff, and its last try writes the record', async () => {
    const { enqueue, createWorker, waitForDrain, failedJobs } = await import('../../src/queue/index.js');
    const connection = { redis: redis.url, queue: 'retry' };
    const text = readFileSync(join(CORPUS, 'kr-budget-ai-fr.txt'), 'utf8');
    await enqueue({ articles: [{ id: 'slow', text }] }, { ...connection, command: 'extract', attempts: 2, backoffMs: 50 });
    const out = join(work, 'out-retry');
    const events: Array<{ type: string; willRetry?: boolean; code?: string }> = [];
    const worker = await createWorker({ ...connection, out, pipelineOptions: { threads: 1, summarise: false, timeoutMs: 1 }, onEvent: (e) => events.push(e) });
    await worker.ready;
    const status = await waitForDrain({ ...connection, intervalMs: 50 });
    await worker.close();
    expect(status.counts).toMatchObject({ completed: 0, failed: 1 });
    expect(events.filter((e) => e.type === 'failed')).toEqual([
      expect.objectContaining({ code: 'TIMEOUT', willRetry: true }),
      expect.objectContaining({ code: 'TIMEOUT', willRetry: false }),
    ]);
    expect((records(out).get('slow.json')?.error as { code: string }).code).toBe('TIMEOUT');
    expect((await failedJobs(connection))[0]).toMatchObject({ id: 'slow', code: 'TIMEOUT', attempts: 2 });
  }, 60_000);

  test('two articles with the same id from separate adds both keep their records', async () => {
    const budget = readFileSync(join(CORPUS, 'kr-budget-ai-fr.txt'), 'utf8');
    const defence = readFileSync(join(CORPUS, 'kr-defence-fr.txt'), 'utf8');
    await precis(['queue', 'add', '-', '--extract', ...on('same-id')], { input: budget });
    await precis(['queue', 'add', '-', '--extract', ...on('same-id')], { input: defence });
    const out = join(work, 'out-same-id');
    const w = startWorker([CLI], ['worker', ...on('same-id'), '--out', out, '--threads', '1']);
    workers.push(w);
    expect((await precis(['queue', 'status', '--wait', '--interval', '200', ...on('same-id')])).code).toBe(0);
    w.child.kill('SIGTERM');
    await w.exited;
    const written = records(out);
    expect(written.size).toBe(2);
    expect(written.get('stdin.json')).toBeDefined();
    const texts = [...written.values()].map((r) => (r.title as string | null) ?? '');
    expect(new Set(texts).size).toBe(2);
    expect([...written.keys()].find((k) => k !== 'stdin.json')).toMatch(/^stdin~[0-9a-f]{8}\.json$/);
  }, 60_000);

  test('JSONL (plain and gzip) is queued one job per line, and the library API runs the same queue', async () => {
    const { enqueue, createWorker, waitForDrain, queueStatus } = await import('../../src/queue/index.js');
    const { gzipSync } = await import('node:zlib');
    const text = readFileSync(join(CORPUS, 'kr-budget-ai-fr.txt'), 'utf8');
    const lines = [1, 2, 3].map((n) => JSON.stringify({ id: `n${n}`, title: `Dépêche ${n}`, text: `${text}\n(${n})` })).join('\n') + '\n';
    const dir = join(work, 'jsonl');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'feed.jsonl'), lines);
    writeFileSync(join(dir, 'feed2.jsonl.gz'), gzipSync(lines.replaceAll('(', '[')));
    const connection = { redis: redis.url, queue: 'lib' };
    const counts = await enqueue([dir], { ...connection, command: 'extract' });
    expect(counts).toMatchObject({ added: 6, queued: 0, done: 0 });
    const again = await enqueue({ articles: [{ id: 'given', text }] }, { ...connection, command: 'extract' });
    expect(again.added).toBe(1);

    const out = join(work, 'out-lib');
    const events: string[] = [];
    const worker = await createWorker({ ...connection, out, pipelineOptions: { threads: 1, summarise: false }, onEvent: (e) => events.push(e.type) });
    await worker.ready;
    const status = await waitForDrain({ ...connection, intervalMs: 100 });
    await worker.close();
    expect(status.counts).toMatchObject({ completed: 7, failed: 0 });
    const written = records(out);
    expect([...written.keys()].sort()).toEqual(['feed.jsonl#n1.json', 'feed.jsonl#n2.json', 'feed.jsonl#n3.json', 'feed2.jsonl.gz#n1.json', 'feed2.jsonl.gz#n2.json', 'feed2.jsonl.gz#n3.json', 'given.json']);
    const n2 = written.get('feed.jsonl#n2.json') as { title: string; source: { offset: number; format: string } };
    expect(n2.title).toBe('Dépêche 2');
    expect(n2.source.format).toBe('json');
    expect(n2.source.offset).toBe(Buffer.byteLength(lines.split('\n')[0]!) + 1);
    expect(events.filter((e) => e === 'completed').length).toBe(7);
    expect((await queueStatus(connection)).throughput).not.toBeUndefined();
  }, 60_000);

  test('a Redis that cannot be reached, or that may evict jobs, is a clear error', async () => {
    const down = await precis(['queue', 'status', '--redis', 'redis://127.0.0.1:1']);
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/Cannot reach the queue's Redis at redis:\/\/127\.0\.0\.1:1 \(ECONNREFUSED\)/);
    const secret = await precis(['queue', 'add', CORPUS, '--redis', 'redis://:hunter2@127.0.0.1:1']);
    expect(secret.stderr).not.toContain('hunter2');
    const client = new Redis(redis.url);
    await client.config('SET', 'maxmemory-policy', 'allkeys-lru');
    try {
      const evicting = await precis(['queue', 'status', ...on('kill')]);
      expect(evicting.code).toBe(1);
      expect(evicting.stderr).toContain('maxmemory-policy allkeys-lru');
      expect(evicting.stderr).toContain('noeviction');
    } finally {
      await client.config('SET', 'maxmemory-policy', 'noeviction');
      client.disconnect();
    }
  });

  test('serve --queue-dashboard shows the queue on this machine only, and its counts in /metrics', async () => {
    const { createServer } = await import('../../src/server/index.js');
    const server = createServer({ pipelineOptions: { threads: 0, summarise: false }, warmUp: false, queue: { redis: redis.url, queue: 'kill', dashboard: true } });
    try {
      await server.app.ready();
      const page = await server.app.inject({ method: 'GET', url: '/queues/' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      const api = await server.app.inject({ method: 'GET', url: '/queues/api/queues' });
      expect(api.statusCode).toBe(200);
      expect((api.json() as { queues: Array<{ name: string; counts: { completed: number } }> }).queues[0]).toMatchObject({ name: 'kill', counts: { completed: 40 } });
      const remote = await server.app.inject({ method: 'GET', url: '/queues/api/queues', remoteAddress: '192.0.2.7' });
      expect(remote.statusCode).toBe(403);
      expect(remote.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
      const metrics = await server.app.inject({ method: 'GET', url: '/metrics' });
      expect(metrics.body).toContain('precis_queue_jobs{state="completed"} 40');
      expect(metrics.body).toContain('precis_queue_up 1');
    } finally {
      await server.close();
    }
  });
});
