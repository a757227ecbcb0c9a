import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { PrecisRecord } from '../../src/index.js';
import { CLI, ROOT, SEED } from '../helpers.js';
import { MODELS, serveCli } from '../server/serve-helpers.js';

function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('precis serve', () => {
  test('SIGTERM: stops accepting, finishes the batch in flight, exits 0', async () => {
    const served = await serveCli(['--models-dir', MODELS, '--concurrency', '1', '--max-queued', '15']);
    const text = readFileSync(SEED, 'utf8');
    const documents = Array.from({ length: 12 }, (_, i) => ({ id: `doc-${i}`, text }));
    const response = await fetch(`${served.url}/v1/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ documents }) });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let body = '';
    let signalledAt = -1;
    let refused: unknown;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      body += decoder.decode(value, { stream: true });
      if (signalledAt < 0 && body.includes('\n')) {
        signalledAt = body.split('\n').length - 1;
        served.child.kill('SIGTERM');
        await new Promise((r) => setTimeout(r, 150));
        refused = await fetch(`${served.url}/v1/extract`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: text }).then(
          async (r) => `${r.status} ${((await r.json()) as { error: { code: string } }).error.code}`,
          (e: Error) => e.message,
        );
      }
    }
    const records = body.trim().split('\n').map((l) => JSON.parse(l) as PrecisRecord);
    // The signal came with work in flight, and all of it was finished and written.
    expect(signalledAt).toBeGreaterThan(0);
    expect(signalledAt).toBeLessThan(12);
    expect(records.map((r) => r.id)).toEqual(documents.map((d) => d.id));
    expect(records.every((r) => !r.error && r.summary?.strategy === 'extract-translate')).toBe(true);
    // New work is refused while draining: 503, or no connection once the listener has closed.
    expect(['503 SHUTTING_DOWN', 'fetch failed']).toContain(refused);
    expect(await served.exit).toBe(0);
    expect(served.stderr()).toContain('precis: stopped');
  });

  test('bad flags exit 2; a port in use exits 1 with what to do', async () => {
    const bad = await run(['serve', '--port', '70000']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--port takes a port number from 0 to 65535');
    const tooBig = await run(['serve', '--concurrency', '1', '--max-queued', '1', '--max-batch', '5']);
    expect(tooBig.code).toBe(2);
    expect(tooBig.stderr).toContain('--max-batch');
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const busy = await run(['serve', '--port', String(port), '--no-warm-up', '--log-level', 'silent']);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain(`127.0.0.1:${port} is already in use`);
    } finally {
      blocker.close();
    }
  });
});
