import { join, normalize } from 'node:path';
import type { Writable } from 'node:stream';
import type { PrecisRecord } from '../document.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { recordToMarkdown, recordToText } from './render-record.js';

export type OutputFormat = 'jsonl' | 'json' | 'md' | 'text';

/** Where records go: a stream in one format, or a directory of one JSON file per article. */
export interface OutputSink {
  write(record: PrecisRecord): Promise<void>;
  close(): Promise<void>;
}

export function streamSink(stream: Writable, format: OutputFormat): OutputSink {
  let count = 0;
  const write = (chunk: string) =>
    new Promise<void>((resolve, reject) => {
      // Waiting for the callback applies backpressure: a slow reader slows precis, not its memory.
      stream.write(chunk, (error) => (error ? reject(error) : resolve()));
    });
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
          chunk = (count === 0 ? '' : '\n---\n\n') + recordToMarkdown(record);
          break;
        case 'text':
          chunk = (count === 0 ? '' : '\n') + recordToText(record);
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

/** The file an article's record is written to under --out: its id, made safe, plus `.json`. */
export function recordPath(outDir: string, id: string, extension = '.json'): string {
  const safe = normalize(id.replace(/\\/g, '/'))
    .split('/')
    .filter((part) => part !== '' && part !== '.' && part !== '..')
    .map((part) => part.replace(/[<>:"|?*\u0000-\u001F]/g, '_'))
    .join('/');
  return join(outDir, `${safe || 'article'}${extension}`);
}

export function directorySink(outDir: string, alsoFormat: 'md' | 'text' | null): OutputSink {
  return {
    async write(record) {
      await writeFileAtomic(recordPath(outDir, record.id), JSON.stringify(record, null, 2) + '\n');
      if (alsoFormat === 'md') await writeFileAtomic(recordPath(outDir, record.id, '.md'), recordToMarkdown(record));
      if (alsoFormat === 'text') await writeFileAtomic(recordPath(outDir, record.id, '.txt'), recordToText(record));
    },
    async close() {},
  };
}
