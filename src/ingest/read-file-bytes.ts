import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { InputFormat } from '../document.js';
import { InputError } from '../errors.js';
import type { ArticleBytes } from '../execute/open-document.js';
import { DEFAULT_MAX_BYTES, formatBytes } from './limits.js';

const EXTENSION_FORMATS: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.json': 'json',
};

/** Files of many articles: one JSON object per line (plain or gzip-compressed), or web archives. */
export const STREAM_EXTENSIONS = ['jsonl', 'ndjson', 'jsonl.gz', 'ndjson.gz', 'warc', 'warc.gz'];

/** Every extension a folder walk reads, in any case. */
export const ARTICLE_EXTENSIONS = [...Object.keys(EXTENSION_FORMATS).map((e) => e.slice(1)), ...STREAM_EXTENSIONS];

/** How a file of many articles is read, from its name: JSON lines or a WARC web archive. */
export function streamKind(path: string): 'jsonl' | 'warc' | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.warc') || lower.endsWith('.warc.gz')) return 'warc';
  return STREAM_EXTENSIONS.some((e) => lower.endsWith(`.${e}`)) ? 'jsonl' : null;
}

export function formatFromPath(path: string): InputFormat | null {
  return EXTENSION_FORMATS[extname(path).toLowerCase()] ?? null;
}

export interface ReadArticleOptions {
  maxBytes?: number;
}

/**
 * Reads one article file's bytes, within the size limit; decoding and parsing come later, in the
 * pipeline's threads. Every problem is an InputError with a stable code.
 */
export async function readArticleBytes(path: string, id: string, options: ReadArticleOptions = {}): Promise<ArticleBytes> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new InputError('INPUT_UNREADABLE', `${path} is a directory, not a file.`, { path });
    }
    size = info.size;
  } catch (error) {
    throw fsError(error, path);
  }
  if (size > maxBytes) {
    throw new InputError(
      'INPUT_TOO_LARGE',
      `${path} is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit. Raise --max-bytes if it really is one article.`,
      { path },
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw fsError(error, path);
  }
  // The file may have grown between stat and read.
  if (bytes.length > maxBytes) {
    throw new InputError('INPUT_TOO_LARGE', `${path} is over the ${formatBytes(maxBytes)} limit. Raise --max-bytes if it really is one article.`, { path });
  }
  return { bytes, id, path, format: formatFromPath(path) };
}

function fsError(error: unknown, path: string): InputError {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return new InputError('INPUT_NOT_FOUND', `${path} does not exist. Check the path.`, { path, cause: error });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new InputError('INPUT_UNREADABLE', `${path} cannot be read: permission denied. Check the file's permissions.`, { path, cause: error });
  }
  return new InputError('INPUT_UNREADABLE', `${path} cannot be read (${code ?? (error as Error).message}).`, { path, cause: error });
}

/** A path from the command line or a folder walk, as `listArticles` classifies it. */
export interface PathEntry {
  kind: 'file' | 'missing' | 'not-a-file';
  path: string;
  id: string;
}

/** The bytes of a listed path, or the InputError that says why it is not read. */
export async function readEntryBytes(entry: PathEntry, options: ReadArticleOptions = {}): Promise<ArticleBytes> {
  switch (entry.kind) {
    case 'missing':
      throw new InputError('INPUT_NOT_FOUND', `${entry.path} does not exist. Check the path.`, { path: entry.path });
    case 'not-a-file':
      throw new InputError('INPUT_NOT_A_FILE', `${entry.path} is neither a regular file nor a folder (a pipe, a socket or a device), so it is not read. Give precis files or folders of files.`, {
        path: entry.path,
      });
    case 'file':
      return readArticleBytes(entry.path, entry.id, options);
  }
}
