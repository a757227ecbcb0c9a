import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { join } from 'node:path';
import type { PrecisRecord, SourceInfo } from '../document.js';
import { isAbortError, toErrorInfo, UsageError } from '../errors.js';
import { type ArticleItem, holdsManyArticles, itemBytes, listArticleItems } from '../ingest/article-stream.js';
import { listArticles, type ListOptions } from '../ingest/list-articles.js';
import { ARTICLE_EXTENSIONS } from '../ingest/read-file-bytes.js';
import type { ArticleBytes, Pipeline } from '../pipeline.js';
import { failedRecord, sha256 } from '../record.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { mapOrdered } from '../util/map-ordered.js';
import { VERSION } from '../version.js';
import { lockOutDir, removeStaleTemps } from './out-dir-lock.js';
import { directorySink, recordPath, RUN_SUMMARY, streamSink, type OutputFormat, type OutputSink } from './output-sink.js';
import { createProgress, progressWanted } from './progress.js';

export interface BatchOptions extends ListOptions {
  command: 'summarise' | 'extract';
  paths: string[];
  format: OutputFormat;
  /** Set when the user chose --format explicitly (with --out it adds .md/.txt files). */
  formatExplicit: boolean;
  out: string | null;
  concurrency: number;
  resume: boolean;
  /** With `out`: let an extract run replace the records of a summarise run. */
  overwrite?: boolean;
  maxBytes: number;
  quiet: boolean;
  includeText: boolean;
  pipeline: Pipeline;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean; columns?: number };
  signal: AbortSignal;
  /** Where TERM and CI are read (the bar is not drawn for TERM=dumb or under CI). @default process.env */
  env?: NodeJS.ProcessEnv;
}

export interface BatchCounts {
  total: number;
  ok: number;
  failed: number;
  skipped: number;
  warnings: number;
}

export interface BatchResult {
  exitCode: number;
  counts: BatchCounts;
  interrupted: boolean;
}

type Outcome =
  | { kind: 'record'; record: PrecisRecord }
  | { kind: 'skipped'; id: string }
  | { kind: 'empty-directory'; path: string };

export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  const started = Date.now();
  const counts: BatchCounts = { total: 0, ok: 0, failed: 0, skipped: 0, warnings: 0 };
  const failures: Array<{ id: string; code: string }> = [];
  const emptyDirectories: string[] = [];
  const meta = { includeText: options.includeText, pipelineVersion: options.pipeline.version };
  // One run at a time writes to an --out folder; temporary files a killed run left are removed.
  const lock = options.out ? await lockOutDir(options.out, options.command) : null;
  if (options.out) {
    const removed = await removeStaleTemps(options.out);
    if (lock?.stale && !options.quiet) options.stderr.write(`precis: warning: took over the lock a run that no longer exists left in ${options.out}.\n`);
    if (removed > 0 && !options.quiet) options.stderr.write(`precis: removed ${removed} temporary file(s) a stopped run left in ${options.out}.\n`);
    // Records of a run with other options would sit beside this run's without a word.
    const previous = await readFile(join(options.out, RUN_SUMMARY), 'utf8').then((t) => JSON.parse(t) as { pipelineVersion?: string; command?: string }, () => null);
    if (previous?.command === 'summarise' && options.command === 'extract' && !options.overwrite) {
      // Summaries cost model time; an extract run would replace each with a record without one.
      await lock?.release();
      throw new UsageError(
        `${options.out} holds records of a summarise run; extract would replace them with records without summaries. Choose another --out folder, or pass --overwrite to replace them.`,
      );
    }
    if (previous?.pipelineVersion && previous.pipelineVersion !== options.pipeline.version && !options.resume) {
      options.stderr.write(
        `precis: warning: ${options.out} holds records of an earlier run with other options (pipeline ${previous.pipelineVersion}, now ${options.pipeline.version}); those this run does not rewrite stay as they were. Use --resume to redo them all with these options, or another --out folder.\n`,
      );
    }
  }
  // Drawn from here on: every line above is printed before the bar exists.
  const progress = createProgress(options.stderr, progressWanted(options.stderr, options.quiet, options.env ?? process.env));
  // Briefs printed on the terminal the bar is drawn on go around it, never through it.
  const sharesTerminal = !options.out && (options.stdout as { isTTY?: boolean }).isTTY === true;
  const sink: OutputSink = options.out
    ? directorySink(options.out, options.formatExplicit && (options.format === 'md' || options.format === 'text') ? options.format : null)
    : streamSink(options.stdout, options.format, sharesTerminal ? (chunk, write) => progress.around(chunk, write) : undefined);
  try {
    return await runLocked(options, { started, counts, failures, emptyDirectories, progress, sink, meta });
  } finally {
    progress.stop();
    await lock?.release();
  }
}

/** What one run keeps while it goes. */
interface RunState {
  started: number;
  counts: BatchCounts;
  failures: Array<{ id: string; code: string }>;
  emptyDirectories: string[];
  progress: ReturnType<typeof createProgress>;
  sink: OutputSink;
  meta: { includeText: boolean; pipelineVersion: string };
}

async function runLocked(options: BatchOptions, state: RunState): Promise<BatchResult> {
  const { started, counts, failures, emptyDirectories, progress, sink, meta } = state;
  const degraded: Degraded = { extractive: 0, pulls: new Set() };

  if (options.stderr.isTTY && !options.quiet) {
    // Counting first lets the bar show a total and an ETA; it walks the tree without keeping it.
    void countArticles(options).then((n) => n !== null && progress.setTotal(n), () => undefined);
  }

  const task = async (entry: ArticleItem, _i: number, signal: AbortSignal | undefined): Promise<Outcome> => {
    if (entry.kind === 'empty-directory') return { kind: 'empty-directory', path: entry.path };
    const started = performance.now();
    let input: ArticleBytes;
    try {
      input = await itemBytes(entry, { maxBytes: options.maxBytes, stdin: options.stdin });
    } catch (error) {
      const source: SourceInfo = {
        path: entry.kind === 'stdin' ? null : entry.kind === 'article' ? (entry.article.path ?? null) : entry.path,
        sha256: '',
        bytes: 0,
        encoding: '',
        format: 'text',
      };
      const ms = Math.round(performance.now() - started);
      return { kind: 'record', record: failedRecord({ id: entry.kind === 'article' ? entry.article.id : entry.id, source }, toErrorInfo(error), { ...meta, ms }) };
    }
    const previous = options.resume && options.out ? await alreadyDone(options.out, input, options.pipeline.version) : null;
    if (previous) {
      // A format this run asks for and the earlier one did not is written from the stored record.
      await sink.complete?.(previous).catch(() => undefined);
      return { kind: 'skipped', id: input.id };
    }
    return { kind: 'record', record: await options.pipeline.process(input, { signal }) };
  };

  let interrupted = false;
  try {
    const entries = listArticleItems(options.paths, options);
    for await (const outcome of mapOrdered(entries, task, { concurrency: options.concurrency, signal: options.signal })) {
      if (outcome.kind === 'empty-directory') {
        emptyDirectories.push(outcome.path);
        continue;
      }
      counts.total++;
      progress.tick();
      if (outcome.kind === 'skipped') {
        counts.skipped++;
        continue;
      }
      const { record } = outcome;
      // An article abandoned by Ctrl-C is not a result: leave it for --resume to redo.
      if (record.error?.code === 'ABORTED' && options.signal.aborted) {
        counts.total--;
        continue;
      }
      counts.warnings += record.warnings.filter((w) => w.code !== 'BOILERPLATE_REMOVED').length;
      noteDegraded(record, degraded);
      // A record that cannot be written (a folder in the way, a full disk) fails alone; the
      // batch goes on.
      const written = await sink.write(record).then(
        () => null,
        (error: unknown) => error,
      );
      if (written !== null) {
        counts.failed++;
        failures.push({ id: record.id, code: 'OUTPUT_WRITE_FAILED' });
        const line = `precis: ${record.id}: its record could not be written (${written instanceof Error ? written.message : String(written)}); the other articles go on.\n`;
        await progress.around(line, async () => void options.stderr.write(line));
      } else if (record.error) {
        counts.failed++;
        failures.push({ id: record.id, code: record.error.code });
      } else counts.ok++;
    }
  } catch (error) {
    if (!isAbortError(error)) throw error;
    interrupted = true;
  } finally {
    progress.stop();
    await sink.close().catch(() => undefined);
  }
  interrupted ||= options.signal.aborted;

  for (const dir of emptyDirectories) {
    options.stderr.write(
      `precis: warning: ${dir} holds no article files (looked for ${options.include?.length ? options.include.join(', ') : ARTICLE_EXTENSIONS.map((e) => `.${e}`).join(' ')}); use --include to choose other files.\n`,
    );
  }
  const seconds = (Date.now() - started) / 1000;
  if (options.out) {
    await writeFileAtomic(
      join(options.out, RUN_SUMMARY),
      JSON.stringify(
        {
          precis: VERSION,
          pipelineVersion: options.pipeline.version,
          command: options.command,
          paths: options.paths,
          startedAt: new Date(started).toISOString(),
          finishedAt: new Date().toISOString(),
          seconds,
          articlesPerSecond: seconds > 0 ? round((counts.total - counts.skipped) / seconds) : null,
          counts,
          generation: generationSummary(options.pipeline),
          interrupted,
          emptyDirectories,
          failures,
        },
        null,
        2,
      ) + '\n',
    );
  }
  if (!options.quiet) {
    const rate = seconds > 0 ? ` (${round((counts.total - counts.skipped) / seconds)} articles/s)` : '';
    options.stderr.write(
      `precis: ${counts.total} article(s): ${counts.ok} ok, ${counts.failed} failed, ${counts.skipped} skipped in ${seconds.toFixed(1)} s${rate}${interrupted ? ' — interrupted' : ''}${describeDegraded(degraded)}\n`,
    );
  }
  const nothingFound = counts.total === 0 && emptyDirectories.length > 0;
  const exitCode = interrupted ? 130 : counts.failed > 0 || nothingFound ? 1 : 0;
  return { exitCode, counts, interrupted };
}

/** The record an earlier run wrote for this content and pipeline version, if it succeeded. */
async function alreadyDone(outDir: string, input: ArticleBytes, pipelineVersion: string): Promise<PrecisRecord | null> {
  try {
    const previous = JSON.parse(await readFile(recordPath(outDir, input.id), 'utf8')) as PrecisRecord;
    return !previous.error && previous.pipelineVersion === pipelineVersion && previous.source?.sha256 === sha256(input.bytes) ? previous : null;
  } catch {
    return null;
  }
}

/**
 * How many articles the paths hold, from the listing alone; null when a file of many articles
 * (JSONL, a JSON array, a web archive) is among them: counting its articles means reading it all
 * once more, which a progress total is not worth.
 */
async function countArticles(options: ListOptions & { paths: string[] }): Promise<number | null> {
  let n = 0;
  for await (const entry of listArticles(options.paths, options)) {
    if (entry.kind === 'empty-directory') continue;
    if (entry.kind === 'file' && (await holdsManyArticles(entry.path))) return null;
    n++;
  }
  return n;
}

/** Summaries that fell back to extracts for want of a model, and the commands that fetch it. */
interface Degraded {
  extractive: number;
  pulls: Set<string>;
}

function noteDegraded(record: PrecisRecord, degraded: Degraded): void {
  const missing = record.summary?.warnings.filter((w) => w.code === 'MODEL_MISSING') ?? [];
  if (record.summary?.strategy !== 'extractive' || missing.length === 0) return;
  degraded.extractive += 1;
  for (const w of missing) {
    const pull = /precis models pull [\w./-]+/.exec(w.message)?.[0];
    if (pull) degraded.pulls.add(pull);
  }
}

/** "; summaries extractive for 11: run `precis models pull Xenova/opus-mt-fr-en`": what a run's "ok" hides. */
function describeDegraded(degraded: Degraded): string {
  if (degraded.extractive === 0) return '';
  const pulls = [...degraded.pulls];
  const what = pulls.length > 0 ? `models missing — run ${pulls.map((p) => `\`${p}\``).join(', ')}` : 'no model to translate them';
  return `; summaries extractive for ${degraded.extractive}: ${what}`;
}

/** Model calls of the summaries and their mean batch (sentences per call), for run.json. */
function generationSummary(pipeline: Pipeline): { calls: number; sentences: number; meanBatch: number | null } {
  const { batches, inputs } = pipeline.stats?.().generation ?? { batches: 0, inputs: 0 };
  return { calls: batches, sentences: inputs, meanBatch: batches > 0 ? round(inputs / batches) : null };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
