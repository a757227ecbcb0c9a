import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from '../errors.js';
import { listArticles, type ListOptions } from './list-articles.js';
import { type ArticleItem, ownId, type StreamOptions, tooLongItem, uniqueIds } from './stream-items.js';
import { DEFAULT_MAX_BYTES, formatBytes } from './limits.js';
import { formatFromPath, readEntryBytes, streamKind } from './read-file-bytes.js';
import type { ArticleBytes } from '../execute/open-document.js';
import { readJsonArray, startsWithArray } from './json-array.js';
import { readWarc } from './warc-articles.js';

/**
 * `listArticles`, with every file of many articles opened into its articles, lazily: JSON lines
 * (`.jsonl`, `.ndjson`, optionally `.gz`), a `.json` file holding an array of articles, and WARC
 * web archives (`.warc`, `.warc.gz`).
 */
export async function* listArticleItems(paths: readonly string[], options: ListOptions & StreamOptions = {}): AsyncGenerator<ArticleItem> {
  for await (const entry of listArticles(paths, options)) {
    if (entry.kind !== 'file') yield entry;
    else if (streamKind(entry.path) === 'warc') yield* readWarc(entry.path, entry.id, options);
    else if (streamKind(entry.path) === 'jsonl') yield* readJsonLines(entry.path, entry.id, options);
    else if (formatFromPath(entry.path) === 'json' && (await startsWithArray(entry.path))) yield* readJsonArray(entry.path, entry.id, options);
    else yield entry;
  }
}

/** Whether a listed file holds many articles (JSONL, a JSON array, a web archive) rather than one. */
export async function holdsManyArticles(path: string): Promise<boolean> {
  return streamKind(path) !== null || (formatFromPath(path) === 'json' && (await startsWithArray(path)));
}

/**
 * The articles of one JSONL file, one per non-blank line, read as a stream: a file of any size
 * holds at most one line in memory. Each article's id is the file's id, `#`, and the line's `id`
 * field (else its line number); `source.offset` is the line's byte offset (in the decompressed
 * stream for `.gz`).
 */
export async function* readJsonLines(path: string, fileId: string, options: StreamOptions = {}): AsyncGenerator<ArticleItem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const idFor = uniqueIds();
  let lineNo = 0;
  const toItem = (line: Buffer, offset: number): ArticleItem | null => {
    lineNo++;
    if (isBlank(line)) return null;
    const own = ownId(line);
    const id = idFor(`${fileId}#${own ?? lineNo}`);
    return { kind: 'article', article: { bytes: line, id, path, format: 'json', offset } };
  };
  let input: Readable = createReadStream(path);
  if (path.toLowerCase().endsWith('.gz')) input = input.pipe(createGunzip());

  let parts: Buffer[] = [];
  let partsLength = 0;
  let lineStart = 0;
  // A line past the limit is skipped to its end, then reported once.
  let tooLong = false;
  let position = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      let from = 0;
      for (let nl = chunk.indexOf(10, from); nl !== -1; nl = chunk.indexOf(10, from)) {
        const piece = chunk.subarray(from, nl);
        if (tooLong) {
          lineNo++;
          yield tooLongItem(path, idFor(`${fileId}#${lineNo}`), maxBytes);
        } else if (partsLength + piece.length > maxBytes) {
          lineNo++;
          yield tooLongItem(path, idFor(`${fileId}#${lineNo}`), maxBytes);
        } else {
          const line = partsLength === 0 ? Buffer.from(piece) : Buffer.concat([...parts, piece]);
          const item = toItem(stripCr(line), lineStart);
          if (item) yield item;
        }
        parts = [];
        partsLength = 0;
        tooLong = false;
        lineStart = position + nl + 1;
        from = nl + 1;
      }
      const rest = chunk.subarray(from);
      if (!tooLong && partsLength + rest.length > maxBytes) {
        tooLong = true;
        parts = [];
        partsLength = 0;
      } else if (!tooLong && rest.length > 0) {
        parts.push(Buffer.from(rest));
        partsLength += rest.length;
      }
      position += chunk.length;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' ? 'it is not valid gzip' : (code ?? (error as Error).message);
    yield {
      kind: 'unreadable',
      id: idFor(`${fileId}#${lineNo + 1}`),
      path,
      error: new InputError('INPUT_UNREADABLE', `${path} could not be read past line ${lineNo} (${why}); the articles before it were read. Check the file.`, { path, cause: error }),
    };
    return;
  }
  if (tooLong) {
    lineNo++;
    yield tooLongItem(path, idFor(`${fileId}#${lineNo}`), maxBytes);
  } else if (partsLength > 0) {
    const item = toItem(stripCr(Buffer.concat(parts)), lineStart);
    if (item) yield item;
  }
}

function stripCr(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === 13 ? line.subarray(0, line.length - 1) : line;
}

function isBlank(line: Buffer): boolean {
  for (const byte of line) if (byte !== 32 && byte !== 9 && byte !== 13) return false;
  return true;
}

export type { ArticleItem, StreamOptions } from './stream-items.js';

/**
 * The bytes of a listed item, or the InputError that says why it has none: what the batch run
 * and `queue add` read for each item of `listArticleItems`.
 */
export async function itemBytes(item: Exclude<ArticleItem, { kind: 'empty-directory' }>, options: { maxBytes: number; stdin?: Readable }): Promise<ArticleBytes> {
  switch (item.kind) {
    case 'article':
      return item.article;
    case 'unreadable':
      throw item.error;
    case 'stdin':
      if (!options.stdin) throw new TypeError('The path `-` (standard input) needs a stdin stream to read.');
      return { bytes: await readStreamBytes(options.stdin, options.maxBytes), id: item.id, path: null, format: null };
    default:
      return readEntryBytes(item, { maxBytes: options.maxBytes });
  }
}

/** Everything a stream holds, within the size limit (standard input as one article). */
export async function readStreamBytes(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buf.length;
    if (size > maxBytes) throw new InputError('INPUT_TOO_LARGE', `Standard input is over the ${formatBytes(maxBytes)} limit. Raise --max-bytes if it really is one article.`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
