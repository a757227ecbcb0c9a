// The job queue against one process, on the same folder: `precis extract --concurrency N --out`
// beside N `precis worker` processes fed by `precis queue add --extract`, on a throwaway Redis.
// Queue time runs from `queue add` to the drained queue (`queue status --wait`), workers already
// started and ready, as in a deployment; their start-up is printed apart.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRedisServer, startRedis } from './lib/redis-server.js';

interface Options {
  articles: number;
  workers: number;
  runs: number;
}

function run(cli: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function startWorker(cli: string, args: string[]): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, [cli, 'worker', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes('taking jobs from')) resolve();
    });
    child.on('exit', () => reject(new Error(`worker exited: ${stderr}`)));
  });
  return { child, ready };
}

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchQueue(root: string, options: Options): Promise<void> {
  const binary = findRedisServer();
  if (!binary) {
    console.log('Queue: NOT RUN — no redis-server (Debian: apt-get install redis-server).');
    return;
  }
  const cli = join(root, 'dist', 'cli', 'main.js');
  const corpus = join(root, 'corpus');
  const files = readdirSync(corpus).filter((f) => /\.(txt|md|html?|json)$/.test(f) && !f.endsWith('.json'));
  const work = mkdtempSync(join(tmpdir(), 'precis-bench-queue-'));
  const input = join(work, 'in');
  mkdirSync(input);
  // Distinct articles: the queue would rightly make one job of identical copies.
  for (let i = 0; i < options.articles; i++) {
    const name = files[i % files.length]!;
    const text = readFileSync(join(corpus, name));
    writeFileSync(join(input, `${String(i).padStart(5, '0')}-${name}`), Buffer.concat([text, Buffer.from(`\n\n(${i})\n`)]));
  }
  const n = options.workers;
  const redis = await startRedis(binary);
  const single: number[] = [];
  const queued: number[] = [];
  const adds: number[] = [];
  let startup = 0;
  try {
    for (let r = 0; r < options.runs; r++) {
      const out = join(work, `extract-${r}`);
      const t = process.hrtime.bigint();
      const res = await run(cli, ['extract', input, '--out', out, '--quiet', '--concurrency', String(n)]);
      single.push(seconds(t));
      const ok = (JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { counts: { ok: number } }).counts.ok;
      if (res.code !== 0 || ok !== options.articles) throw new Error(`extract failed: exit ${res.code}, ${ok} ok`);
    }
    for (let r = 0; r < options.runs; r++) {
      const queue = `bench-${r}`;
      const out = join(work, `queue-${r}`);
      const on = ['--redis', redis.url, '--queue', queue];
      const t0 = process.hrtime.bigint();
      // One extraction thread per worker: N workers use N threads, as extract --concurrency N
      // keeps N articles in flight.
      const workers = Array.from({ length: n }, () => startWorker(cli, [...on, '--out', out, '--threads', '1', '--concurrency', '2', '--log-level', 'silent']));
      await Promise.all(workers.map((w) => w.ready));
      startup = Math.max(startup, seconds(t0));
      const t = process.hrtime.bigint();
      const add = await run(cli, ['queue', 'add', input, '--extract', ...on, '-q']);
      if (add.code !== 0) throw new Error(`queue add failed: ${add.stderr}`);
      adds.push(seconds(t));
      const wait = await run(cli, ['queue', 'status', '--wait', '--interval', '100', '--json', ...on]);
      queued.push(seconds(t));
      const status = JSON.parse(wait.stdout) as { counts: { completed: number; failed: number } };
      const records = readdirSync(out).filter((f) => f.endsWith('.json')).length;
      for (const w of workers) w.child.kill('SIGTERM');
      await Promise.all(workers.map((w) => new Promise((r) => w.child.once('exit', r))));
      if (status.counts.completed !== options.articles || records !== options.articles) {
        throw new Error(`queue run incomplete: ${JSON.stringify(status.counts)}, ${records} record files`);
      }
    }
  } finally {
    await redis.stop();
    rmSync(work, { recursive: true, force: true });
  }
  const a = options.articles;
  const s = median(single);
  const q = median(queued);
  console.log(`Queue (${a} distinct articles, extract only, median of ${options.runs}):`);
  console.log(`  precis extract --concurrency ${n} --out     ${s.toFixed(1)} s   ${(a / s).toFixed(1)} articles/s`);
  console.log(`  ${n} x precis worker (queue add → drained)   ${q.toFixed(1)} s   ${(a / q).toFixed(1)} articles/s   (${((a / q / (a / s)) * 100).toFixed(0)} % of extract; queue add ${median(adds).toFixed(1)} s of it; worker start-up ${startup.toFixed(1)} s before)`);
}
