import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isPrecisError, UsageError } from '../errors.js';
import { BUNDLED_MODELS_DIR, type ModelDeclaration, readManifest } from '../models/manifest.js';
import { pullModel, verifyModel } from '../models/pull-model.js';
import { formatBytes } from '../ingest/limits.js';
import type { CliIO } from './program.js';
import { createStatusLine, progressWanted } from './progress.js';

export interface ModelsFlags {
  modelsDir?: string;
  hub?: string;
}

function modelsDirOf(flags: ModelsFlags): string {
  return flags.modelsDir ?? process.env.PRECIS_MODELS_DIR ?? BUNDLED_MODELS_DIR;
}

function select(ids: string[]): ModelDeclaration[] {
  const manifest = readManifest();
  if (ids.length === 0) return manifest.models;
  return ids.map((id) => {
    const model = manifest.models.find((m) => m.id === id);
    if (!model) throw new UsageError(`${id} is not declared in models/manifest.json. Declared: ${manifest.models.map((m) => m.id).join(', ')}.`);
    return model;
  });
}

function diskSize(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name)).size;
  }
  return total;
}

export async function modelsList(flags: ModelsFlags, io: CliIO): Promise<number> {
  const dir = modelsDirOf(flags);
  io.stdout.write(`models in ${dir}\n`);
  const models = readManifest().models;
  const width = Math.max(28, ...models.map((m) => m.id.length + 1));
  for (const m of models) {
    const present = m.files.filter((f) => existsSync(join(dir, m.id, f))).length;
    const state = present === m.files.length ? 'present' : present === 0 ? 'absent' : `partial (${present}/${m.files.length} files)`;
    io.stdout.write(
      `${m.id.padEnd(width)} ${m.role.padEnd(13)} ${`${m.source}→${m.target}`.padEnd(9)} ${m.revision.slice(0, 7).padEnd(8)} ${m.dtype.padEnd(9)} ${state.padEnd(10)} ${formatBytes(diskSize(join(dir, m.id))).padStart(9)} on disk (~${formatBytes(m.size)} to pull)\n`,
    );
  }
  return 0;
}

export async function modelsVerify(ids: string[], flags: ModelsFlags, io: CliIO): Promise<number> {
  const dir = modelsDirOf(flags);
  let bad = 0;
  const missing: string[] = [];
  for (const m of select(ids)) {
    const result = await verifyModel(m, dir);
    if (result.status === 'mismatch') bad++;
    if (result.status === 'missing') missing.push(m.id);
    io.stdout.write(`${m.id.padEnd(28)} ${result.status}${result.problems.length ? `: ${result.problems.join('; ')}` : ''}\n`);
  }
  if (bad > 0) io.stderr.write(`precis: ${bad} model(s) do not match their record; run \`precis models pull <id>\` to replace them.\n`);
  // A declared model that is not there is not verified either: summaries would fall back to extracts.
  if (missing.length > 0) {
    const command = missing.length === 1 ? `precis models pull ${missing[0]}` : 'precis models pull';
    io.stderr.write(`precis: ${missing.length} declared model(s) missing from ${dir}; run \`${command}\`.\n`);
  }
  return bad > 0 || missing.length > 0 ? 1 : 0;
}

export async function modelsPull(ids: string[], flags: ModelsFlags, io: CliIO): Promise<number> {
  const dir = modelsDirOf(flags);
  const hub = (flags.hub ?? process.env.PRECIS_HUB_URL ?? readManifest().hub).replace(/\/$/, '');
  let failed = 0;
  const models = select(ids);
  for (const [index, model] of models.entries()) {
    const state = { file: '', received: 0, total: 0 };
    const drawn = progressWanted(io.stderr, false);
    const bar = drawn
      ? createStatusLine(io.stderr, true, () => {
          const pct = state.total > 0 ? Math.floor((state.received / state.total) * 100) : 0;
          return `${model.id} ${state.file} ${pct}% ${formatBytes(state.received)}/${formatBytes(state.total)}`;
        })
      : null;
    try {
      const entry = await pullModel(model, {
        modelsDir: dir,
        hub,
        signal: io.signal,
        onFile: (file, status) => {
          if (status !== 'verified' && !bar) io.stderr.write(`precis: ${status} ${relative(dir, file)}\n`);
          if (bar && status !== 'verified') {
            Object.assign(state, { file: relative(dir, file), received: 0, total: 0 });
            bar.refresh();
          }
        },
        onBytes: (_file, received, total) => {
          if (!bar) return;
          Object.assign(state, { received, total });
          bar.refresh();
        },
      });
      bar?.stop();
      io.stdout.write(`${model.id}@${entry.revision.slice(0, 7)}: ${Object.keys(entry.files).length} files verified in ${join(dir, model.id)}\n`);
    } catch (error) {
      bar?.stop();
      failed++;
      io.stderr.write(`precis: ${isPrecisError(error) ? `${error.code}: ${error.message}` : (error as Error).message}\n`);
      // A Hub that cannot be reached cannot be reached for the next model either: say it once.
      if (isPrecisError(error) && error.message.startsWith('Could not reach')) {
        const left = models.length - index - 1;
        if (left > 0) io.stderr.write(`precis: ${left} more model(s) not tried: ${models.slice(index + 1).map((m) => m.id).join(', ')}.\n`);
        failed += left;
        break;
      }
    }
  }
  return failed > 0 ? 1 : 0;
}
