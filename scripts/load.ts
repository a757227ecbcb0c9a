// Load test of `precis serve`: overload, measured, and a few properties checked.
// Each scenario starts its own server child on 127.0.0.1 (port 0) with a small, explicit
// capacity (--concurrency C --max-queued Q) and drives it with more clients than it admits, so
// admission control is exercised rather than assumed:
//   1. extract:   --no-summarise, POST /v1/extract
//   2. summarise: the tiny fixture models (tests/fixtures/models), POST /v1/summarise
// Prints status counts, throughput, latency, the server's RSS and the queue depth seen on
// /metrics; checks no connection errors, some 429s, no 5xx, queue depth ≤ Q, in flight ≤ C and a
// clean SIGTERM exit. Exits 1 when a check fails.
// There is deliberately no option to aim it at another host: it only ever loads a server it
// started itself, on loopback, with a bounded number of requests.
// Usage: npm run load [-- --only extract|summarise --clients 32 --concurrency 2 --max-queued 6
//                        --requests-extract 2000 --requests-summarise 5000]
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import setupFixtures from '../tests/global-setup.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli', 'main.js');
const corpus = join(root, 'corpus');
const fixtureModels = join(root, 'tests', 'fixtures', 'models');

// Hard ceilings, so a typo cannot turn a load test into a flood.
const MAX_REQUESTS = 100_000;
const MAX_CLIENTS = 1024;
// Bounds on every wait, so a wedged server fails the run instead of hanging it.
const START_TIMEOUT_MS = 30_000;
const READY_TIMEOUT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 60_000;
const EXIT_TIMEOUT_MS = 45_000;
const SAMPLE_MS = 100;
const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]']);

let values: {
  only?: string | undefined;
  clients?: string | undefined;
  concurrency?: string | undefined;
  'max-queued'?: string | undefined;
  'requests-extract'?: string | undefined;
  'requests-summarise'?: string | undefined;
};
try {
  ({ values } = parseArgs({
    options: {
      only: { type: 'string' },
      clients: { type: 'string' },
      concurrency: { type: 'string', default: '2' },
      'max-queued': { type: 'string', default: '6' },
      'requests-extract': { type: 'string', default: '2000' },
      // Most summarise requests are 429s sent ~10 ms apart while a document takes ~0.5–1 s even
      // with the tiny models (random weights always generate the maximum tokens), so it takes
      // thousands of requests to see a few dozen documents admitted.
      'requests-summarise': { type: 'string', default: '5000' },
    },
  }));
} catch (error) {
  // Unknown options (--host, --url, ...) land here: the target is always a local child.
  console.error(`load: ${(error as Error).message}. The load test only targets a server it starts itself on 127.0.0.1.`);
  process.exit(2);
}

function int(name: string, raw: string | undefined, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`load: --${name} takes an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return n;
}

const concurrency = int('concurrency', values.concurrency, 1, 64);
const maxQueued = int('max-queued', values['max-queued'], 0, 1024);
const capacity = concurrency + maxQueued;
// 4× the capacity, so most clients are always being refused and the queue never drains.
const clients = int('clients', values.clients ?? String(Math.min(MAX_CLIENTS, 4 * capacity)), 1, MAX_CLIENTS);
const requestsExtract = int('requests-extract', values['requests-extract'], 1, MAX_REQUESTS);
const requestsSummarise = int('requests-summarise', values['requests-summarise'], 1, MAX_REQUESTS);
if (values.only !== undefined && values.only !== 'extract' && values.only !== 'summarise') {
  console.error(`load: --only takes extract or summarise, got ${JSON.stringify(values.only)}`);
  process.exit(2);
}

// Raw bytes, not strings: the server must detect encodings (one file is cp1252) as it would for a real client.
const bodies = readdirSync(corpus)
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort()
  .map((f) => ({ name: f, bytes: readFileSync(join(corpus, f)) }));

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(0)} MB`);
const ms = (x: number | null) => (x === null ? 'n/a' : x < 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(0)} ms`);

/** Nearest-rank percentile of an ascending array; null when empty. */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

// ---------- the server child ----------

interface Served {
  child: ChildProcess;
  pid: number;
  url: URL;
  stderr(): string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children = new Set<ChildProcess>();
// A script that throws half-way must not leave a server running behind it.
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

async function startServer(args: string[]): Promise<Served> {
  const child = spawn(process.execPath, [cli, 'serve', '--host', '127.0.0.1', '--port', '0', '--log-level', 'silent', ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not report listening within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const m = /precis: listening on (http:\/\/\S+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exit.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening (code ${code}, signal ${signal}):\n${stderr}`));
    });
  });
  let url: URL;
  try {
    url = new URL(await listening);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  if (!LOOPBACK.has(url.hostname)) {
    child.kill('SIGKILL');
    throw new Error(`refusing to load ${url.href}: not a loopback address`);
  }
  return { child, pid: child.pid!, url, stderr: () => stderr, exit };
}

// ---------- HTTP ----------

type Outcome =
  | { kind: 'response'; status: number; ms: number; body: Buffer; retryAfter: boolean }
  | { kind: 'error'; ms: number; message: string };

function send(agent: Agent, url: URL, method: 'GET' | 'POST', path: string, body?: Buffer): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const headers: Record<string, string | number> = body ? { 'content-type': 'text/plain', 'content-length': body.length } : {};
    const req = request({ agent, host: url.hostname, port: url.port, method, path, headers, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          kind: 'response',
          status: res.statusCode ?? 0,
          ms: performance.now() - started,
          body: Buffer.concat(chunks),
          retryAfter: res.headers['retry-after'] !== undefined,
        }),
      );
      res.on('error', (error) => resolve({ kind: 'error', ms: performance.now() - started, message: error.message }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', (error) => resolve({ kind: 'error', ms: performance.now() - started, message: (error as NodeJS.ErrnoException).code ?? error.message }));
    req.end(body);
  });
}

function errorCode(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { error?: { code?: string } };
    return parsed.error?.code ?? 'no error.code';
  } catch {
    return 'not JSON';
  }
}

async function waitReady(agent: Agent, url: URL): Promise<number> {
  const started = performance.now();
  for (;;) {
    const r = await send(agent, url, 'GET', '/readyz');
    if (r.kind === 'response' && r.status === 200) return performance.now() - started;
    if (performance.now() - started > READY_TIMEOUT_MS) {
      throw new Error(`/readyz not 200 within ${READY_TIMEOUT_MS} ms (last: ${r.kind === 'response' ? `${r.status} ${r.body.toString('utf8').slice(0, 300)}` : r.message})`);
    }
    await sleep(100);
  }
}

// ---------- one scenario ----------

interface Scenario {
  name: 'extract' | 'summarise';
  label: string;
  path: string;
  serverArgs: string[];
  requests: number;
}

interface Result {
  name: string;
  sent: number;
  reqPerSec: number;
  completedPerSec: number;
  p50: number | null;
  p99: number | null;
  peakRss: number | null;
  refused: number;
  passed: boolean;
}

async function runScenario(s: Scenario): Promise<Result> {
  console.log(`\n## ${s.name}: ${s.label}`);
  console.log(`${s.requests} requests from ${clients} clients, server --concurrency ${concurrency} --max-queued ${maxQueued} (capacity ${capacity})`);
  const served = await startServer(['--concurrency', String(concurrency), '--max-queued', String(maxQueued), ...s.serverArgs]);
  // Keep-alive and one socket per client: the client's own connection churn should not be what is measured.
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  // /metrics gets its own socket so sampling never waits behind the load for a connection.
  const probe = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const readyMs = await waitReady(probe, served.url);
    console.log(`server pid ${served.pid} at ${served.url.origin}, /readyz 200 after ${ms(readyMs)}`);

    const rssStart = procStatus(served.pid, 'VmRSS');
    let rssPeak = rssStart ?? 0;
    let rssSamples = 0;
    const rssTimer = setInterval(() => {
      const rss = procStatus(served.pid, 'VmRSS');
      if (rss === null) return;
      rssSamples++;
      rssPeak = Math.max(rssPeak, rss);
    }, SAMPLE_MS);

    let sampling = true;
    let maxDepth = 0;
    let maxInFlight = 0;
    let metricSamples = 0;
    let metricErrors = 0;
    const metricMs: number[] = [];
    const sampler = (async () => {
      while (sampling) {
        const next = performance.now() + SAMPLE_MS;
        const r = await send(probe, served.url, 'GET', '/metrics');
        if (r.kind === 'response' && r.status === 200) {
          const text = r.body.toString('utf8');
          const depth = /^precis_queue_depth (\S+)$/m.exec(text);
          const inFlight = /^precis_in_flight (\S+)$/m.exec(text);
          if (depth && inFlight) {
            metricSamples++;
            metricMs.push(r.ms);
            maxDepth = Math.max(maxDepth, Number(depth[1]));
            maxInFlight = Math.max(maxInFlight, Number(inFlight[1]));
          } else metricErrors++;
        } else metricErrors++;
        await sleep(Math.max(0, next - performance.now()));
      }
    })();

    const statuses = new Map<number, number>();
    const codes = new Map<string, number>(); // error.code of every non-200 answer except 429
    const connectionErrors = new Map<string, number>();
    const admittedMs: number[] = [];
    const refusedMs: number[] = [];
    const completions: number[] = [];
    let refusedWithoutRetryAfter = 0;
    let sent = 0;
    const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

    const started = performance.now();
    const client = async () => {
      while (sent < s.requests) {
        const body = bodies[sent++ % bodies.length]!.bytes;
        const r = await send(agent, served.url, 'POST', s.path, body);
        if (r.kind === 'error') {
          bump(connectionErrors, r.message);
          continue;
        }
        bump(statuses, r.status);
        if (r.status === 429) {
          refusedMs.push(r.ms);
          if (!r.retryAfter) refusedWithoutRetryAfter++;
          // A token pause rather than Retry-After (≥ 1 s): the point is to keep the queue full.
          await sleep(5 + Math.random() * 15);
          continue;
        }
        admittedMs.push(r.ms);
        if (r.status === 200 || r.status === 422) completions.push(performance.now());
        if (r.status !== 200) bump(codes, `${r.status} ${errorCode(r.body)}`);
      }
    };
    await Promise.all(Array.from({ length: clients }, client));
    const wallMs = performance.now() - started;

    sampling = false;
    await sampler;
    clearInterval(rssTimer);
    const rssEnd = procStatus(served.pid, 'VmRSS');
    const hwm = procStatus(served.pid, 'VmHWM');
    const aliveBeforeTerm = served.child.exitCode === null && served.child.signalCode === null;

    // Drain with the keep-alive sockets still open, as real clients would leave them.
    const termAt = performance.now();
    served.child.kill('SIGTERM');
    let giveUp: NodeJS.Timeout | undefined;
    const exited = await Promise.race([served.exit, new Promise<null>((resolve) => (giveUp = setTimeout(() => resolve(null), EXIT_TIMEOUT_MS)))]);
    // A pending timer would keep this script alive long after the last scenario.
    clearTimeout(giveUp);
    const drainMs = performance.now() - termAt;
    if (exited === null) served.child.kill('SIGKILL');

    // ---------- report ----------
    const n200 = statuses.get(200) ?? 0;
    const n422 = statuses.get(422) ?? 0;
    const n429 = statuses.get(429) ?? 0;
    const other = [...statuses].filter(([status]) => ![200, 422, 429].includes(status));
    const nOther = other.reduce((n, [, c]) => n + c, 0);
    const nConnErr = [...connectionErrors.values()].reduce((a, b) => a + b, 0);
    const completed = n200 + n422;
    const answered = completed + n429 + nOther;
    admittedMs.sort((a, b) => a - b);
    refusedMs.sort((a, b) => a - b);
    metricMs.sort((a, b) => a - b);
    completions.sort((a, b) => a - b);
    // The longest stretch with no document finishing, from the start: a stall shows here even if percentiles hide it.
    let longestGap = 0;
    let previous = started;
    for (const t of completions) {
      longestGap = Math.max(longestGap, t - previous);
      previous = t;
    }
    const seconds = wallMs / 1000;

    console.log(`requests sent ${sent}: 200 × ${n200}, 422 × ${n422}, 429 × ${n429}, other × ${nOther}${other.length ? ` (${other.map(([st, c]) => `${st} × ${c}`).join(', ')})` : ''}, connection errors × ${nConnErr}${nConnErr ? ` (${[...connectionErrors].map(([m, c]) => `${m} × ${c}`).join(', ')})` : ''}`);
    if (codes.size > 0) console.log(`non-200 admitted answers by error.code: ${[...codes].map(([k, c]) => `${k} × ${c}`).join(', ')}`);
    if (refusedWithoutRetryAfter > 0) console.log(`429 answers without Retry-After: ${refusedWithoutRetryAfter}`);
    console.log(`wall ${seconds.toFixed(2)} s | completed (200/422) ${(completed / seconds).toFixed(1)}/s | all answers ${(answered / seconds).toFixed(1)} req/s`);
    console.log(
      `latency of admitted (n=${admittedMs.length}): p50 ${ms(percentile(admittedMs, 50))}, p90 ${ms(percentile(admittedMs, 90))}, p99 ${ms(percentile(admittedMs, 99))}, max ${ms(percentile(admittedMs, 100))} | 429 p50 ${ms(percentile(refusedMs, 50))} | longest gap between completions ${ms(completions.length ? longestGap : null)}`,
    );
    console.log(`server RSS: start ${mb(rssStart)}, peak sampled ${mb(rssPeak || null)} (${rssSamples} samples), end ${mb(rssEnd)}, VmHWM ${mb(hwm)}`);
    console.log(
      `/metrics (${metricSamples} samples, ${metricErrors} failed; answered p50 ${ms(percentile(metricMs, 50))}, max ${ms(percentile(metricMs, 100))}): max queue depth ${maxDepth}, max in flight ${maxInFlight}`,
    );
    console.log(`SIGTERM → ${exited === null ? `no exit within ${EXIT_TIMEOUT_MS} ms (killed)` : `exit code ${exited.code}${exited.signal ? `, signal ${exited.signal}` : ''}`} after ${ms(drainMs)}`);

    const checks: Array<[boolean, string]> = [
      [nConnErr === 0 && aliveBeforeTerm, `no connection errors (${nConnErr}) and server alive before SIGTERM (${aliveBeforeTerm ? 'yes' : 'no'})`],
      [n429 > 0, `at least one 429 (${n429})`],
      [nOther === 0 && admittedMs.length === completed, `every admitted request answered 200 or 422 (${completed}/${admittedMs.length})`],
      [metricSamples > 0 && maxDepth <= maxQueued, `max queue depth ${maxDepth} ≤ --max-queued ${maxQueued} (${metricSamples} samples)`],
      [metricSamples > 0 && maxInFlight <= concurrency, `max in flight ${maxInFlight} ≤ --concurrency ${concurrency}`],
      [exited !== null && exited.code === 0, `SIGTERM drains and exits 0 (${exited === null ? 'no exit' : `code ${exited.code}`})`],
    ];
    for (const [ok, what] of checks) console.log(`${ok ? 'PASS' : 'FAIL'} ${s.name}: ${what}`);
    const passed = checks.every(([ok]) => ok);
    if (!passed) console.log(`server stderr:\n${served.stderr().trimEnd()}`);
    return {
      name: s.name,
      sent,
      reqPerSec: answered / seconds,
      completedPerSec: completed / seconds,
      p50: percentile(admittedMs, 50),
      p99: percentile(admittedMs, 99),
      peakRss: Math.max(rssPeak, hwm ?? 0) || null,
      refused: n429,
      passed,
    };
  } finally {
    agent.destroy();
    probe.destroy();
    if (served.child.exitCode === null && served.child.signalCode === null) served.child.kill('SIGKILL');
  }
}

// ---------- main ----------

const scenarios: Scenario[] = [
  { name: 'extract', label: 'POST /v1/extract, --no-summarise', path: '/v1/extract', serverArgs: ['--no-summarise'], requests: requestsExtract },
  { name: 'summarise', label: 'POST /v1/summarise, fixture models', path: '/v1/summarise', serverArgs: ['--models-dir', fixtureModels], requests: requestsSummarise },
];

console.log(`precis load — node ${process.version}, ${bodies.length} corpus bodies (${bodies.map((b) => b.name).join(', ')})`);
const results: Result[] = [];
for (const s of scenarios) {
  if (values.only !== undefined && values.only !== s.name) continue;
  if (s.name === 'summarise') setupFixtures();
  try {
    results.push(await runScenario(s));
  } catch (error) {
    console.log(`FAIL ${s.name}: ${(error as Error).message}`);
    results.push({ name: s.name, sent: 0, reqPerSec: 0, completedPerSec: 0, p50: null, p99: null, peakRss: null, refused: 0, passed: false });
  }
}

const cell = (x: number | null, digits = 0) => (x === null ? 'n/a' : x.toFixed(digits));
console.log(`\n| scenario | requests | req/s | completed/s | p50 ms | p99 ms | peak RSS MB | 429s | result |`);
console.log(`|---|---:|---:|---:|---:|---:|---:|---:|---|`);
for (const r of results) {
  console.log(
    `| ${r.name} | ${r.sent} | ${cell(r.reqPerSec)} | ${cell(r.completedPerSec, 1)} | ${cell(r.p50, 1)} | ${cell(r.p99, 1)} | ${cell(r.peakRss === null ? null : r.peakRss / 1024 / 1024)} | ${r.refused} | ${r.passed ? 'PASS' : 'FAIL'} |`,
  );
}
process.exitCode = results.every((r) => r.passed) ? 0 : 1;
