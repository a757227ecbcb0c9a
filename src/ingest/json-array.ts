import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { type ArticleItem, ownId, type StreamOptions, tooLongItem, uniqueIds } from './stream-items.js';
import { DEFAULT_MAX_BYTES } from './limits.js';

/** Whether a `.json` file holds an array (of articles) rather than one article: its first byte that is not space or a BOM. */
export async function startsWithArray(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(512), 0, 512, 0);
    let i = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
    while (i < bytesRead && (buffer[i] === 32 || buffer[i] === 9 || buffer[i] === 10 || buffer[i] === 13)) i++;
    return i < bytesRead && buffer[i] === 0x5b;
  } catch {
    // Unreadable: read as one article, whose record says why.
    return false;
  } finally {
    await handle?.close();
  }
}

/**
 * The articles of a JSON array file, each element parsed later like a `.json` file, read as a
 * stream: one element in memory at a time. The scanner only tracks strings and nesting to find
 * where each top-level element starts and ends (a streaming JSON parser would give the values
 * but not their bytes and offsets, which records keep). Ids are the file's id, `#`, and the
 * element's `id` field, else its position from 1; `source.offset` is the element's byte offset.
 */
export async function* readJsonArray(path: string, fileId: string, options: StreamOptions = {}): AsyncGenerator<ArticleItem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const idFor = uniqueIds();
  let depth = 0;
  let inString = false;
  let escaped = false;
  let index = 0;
  // The element being read: its parts, its start offset, and whether it outgrew the limit.
  let parts: Buffer[] = [];
  let size = 0;
  let start = -1;
  let tooLong = false;
  let position = 0;
  let closed = false;
  const finish = (): ArticleItem | null => {
    if (start < 0) return null;
    index++;
    const bytes = Buffer.concat(parts);
    const item: ArticleItem = tooLong
      ? tooLongItem(path, idFor(`${fileId}#${index}`), maxBytes)
      : { kind: 'article', article: { bytes, id: idFor(`${fileId}#${ownId(bytes) ?? index}`), path, format: 'json', offset: start } };
    parts = [];
    size = 0;
    start = -1;
    tooLong = false;
    return item;
  };
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      let from = 0;
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i]!;
        if (inString) {
          if (escaped) escaped = false;
          else if (byte === 0x5c) escaped = true;
          else if (byte === 0x22) inString = false;
          continue;
        }
        if (byte === 0x22) {
          inString = true;
          if (depth === 1 && start < 0) {
            start = position + i;
            from = i;
          }
        } else if (byte === 0x5b || byte === 0x7b) {
          depth++;
          if (depth === 1 && byte === 0x5b) continue;
          if (depth === 2 && start < 0) {
            start = position + i;
            from = i;
          }
        } else if (byte === 0x5d || byte === 0x7d) {
          depth--;
          if (depth === 0) {
            // The array's closing bracket ends the last element.
            keep(chunk.subarray(from, i));
            const item = finish();
            if (item) yield item;
            closed = true;
            break;
          }
        } else if (byte === 0x2c && depth === 1) {
          keep(chunk.subarray(from, i));
          const item = finish();
          if (item) yield item;
          from = i + 1;
        } else if (depth === 1 && start < 0 && byte > 0x20) {
          // A bare number, true, null…: an element that is not an article; its record says so.
          start = position + i;
          from = i;
        }
      }
      if (closed) break;
      if (start >= 0) keep(chunk.subarray(from));
      position += chunk.length;
    }
  } catch (error) {
    yield { kind: 'unreadable', id: idFor(`${fileId}#${index + 1}`), path, error: new InputError('INPUT_UNREADABLE', `${path} could not be read past element ${index} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`, { path, cause: error }) };
    return;
  }
  if (!closed) {
    yield {
      kind: 'unreadable',
      id: idFor(`${fileId}#${index + 1}`),
      path,
      error: new InputError('INPUT_NOT_ARTICLE', `${path} ends inside its array after ${index} element(s): the file is cut short or not valid JSON. The elements before were read.`, { path }),
    };
  }

  function keep(piece: Buffer): void {
    if (start < 0 || tooLong) return;
    if (size + piece.length > maxBytes) {
      tooLong = true;
      parts = [];
      return;
    }
    parts.push(Buffer.from(piece));
    size += piece.length;
  }
}
