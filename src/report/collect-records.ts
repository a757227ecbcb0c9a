import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { PrecisRecord } from '../document.js';
import { InputError } from '../errors.js';
import { RUN_SUMMARY } from '../cli/output-sink.js';

/** One record file read from a run folder. */
export interface CollectedRecord {
  /** Path of the file under the run folder, with `/` separators: two records may share an id. */
  file: string;
  record: PrecisRecord;
}

/** The run summary a batch run writes (`run.json`); queue workers write none. */
export interface RunSummary {
  precis?: string;
  pipelineVersion?: string;
  command?: string;
  paths?: string[];
  startedAt?: string;
  finishedAt?: string;
  seconds?: number;
  articlesPerSecond?: number | null;
  counts?: { total?: number; ok?: number; failed?: number; skipped?: number; warnings?: number };
  generation?: { calls?: number; sentences?: number; meanBatch?: number | null };
  interrupted?: boolean;
  failures?: Array<{ id: string; code: string }>;
}

export interface Collected {
  records: CollectedRecord[];
  run: RunSummary | null;
  /** Files passed over, and why: JSON that is not a record, a file that does not parse. */
  skipped: Array<{ file: string; reason: string }>;
}

/**
 * Reads every record file under a run folder (recursively; `*.json` but the top-level
 * `run.json`), in a stable order. Files that are not records are listed in `skipped`, not fatal:
 * a run folder may hold other JSON a user put there.
 */
export async function collectRecords(outDir: string): Promise<Collected> {
  const info = await stat(outDir).catch(() => null);
  if (!info) throw new InputError('INPUT_NOT_FOUND', `${outDir} does not exist. Give the folder a run wrote with --out.`, { path: outDir });
  if (!info.isDirectory()) throw new InputError('INPUT_NOT_A_FILE', `${outDir} is not a folder. Give the folder a run wrote with --out.`, { path: outDir });

  const files: string[] = [];
  await walk(outDir, files);
  files.sort();
  const records: CollectedRecord[] = [];
  const skipped: Collected['skipped'] = [];
  let run: RunSummary | null = null;
  for (const path of files) {
    const file = relative(outDir, path).split(sep).join('/');
    let value: unknown;
    try {
      value = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      skipped.push({ file, reason: `not valid JSON (${error instanceof Error ? error.message : String(error)})` });
      continue;
    }
    if (file === RUN_SUMMARY) {
      if (isObject(value)) run = value as RunSummary;
      else skipped.push({ file, reason: 'not a run summary' });
      continue;
    }
    const why = notARecord(value);
    if (why) {
      skipped.push({ file, reason: `not a precis record (${why})` });
      continue;
    }
    records.push({ file, record: withDefaults(value as PrecisRecord) });
  }
  return { records, run, skipped };
}

/** Depth-first; symbolic links are not followed (a link to a parent would loop). */
async function walk(dir: string, into: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    // Dot files are the run's lock and temporary files.
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, into);
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) into.push(path);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why a parsed JSON value is not a record, or null when it is one. */
function notARecord(value: unknown): string | null {
  if (!isObject(value)) return 'not an object';
  if (typeof value.id !== 'string') return 'no id';
  if (!isObject(value.source)) return 'no source';
  if (typeof value.pipelineVersion !== 'string') return 'no pipelineVersion';
  for (const key of ['amounts', 'pairs', 'rates', 'entities', 'keySentences', 'warnings'] as const) {
    if (value[key] !== undefined && !Array.isArray(value[key])) return `${key} is not a list`;
  }
  return null;
}

/** Lists a record of an older precis may lack are empty; the article text is not needed. */
function withDefaults(record: PrecisRecord): PrecisRecord {
  const { text: _text, ...rest } = record;
  return {
    ...rest,
    title: rest.title ?? null,
    date: rest.date ?? null,
    language: rest.language ?? null,
    keySentences: rest.keySentences ?? [],
    entities: rest.entities ?? [],
    amounts: rest.amounts ?? [],
    pairs: rest.pairs ?? [],
    rates: rest.rates ?? [],
    summary: rest.summary ?? null,
    boilerplate: rest.boilerplate ?? [],
    warnings: rest.warnings ?? [],
  };
}
