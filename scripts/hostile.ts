// The reliability campaign, replayed and measured (figures, not pass/fail timings):
//   1. writes the campaign's hostile inputs at their reported sizes to tests/fixtures/adversarial/
//      (regenerated each run, never committed) and runs `precis extract` on the folder: time and
//      outcome of every input;
//   2. Ctrl-C and SIGTERM during a stage of a 9 MB article: milliseconds from signal to exit;
//   3. `precis serve` with 8 of those inputs in flight: /healthz latency while they run, then
//      SIGTERM with work in flight: exit code and milliseconds to exit.
// Exits 1 if an input ends without a record, a signal is not obeyed, or the service fails.
// Usage: npm run hostile
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { campaignInputs } from '../tests/adversarial/generate-inputs.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli', 'main.js');
const dir = join(root, 'tests', 'fixtures', 'adversarial');
const seed = readFileSync(join(root, '..', 'shared', 'seed', 'article-fr.txt'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'precis-hostile-'));
let failures = 0;
const fail = (message: string) => {
  failures++;
  console.log(`  FAIL: ${message}`);
};

if (!existsSync(cli)) {
  console.error('Build first: npm run build');
  process.exit(2);
}

// 1. Every input ends with a record or a clear error.
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const inputs = campaignInputs(seed);
for (const input of inputs) writeFileSync(join(dir, `${input.name}.${input.format === 'html' ? 'html' : 'txt'}`), input.text);
const out = join(work, 'out');
const started = performance.now();
const batch = spawnSync(process.execPath, [cli, 'extract', dir, '--out', out, '-q'], { encoding: 'utf8' });
const seconds = (performance.now() - started) / 1000;
console.log(`Campaign inputs (${inputs.length}, written to tests/fixtures/adversarial/), precis extract --out, exit ${batch.status}, ${seconds.toFixed(1)} s in all:`);
for (const input of inputs) {
  const file = readdirSync(out).find((f) => f.startsWith(input.name));
  if (!file) {
    fail(`${input.name}: no record`);
    continue;
  }
  const record = JSON.parse(readFileSync(join(out, file), 'utf8')) as { ms: number; error?: { code: string }; amounts: unknown[] };
  const kb = Buffer.byteLength(input.text) / 1024;
  console.log(`  ${input.name.padEnd(20)} ${kb.toFixed(0).padStart(6)} KB ${String(record.ms).padStart(6)} ms  ${record.error ? record.error.code : `ok, ${record.amounts.length} amounts`}`);
}

// 2. Signals during a stage.
const nineMb = join(dir, 'one-line-9mb.txt');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  const sigOut = join(work, `sig-${signal}`);
  const child = spawn(process.execPath, [cli, 'extract', nineMb, '--out', sigOut, '-q'], { stdio: 'ignore' });
  await until(() => existsSync(join(sigOut, '.precis.lock')), 30_000);
  await sleep(1500);
  const sent = performance.now();
  child.kill(signal);
  const code = await exitOf(child, 30_000);
  const ms = performance.now() - sent;
  console.log(`${signal} during the extraction of a 9 MB article: exit ${code} after ${ms.toFixed(0)} ms`);
  if (code !== 130) fail(`${signal}: exit ${code}, expected 130`);
}

// 3. The service under 8 hostile documents.
const hostile = ['kim-run-800k', 'k-dollars-900k', 'nested-html-50000', 'elisions-600k', 'amounts-5000', 'ordinary-1.1mb', 'sentences-4000', 'ordinary-1.1mb'].map(
  (name) => inputs.find((i) => i.name === name)!,
);
const server = spawn(process.execPath, [cli, 'serve', '--port', '0', '--no-summarise', '--concurrency', '2', '--max-queued', '8', '--body-limit', '16MB', '--timeout', '60000', '--log-level', 'silent'], {
  stdio: ['ignore', 'ignore', 'pipe'],
});
let stderr = '';
server.stderr!.on('data', (d) => (stderr += d));
await until(() => /listening on (http:\/\/\S+)/.test(stderr), 30_000);
const url = /listening on (http:\/\/\S+)/.exec(stderr)![1]!;
await until(async () => (await fetch(`${url}/readyz`).catch(() => null))?.status === 200, 60_000);
const send = () =>
  hostile.map((input, i) =>
    fetch(`${url}/v1/extract?id=h${i}`, { method: 'POST', body: input.text, headers: { 'content-type': input.format === 'html' ? 'text/html' : 'text/plain' } }).then(
      // The body is read to its end, as a client does: a response nobody reads holds its
      // connection open until the shutdown timeout cuts it.
      async (r) => (await r.arrayBuffer(), r.status),
      () => 0,
    ),
  );
let settled = false;
const inFlight = Promise.all(send()).finally(() => (settled = true));
const latencies: number[] = [];
while (!settled) {
  const t0 = performance.now();
  const health = await fetch(`${url}/healthz`);
  latencies.push(performance.now() - t0);
  if (health.status !== 200) fail(`/healthz answered ${health.status}`);
  await sleep(25);
}
const statuses = await inFlight;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
console.log(`precis serve, 8 hostile documents in flight (${hostile.reduce((n, i) => n + Buffer.byteLength(i.text), 0) >> 10} KB): statuses ${statuses.join(' ')}`);
console.log(`  /healthz while they ran: ${latencies.length} probes, median ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, max ${pct(100).toFixed(1)} ms`);
if (pct(100) >= 100) fail('/healthz took 100 ms or more');
if (statuses.some((s) => s !== 200 && s !== 422)) fail('a hostile document did not end with its record');
const again = Promise.all(send());
await sleep(500);
const sent = performance.now();
server.kill('SIGTERM');
const code = await exitOf(server, 120_000);
console.log(`  SIGTERM with 8 more in flight: exit ${code} after ${(performance.now() - sent).toFixed(0)} ms (statuses ${(await again).join(' ')})`);
if (code !== 0) fail(`serve exited ${code} on SIGTERM`);

rmSync(work, { recursive: true, force: true });
console.log(failures === 0 ? 'hostile: all checks held' : `hostile: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function until(condition: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('hostile: a wait timed out');
    await sleep(20);
  }
}

function exitOf(child: ChildProcess, ms: number): Promise<number | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(null);
    }, ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
