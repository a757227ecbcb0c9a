import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PrecisError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { ModelDeclaration } from './manifest.js';

/** What a pull recorded about a model: the commit it resolved to and each file's size and hash. */
export interface LockEntry {
  revision: string;
  files: Record<string, { size: number; sha256: string }>;
}

export interface Lock {
  version: 1;
  models: Record<string, LockEntry>;
}

export const LOCK_FILE = 'manifest.lock.json';

export async function readLock(modelsDir: string): Promise<Lock> {
  try {
    return JSON.parse(await readFile(join(modelsDir, LOCK_FILE), 'utf8')) as Lock;
  } catch {
    return { version: 1, models: {} };
  }
}

export interface PullProgress {
  /** Called with bytes received so far and the total, as a download advances. */
  onBytes?(file: string, received: number, total: number): void;
  onFile?(file: string, status: 'downloading' | 'resuming' | 'verified'): void;
}

export interface PullOptions extends PullProgress {
  modelsDir: string;
  /** Base address of the Hub (https://huggingface.co), or a mirror with the same API. */
  hub: string;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

class PullError extends PrecisError {}

interface HubFile {
  path: string;
  size: number;
  /** sha256 from the Hub's LFS pointer (large files only). */
  sha256: string | null;
}

/**
 * Downloads a model's pinned files from the Hub the way the Hub serves them, resumably (a
 * `.part` file continues with an HTTP Range request), checks every file's size and sha256 (from
 * the LFS metadata, or from the lock for small files once recorded), and moves the model into
 * place only when every file is right: a model directory is whole or absent.
 */
export async function pullModel(model: ModelDeclaration, options: PullOptions): Promise<LockEntry> {
  const http = options.fetch ?? fetch;
  const lock = await readLock(options.modelsDir);
  const known = lock.models[model.id];
  const revision = model.revision === 'main' && known ? known.revision : await resolveRevision(http, options.hub, model, options.signal);
  const listing = await listFiles(http, options.hub, model.id, revision, options.signal);
  const staging = join(options.modelsDir, '.partial', model.id);
  const entry: LockEntry = { revision, files: {} };
  for (const file of model.files) {
    const remote = listing.get(file);
    if (!remote) {
      throw new PullError('MODEL_DOWNLOAD_FAILED', `${model.id}@${revision.slice(0, 7)} has no file ${file} on ${options.hub}; the manifest and the Hub disagree. Check models/manifest.json.`);
    }
    const target = join(staging, file);
    await mkdir(dirname(target), { recursive: true });
    await download(http, `${options.hub}/${model.id}/resolve/${revision}/${file}`, target, remote.size, options);
    const sha256 = await hashFile(target);
    const expected = remote.sha256 ?? known?.files[file]?.sha256 ?? null;
    const size = (await stat(target)).size;
    if (size !== remote.size || (expected !== null && expected !== sha256)) {
      await rm(target, { force: true });
      throw new PullError(
        'MODEL_CHECKSUM_MISMATCH',
        `${model.id}: ${file} does not match the Hub's record (size ${size} vs ${remote.size}, sha256 ${sha256.slice(0, 12)}… vs ${(expected ?? 'n/a').slice(0, 12)}…); it was refused and deleted. Run the pull again; if it fails the same way, the download is being altered on the way.`,
      );
    }
    entry.files[file] = { size, sha256 };
    options.onFile?.(file, 'verified');
  }
  const final = join(options.modelsDir, model.id);
  await rm(final, { recursive: true, force: true });
  await mkdir(dirname(final), { recursive: true });
  await rename(staging, final);
  await rm(join(options.modelsDir, '.partial'), { recursive: true, force: true }).catch(() => undefined);
  const updated = await readLock(options.modelsDir);
  updated.models[model.id] = entry;
  await writeFileAtomic(join(options.modelsDir, LOCK_FILE), JSON.stringify(updated, null, 2) + '\n');
  return entry;
}

async function resolveRevision(http: typeof fetch, hub: string, model: ModelDeclaration, signal?: AbortSignal): Promise<string> {
  const response = await request(http, `${hub}/api/models/${model.id}/revision/${model.revision}`, {}, signal);
  const body = (await response.json()) as { sha?: string };
  if (!body.sha) throw new PullError('MODEL_DOWNLOAD_FAILED', `${hub} did not say which commit ${model.id}@${model.revision} is.`);
  return body.sha;
}

async function listFiles(http: typeof fetch, hub: string, id: string, revision: string, signal?: AbortSignal): Promise<Map<string, HubFile>> {
  const response = await request(http, `${hub}/api/models/${id}/tree/${revision}?recursive=true`, {}, signal);
  const entries = (await response.json()) as Array<{ type: string; path: string; size: number; lfs?: { oid: string; size: number } }>;
  return new Map(entries.filter((e) => e.type === 'file').map((e) => [e.path, { path: e.path, size: e.lfs?.size ?? e.size, sha256: e.lfs?.oid ?? null }]));
}

async function download(http: typeof fetch, url: string, target: string, size: number, options: PullOptions): Promise<void> {
  const part = `${target}.part`;
  if (existsSync(target) && (await stat(target)).size === size) return;
  let offset = existsSync(part) ? (await stat(part)).size : 0;
  if (offset > size) {
    await rm(part, { force: true });
    offset = 0;
  }
  options.onFile?.(target, offset > 0 ? 'resuming' : 'downloading');
  if (offset < size) {
    const response = await request(http, url, offset > 0 ? { Range: `bytes=${offset}-` } : {}, options.signal);
    // A server that ignores Range sends the whole file again: start over.
    if (offset > 0 && response.status !== 206) offset = 0;
    const handle = await open(part, offset > 0 ? 'a' : 'w');
    try {
      let received = offset;
      const reader = response.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        await handle.write(value);
        received += value.length;
        options.onBytes?.(target, received, size);
      }
    } finally {
      await handle.close();
    }
  }
  await rename(part, target);
}

async function request(http: typeof fetch, url: string, headers: Record<string, string>, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await http(url, { headers, signal, redirect: 'follow' });
  } catch (error) {
    throw new PullError('MODEL_DOWNLOAD_FAILED', `Could not reach ${new URL(url).origin} (${(error as Error).message}). Check the network, or copy a models/ folder from a machine that has the models.`, { cause: error });
  }
  if (!response.ok) {
    throw new PullError('MODEL_DOWNLOAD_FAILED', `${url} answered ${response.status} ${response.statusText}. Check the model id and revision in models/manifest.json.`);
  }
  return response;
}

export function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export interface VerifyResult {
  id: string;
  status: 'ok' | 'missing' | 'unrecorded' | 'mismatch';
  problems: string[];
}

/** Checks a model on disk against what its pull recorded in the lock. */
export async function verifyModel(model: ModelDeclaration, modelsDir: string): Promise<VerifyResult> {
  const lock = await readLock(modelsDir);
  const entry = lock.models[model.id];
  const problems: string[] = [];
  const missing = model.files.filter((f) => !existsSync(join(modelsDir, model.id, f)));
  if (missing.length === model.files.length) return { id: model.id, status: 'missing', problems: [`not in ${join(modelsDir, model.id)}`] };
  if (missing.length > 0) problems.push(...missing.map((f) => `${f} is missing`));
  if (!entry) return { id: model.id, status: problems.length ? 'mismatch' : 'unrecorded', problems: [...problems, `no record in ${LOCK_FILE} (copied rather than pulled?)`] };
  for (const file of model.files) {
    const recorded = entry.files[file];
    const path = join(modelsDir, model.id, file);
    if (!recorded || !existsSync(path)) continue;
    const size = (await stat(path)).size;
    if (size !== recorded.size) problems.push(`${file}: ${size} bytes, recorded ${recorded.size}`);
    else if ((await hashFile(path)) !== recorded.sha256) problems.push(`${file}: sha256 differs from the recorded one`);
  }
  return { id: model.id, status: problems.length ? 'mismatch' : 'ok', problems };
}
