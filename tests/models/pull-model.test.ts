import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ModelDeclaration, readManifest } from '../../src/models/manifest.js';
import { pullModel, readLock, verifyModel } from '../../src/models/pull-model.js';
import { ModelStore } from '../../src/summarise/model-store.js';
import { CLI, FIXTURES, ROOT } from '../helpers.js';

const model = readManifest().models.find((m) => m.id === 'Xenova/opus-mt-fr-en')!;
const ner = readManifest().models.find((m) => m.role === 'ner')!;
const source = join(FIXTURES, 'models', model.id);
const COMMIT = 'c0ffee'.padEnd(40, '0');

/** Serves fixture models the way the Hub does: revision API, tree API with LFS oids, resolve URLs with Range. */
function hub(options: { corrupt?: string } = {}) {
  const ranges: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    const served = [model, ner].find((m) => url.pathname.startsWith(`/api/models/${m.id}/`) || url.pathname.startsWith(`/${m.id}/`));
    if (!served) {
      res.writeHead(404);
      return res.end('not found');
    }
    serve(served, url, req, res);
  });
  const serve = (model: ModelDeclaration, url: URL, req: IncomingMessage, res: ServerResponse) => {
    const source = join(FIXTURES, 'models', model.id);
    if (url.pathname.startsWith(`/api/models/${model.id}/revision/`)) {
      res.setHeader('content-type', 'application/json');
      return res.end(JSON.stringify({ id: model.id, sha: COMMIT }));
    }
    if (url.pathname === `/api/models/${model.id}/tree/${COMMIT}`) {
      const entries = model.files.map((f) => {
        const bytes = readFileSync(join(source, f));
        const sha = createHash('sha256').update(bytes).digest('hex');
        return f.endsWith('.onnx') ? { type: 'file', path: f, size: bytes.length, oid: 'git', lfs: { oid: sha, size: bytes.length } } : { type: 'file', path: f, size: bytes.length, oid: 'git' };
      });
      res.setHeader('content-type', 'application/json');
      return res.end(JSON.stringify([{ type: 'directory', path: 'onnx' }, ...entries]));
    }
    const prefix = `/${model.id}/resolve/${COMMIT}/`;
    if (url.pathname.startsWith(prefix)) {
      const file = url.pathname.slice(prefix.length);
      let bytes = readFileSync(join(source, file));
      if (options.corrupt === file) {
        bytes = Buffer.from(bytes);
        const middle = bytes.length >> 1;
        bytes[middle] = bytes[middle]! ^ 0xff;
      }
      const range = /bytes=(\d+)-/.exec(req.headers.range ?? '');
      if (range) {
        ranges.push(file);
        const start = Number(range[1]);
        res.writeHead(206, { 'content-range': `bytes ${start}-${bytes.length - 1}/${bytes.length}`, 'content-length': bytes.length - start });
        return res.end(bytes.subarray(start));
      }
      res.writeHead(200, { 'content-length': bytes.length });
      return res.end(bytes);
    }
    res.writeHead(404);
    res.end('not found');
  };
  return {
    ranges,
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A local Hub for the tests of one describe block: started before them, stopped after. */
function useHub(options: { corrupt?: string } = {}) {
  const server = hub(options);
  const state = { url: '', ranges: server.ranges };
  beforeAll(async () => {
    state.url = await server.start();
  });
  afterAll(() => server.stop());
  return state;
}

describe('precis models pull against a local Hub', () => {
  const server = useHub();

  test('downloads, verifies, records the lock, and the model loads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precis-pull-'));
    const entry = await pullModel(model, { modelsDir: dir, hub: server.url });
    expect(entry.revision).toBe(COMMIT);
    for (const f of model.files) expect(readFileSync(join(dir, model.id, f)).equals(readFileSync(join(source, f))), f).toBe(true);
    const lock = await readLock(dir);
    expect(lock.models[model.id]!.files['onnx/encoder_model_quantized.onnx']!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(join(dir, '.partial'))).toBe(false);
    expect(await verifyModel(model, dir)).toMatchObject({ status: 'ok' });
    const store = new ModelStore({ modelsDir: dir, allowRemote: false });
    const translator = await store.load(model);
    expect((await translator.generate(['Bonjour.'], { beams: 1, maxNewTokens: 3 }))[0]).toBeTypeOf('string');
    await store.close();
  });

  test('resumes a partial download with a Range request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precis-resume-'));
    const file = 'onnx/encoder_model_quantized.onnx';
    const bytes = readFileSync(join(source, file));
    mkdirSync(join(dir, '.partial', model.id, 'onnx'), { recursive: true });
    writeFileSync(join(dir, '.partial', model.id, `${file}.part`), bytes.subarray(0, bytes.length >> 1));
    await pullModel(model, { modelsDir: dir, hub: server.url });
    expect(server.ranges).toContain(file);
    expect(readFileSync(join(dir, model.id, file)).equals(bytes)).toBe(true);
  });

  test('verify notices a file changed after the pull', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precis-verify-'));
    await pullModel(model, { modelsDir: dir, hub: server.url });
    writeFileSync(join(dir, model.id, 'tokenizer.json'), '{}');
    expect(await verifyModel(model, dir)).toMatchObject({ status: 'mismatch', problems: [expect.stringMatching(/tokenizer\.json/)] });
  });
});

describe('a corrupted download', () => {
  const server = useHub({ corrupt: 'onnx/decoder_model_merged_quantized.onnx' });

  test('is refused and leaves no model behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precis-corrupt-'));
    await expect(pullModel(model, { modelsDir: dir, hub: server.url })).rejects.toMatchObject({ code: 'MODEL_CHECKSUM_MISMATCH' });
    expect(existsSync(join(dir, model.id))).toBe(false);
    expect((await readLock(dir)).models[model.id]).toBeUndefined();
  });
});

describe('models commands of the CLI', () => {
  const server = useHub();

  const run = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  test('pull, list and verify', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precis-cli-models-'));
    const pull = await run(['models', 'pull', model.id, '--hub', server.url, '--models-dir', dir]);
    expect(pull.code, pull.stderr).toBe(0);
    expect(pull.stdout).toMatch(/6 files verified/);
    const list = await run(['models', 'list', '--models-dir', dir]);
    expect(list.stdout).toMatch(/Xenova\/opus-mt-fr-en\s+translation\s+fra→eng.*present/);
    expect(list.stdout).toMatch(/Xenova\/distilbart-cnn-6-6.*absent/);
    const verify = await run(['models', 'verify', model.id, '--models-dir', dir]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/opus-mt-fr-en\s+ok/);
  });

  test('the NER model is pulled like the others, and extract then finds entities with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precis-cli-ner-'));
    const pull = await run(['models', 'pull', ner.id, '--hub', server.url, '--models-dir', dir]);
    expect(pull.code, pull.stderr).toBe(0);
    expect(pull.stdout).toMatch(/4 files verified/);
    for (const f of ner.files) expect(existsSync(join(dir, ner.id, f)), f).toBe(true);
    const list = await run(['models', 'list', '--models-dir', dir]);
    expect(list.stdout).toMatch(/Xenova\/bert-base-multilingual-cased-ner-hrl\s+ner\s+mul→mul.*present/);
    const extract = await run(['extract', join(ROOT, 'corpus', 'kr-budget-ai-fr.txt'), '-q', '--models-dir', dir]);
    expect(extract.code, extract.stderr).toBe(0);
    const record = JSON.parse(extract.stdout) as { warnings: Array<{ code: string }> };
    expect(record.warnings.map((w) => w.code)).not.toContain('MODEL_MISSING');
  });

  test('an unknown model id is a usage error', async () => {
    const r = await run(['models', 'pull', 'Nobody/nothing', '--hub', server.url]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not declared in models\/manifest\.json/);
  });

  test('a Hub that cannot be reached is reported once, not once per model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precis-cli-nohub-'));
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    const r = await run(['models', 'pull', '--hub', 'http://127.0.0.1:9', '--models-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr.match(/Could not reach/g)).toHaveLength(1);
    expect(r.stderr).toMatch(/more model\(s\) not tried/);
  });
});
