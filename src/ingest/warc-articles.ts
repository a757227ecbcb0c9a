import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { brotliDecompressSync, createGunzip, gunzipSync, inflateSync } from 'node:zlib';
import type { InputFormat } from '../document.js';
import { InputError } from '../errors.js';
import { DEFAULT_MAX_BYTES } from './limits.js';
import { type ArticleItem, type StreamOptions, tooLongItem, uniqueIds } from './stream-items.js';

// Why not warcio: on a record whose declared length runs past the end of the file (a truncated
// download), warcio 2.4 loops forever in the main thread. The format is simple enough to read
// here with hard bounds: a header block, then exactly Content-Length bytes.

/** Longest header block (WARC or HTTP) read; real ones are a few hundred bytes. */
const MAX_HEADERS = 64 * 1024;

interface Head {
  fields: Map<string, string>;
  /** The first line: `WARC/1.1`, `HTTP/1.1 200 OK`. */
  first: string;
}

/**
 * The pages of a WARC web archive (`.warc`, or `.warc.gz` of gzip members, as crawlers and the
 * Internet Archive write them), read as a stream, one record at a time: each successful
 * `response` (HTTP 200) or `resource` record holding HTML, text, Markdown or JSON is an article,
 * read like a file of that type (in the charset its HTTP headers declare). Requests, metadata,
 * revisits, redirects, images and scripts are skipped without being held in memory. The id is the
 * file's id, `#`, and the page's URL; `source.offset` is the record's offset in the (decompressed)
 * stream. An archive cut short ends with an `INPUT_UNREADABLE` item after the pages before.
 */
export async function* readWarc(path: string, fileId: string, options: StreamOptions = {}): AsyncGenerator<ArticleItem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const idFor = uniqueIds();
  let input: Readable = createReadStream(path);
  if (path.toLowerCase().endsWith('.gz')) input = input.pipe(createGunzip());
  const reader = new ByteReader(input[Symbol.asyncIterator]() as AsyncIterator<Buffer>);
  let records = 0;
  const fail = (why: string, cause?: unknown): ArticleItem => ({
    kind: 'unreadable',
    id: idFor(`${fileId}#record-${records + 1}`),
    path,
    error: new InputError('INPUT_UNREADABLE', `${path} could not be read past its record ${records}: ${why}. The pages before were read.`, { path, cause }),
  });
  try {
    for (;;) {
      await reader.skipBlankLines();
      if (await reader.atEnd()) return;
      const offset = reader.position;
      const head = await readHead(reader);
      if (!head || !head.first.startsWith('WARC/')) {
        yield fail('it is not a WARC file, or a record is damaged');
        return;
      }
      const length = Number(head.fields.get('content-length'));
      if (!Number.isSafeInteger(length) || length < 0) {
        yield fail('a record has no valid Content-Length');
        return;
      }
      records++;
      const type = head.fields.get('warc-type');
      const wanted = type === 'response' || type === 'resource';
      // A record that is not a page, or too large, is skipped without being held.
      const body = wanted && length <= maxBytes + MAX_HEADERS ? await reader.read(length) : await reader.skip(length).then(() => null);
      if (reader.ended && reader.short) {
        yield fail('the file ends inside a record (a truncated download?)');
        return;
      }
      if (!wanted) continue;
      const id = idFor(`${fileId}#${head.fields.get('warc-target-uri') ?? records}`);
      if (body === null) {
        yield tooLongItem(path, id, maxBytes);
        continue;
      }
      const page = type === 'response' ? httpPayload(body, maxBytes) : { status: 200, contentType: head.fields.get('content-type') ?? null, bytes: body };
      if (page === 'too-large') {
        yield tooLongItem(path, id, maxBytes);
        continue;
      }
      const format = page && page.status === 200 ? formatOf(page.contentType) : null;
      if (!page || !format) continue;
      if (page.bytes.length > maxBytes) {
        yield tooLongItem(path, id, maxBytes);
        continue;
      }
      yield { kind: 'article', article: { bytes: page.bytes, id, path, format, charset: charsetOf(page.contentType), offset } };
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    yield fail(code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' ? 'it is not valid gzip' : (code ?? (error as Error).message), error);
  }
}

/** The status, content type and decoded body of an HTTP response as archived; null if it is not one. */
function httpPayload(record: Buffer, maxBytes: number): { status: number; contentType: string | null; bytes: Buffer } | null | 'too-large' {
  const end = record.indexOf('\r\n\r\n');
  if (end < 0 || end > MAX_HEADERS) return null;
  const head = parseFields(record.subarray(0, end).toString('latin1'));
  const status = Number(/^HTTP\/[\d.]+\s+(\d{3})/.exec(head.first)?.[1]);
  let body = record.subarray(end + 4);
  try {
    if (/chunked/i.test(head.fields.get('transfer-encoding') ?? '')) body = dechunk(body);
    const encoding = (head.fields.get('content-encoding') ?? '').trim().toLowerCase();
    // Bounded: a small compressed body may not expand past the limit (a decompression bomb).
    const limit = { maxOutputLength: maxBytes + 1 };
    if (encoding === 'gzip' || encoding === 'x-gzip') body = gunzipSync(body, limit);
    else if (encoding === 'deflate') body = inflateSync(body, limit);
    else if (encoding === 'br') body = brotliDecompressSync(body, limit);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return 'too-large';
    return null;
  }
  return { status, contentType: head.fields.get('content-type') ?? null, bytes: Buffer.from(body) };
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(body.subarray(at, lineEnd).toString('latin1').split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size <= 0) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

async function readHead(reader: ByteReader): Promise<Head | null> {
  const block = await reader.readUntil('\r\n\r\n', MAX_HEADERS);
  return block === null ? null : parseFields(block.toString('utf8'));
}

function parseFields(block: string): Head {
  const [first = '', ...lines] = block.split('\r\n');
  const fields = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { first: first.trim(), fields };
}

/** Media types of archived pages that are articles, and how each is read. */
function formatOf(contentType: string | null): InputFormat | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/plain') return 'text';
  if (type === 'text/markdown') return 'markdown';
  if (type === 'application/json' || type === 'application/ld+json') return 'json';
  return null;
}

function charsetOf(contentType: string | null): string | null {
  return /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? null;
}

/** Reads a byte stream in pieces of known length or up to a delimiter, counting its position. */
class ByteReader {
  position = 0;
  ended = false;
  /** The last read or skip stopped at the end of the stream before its length. */
  short = false;
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly chunks: AsyncIterator<Buffer>) {}

  private async fill(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.chunks.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.buffer = this.buffer.length === 0 ? next.value : Buffer.concat([this.buffer, next.value]);
    return true;
  }

  async atEnd(): Promise<boolean> {
    while (this.buffer.length === 0) if (!(await this.fill())) return true;
    return false;
  }

  async skipBlankLines(): Promise<void> {
    for (;;) {
      while (this.buffer.length < 2 && (await this.fill()));
      if (this.buffer[0] === 0x0d && this.buffer[1] === 0x0a) this.take(2);
      else if (this.buffer[0] === 0x0a) this.take(1);
      else return;
    }
  }

  /** Bytes up to the delimiter (dropped), or null when it is not found within `max` bytes or before the end. */
  async readUntil(delimiter: string, max: number): Promise<Buffer | null> {
    let searched = 0;
    for (;;) {
      const at = this.buffer.indexOf(delimiter, Math.max(0, searched - delimiter.length));
      if (at >= 0) {
        const out = this.take(at);
        this.take(delimiter.length);
        return out;
      }
      searched = this.buffer.length;
      if (searched > max || !(await this.fill())) return null;
    }
  }

  async read(length: number): Promise<Buffer> {
    // Pieces gathered once each: a large record is not copied again with every chunk.
    const parts: Buffer[] = [];
    let got = 0;
    while (got < length) {
      if (this.buffer.length === 0 && !(await this.fill())) break;
      const n = Math.min(length - got, this.buffer.length);
      parts.push(this.take(n));
      got += n;
    }
    this.short = got < length;
    return Buffer.concat(parts);
  }

  async skip(length: number): Promise<void> {
    let left = length;
    for (;;) {
      const n = Math.min(left, this.buffer.length);
      this.take(n);
      left -= n;
      if (left === 0) break;
      if (!(await this.fill())) break;
    }
    this.short = left > 0;
  }

  private take(n: number): Buffer {
    const out = Buffer.from(this.buffer.subarray(0, n));
    this.buffer = this.buffer.subarray(n);
    this.position += n;
    return out;
  }
}
