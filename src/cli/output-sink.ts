import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { PrecisRecord } from '../document.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { recordToMarkdown, recordToText } from './render-record.js';

export type OutputFormat = 'jsonl' | 'json' | 'md' | 'text';

/** Where records go: a stream in one format, or a directory of one JSON file per article. */
export interface OutputSink {
  write(record: PrecisRecord): Promise<void>;
  /**
   * For a record kept from an earlier run (--resume): writes the files of this run's formats it
   * lacks (an `.md` beside the `.json`), without processing the article again.
   */
  complete?(record: PrecisRecord): Promise<void>;
  close(): Promise<void>;
}

/**
 * Records to a stream, one format. `wrap` runs each write, e.g. to take a progress bar off the
 * terminal while a brief is printed.
 */
export function streamSink(stream: Writable, format: OutputFormat, wrap?: (chunk: string, write: () => Promise<void>) => Promise<void>): OutputSink {
  let count = 0;
  // Run-level warnings already shown in this stream of briefs.
  const shown = new Set<string>();
  const send = (chunk: string) =>
    new Promise<void>((resolve, reject) => {
      // Waiting for the callback applies backpressure: a slow reader slows precis, not its memory.
      stream.write(chunk, (error) => (error ? reject(error) : resolve()));
    });
  const write = (chunk: string) => (wrap ? wrap(chunk, () => send(chunk)) : send(chunk));
  return {
    async write(record) {
      let chunk: string;
      switch (format) {
        case 'jsonl':
          chunk = JSON.stringify(record) + '\n';
          break;
        case 'json':
          chunk = (count === 0 ? '[\n' : ',\n') + JSON.stringify(record, null, 2);
          break;
        case 'md':
          chunk = (count === 0 ? '' : '\n---\n\n') + recordToMarkdown(record, shown);
          break;
        case 'text':
          chunk = (count === 0 ? '' : '\n') + recordToText(record, shown);
          break;
      }
      count++;
      await write(chunk);
    },
    async close() {
      if (format === 'json') await write(count === 0 ? '[]\n' : '\n]\n');
    },
  };
}

/** The run summary's name under --out; no record takes it. */
export const RUN_SUMMARY = 'run.json';
/** Extensions of the files written under --out: no folder of records may end with one. */
const OUTPUT_EXTENSIONS = ['.json', '.md', '.txt'];

/**
 * The file an article's record is written to under --out: its id, made safe, plus `.json`. Names
 * are unique by construction: an id that had to be changed to be safe ("a?.txt" → "a_.txt"), or
 * that would take the run summary's name or a record file's name for a folder, gets a short hash
 * of the id ("a_.txt~3f2a9c1e.json"), so no two articles ever share a file.
 */
export function recordPath(outDir: string, id: string, extension = '.json'): string {
  const raw = id.replace(/\\/g, '/');
  const parts = raw.split('/').filter((part) => part !== '' && part !== '.' && part !== '..');
  const safe = parts.map((part, i) => {
    // Records never start with a dot: the lock and temporary files do.
    let p = part.replace(/[<>:"|?*\u0000-\u001F]/g, '_').replace(/^\./, '_.');
    if (i < parts.length - 1 && OUTPUT_EXTENSIONS.some((e) => p.endsWith(e))) p += '~d';
    return p;
  });
  let name = safe.join('/') || 'article';
  if (name !== raw || `${name}.json` === RUN_SUMMARY) name += `~${createHash('sha256').update(id).digest('hex').slice(0, 8)}`;
  return join(outDir, `${name}${extension}`);
}

export function directorySink(outDir: string, alsoFormat: 'md' | 'text' | null): OutputSink {
  const extra = async (record: PrecisRecord, onlyIfMissing: boolean) => {
    if (alsoFormat === null) return;
    const path = recordPath(outDir, record.id, alsoFormat === 'md' ? '.md' : '.txt');
    if (onlyIfMissing && existsSync(path)) return;
    await writeFileAtomic(path, alsoFormat === 'md' ? recordToMarkdown(record) : recordToText(record));
  };
  return {
    async write(record) {
      await writeFileAtomic(recordPath(outDir, record.id), JSON.stringify(record, null, 2) + '\n');
      await extra(record, false);
    },
    complete: (record) => extra(record, true),
    async close() {},
  };
}
