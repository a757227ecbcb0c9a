import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, SEED } from '../helpers.js';
import { MODELS } from '../server/serve-helpers.js';

const EXAMPLE = join(ROOT, 'examples', 'brief-service.mjs');

interface Brief {
  id: string;
  language: string | null;
  title: string | null;
  summary: string | null;
  summaryWarnings: string[];
  amounts: Array<{ text: string; currency: string }>;
  pairs: Array<{ text: string; base: string; quote: string; rate: number; consistent: boolean }>;
  people: string[];
  orgs: string[];
  places: string[];
}

interface Running {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** The example as a child process on a free port (PORT=0), its URL read from its log line. */
function startExample(): Promise<Running> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [EXAMPLE], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', PRECIS_MODELS_DIR: MODELS },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const exit = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    child.stderr!.on('data', (d) => {
      stderr += d;
      const m = /"message":"listening","url":"(http:\/\/[^"]+)"/.exec(stderr);
      if (m) resolve({ child, url: m[1]!, stderr: () => stderr, exit });
    });
    child.on('error', reject);
    void exit.then((code) => reject(new Error(`brief-service exited with ${code}: ${stderr}`)));
  });
}

const postText = (url: string, body: string | Buffer) => fetch(`${url}/brief`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });

describe('examples/brief-service.mjs (fixture models)', () => {
  let s: Running;
  beforeAll(async () => {
    s = await startExample();
  });
  afterAll(() => {
    if (s.child.exitCode === null) s.child.kill('SIGKILL');
  });

  test('POST /brief with the seed article answers its brief', async () => {
    const response = await postText(s.url, readFileSync(SEED));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const brief = (await response.json()) as Brief;
    expect(brief.language).toBe('fra');
    expect(brief.id).toMatch(/^[0-9a-f]{12}$/);
    expect(brief.amounts).toHaveLength(6);
    expect(brief.amounts[0]).toEqual({ text: '₩728 trillion', currency: 'KRW' });
    expect(brief.pairs).toHaveLength(3);
    expect(brief.pairs[0]).toMatchObject({ text: '₩728 trillion (US$506 billion)', base: 'USD', quote: 'KRW', consistent: true });
    expect(brief.pairs[0]!.rate).toBeCloseTo(1438.74, 1);
    expect(brief.pairs.map((p) => p.consistent)).toEqual([true, false, true]);
    // The fixture models translate into random text, but it is English-routed and non-empty.
    expect(typeof brief.summary).toBe('string');
    expect(brief.summary!.length).toBeGreaterThan(0);
    expect(brief.people).toContain('Lee Jae Myung');
    expect(brief.places).toContain('Corée du Sud');
    expect(brief.orgs).toContain('Nvidia');
  });

  test('errors are {error: {code, message}}', async () => {
    const empty = await postText(s.url, '');
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as { error: { code: string } }).error.code).toBe('INPUT_EMPTY');
    const wrongType = await fetch(`${s.url}/brief`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(wrongType.status).toBe(415);
    expect(await wrongType.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    const big = await postText(s.url, Buffer.alloc(600 * 1024, 'a'));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    const elsewhere = await fetch(`${s.url}/nothing`);
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  test('SIGTERM with a request in flight: it is answered, then the process exits 0', async () => {
    const inFlight = postText(s.url, readFileSync(SEED));
    // Wait until the request is being processed (the summary takes a while even on tiny models).
    await new Promise((r) => setTimeout(r, 100));
    s.child.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as Brief).amounts).toHaveLength(6);
    expect(await s.exit).toBe(0);
    expect(s.stderr()).toContain('"message":"shutting down","signal":"SIGTERM","inFlight":1');
    expect(s.stderr()).toContain('"message":"stopped"');
  });
});
