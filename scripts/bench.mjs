#!/usr/bin/env node
// Throughput and memory of the built CLI on the corpus repeated to many articles.
// Usage: npm run bench [-- --articles 1000 --concurrency 2]
// Prints whole-process figures: wall time, articles/s, peak RSS (VmHWM, read from /proc while the
// process runs; Linux only, "n/a" elsewhere).
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli', 'main.js');
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '2' },
    runs: { type: 'string', default: '3' },
  },
});
const wanted = Number(values.articles);
const runs = Number(values.runs);

const corpus = join(root, 'corpus');
const files = readdirSync(corpus).filter((f) => /\.(txt|md|html?|json)$/.test(f));
const work = mkdtempSync(join(tmpdir(), 'precis-bench-'));
const input = join(work, 'in');
mkdirSync(input);
const copies = Math.ceil(wanted / files.length);
for (let c = 0; c < copies; c++) {
  const dir = join(input, `copy-${String(c).padStart(4, '0')}`);
  cpSync(corpus, dir, { recursive: true });
}
const total = copies * files.length;
const bytes = files.reduce((n, f) => n + readFileSync(join(corpus, f)).length, 0) / files.length;

function peakRss(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

async function runOnce(args) {
  const out = join(work, 'out');
  rmSync(out, { recursive: true, force: true });
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [cli, ...args, input, '--out', out, '--quiet', '--concurrency', values.concurrency], { stdio: 'inherit' });
  let peak = null;
  const poll = setInterval(() => {
    const rss = peakRss(child.pid);
    if (rss !== null) peak = Math.max(peak ?? 0, rss);
  }, 25);
  const code = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(poll);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
  if (code !== 0 || run.counts.ok !== total) throw new Error(`bench run failed: exit ${code}, ${JSON.stringify(run.counts)}`);
  return { seconds, peak };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

console.log(`precis bench: ${total} articles (corpus × ${copies}, mean ${(bytes / 1024).toFixed(1)} KB), concurrency ${values.concurrency}, ${runs} runs, node ${process.version}`);
for (const command of ['extract']) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await runOnce([command]));
  const secs = results.map((r) => r.seconds);
  const rate = total / median(secs);
  const peaks = results.map((r) => r.peak).filter((p) => p !== null);
  console.log(
    `${command.padEnd(9)} wall median ${median(secs).toFixed(2)} s (min ${Math.min(...secs).toFixed(2)}, max ${Math.max(...secs).toFixed(2)}) | ${rate.toFixed(1)} articles/s | peak RSS ${peaks.length ? (Math.max(...peaks) / 1024 / 1024).toFixed(0) + ' MB' : 'n/a'}`,
  );
}
rmSync(work, { recursive: true, force: true });
