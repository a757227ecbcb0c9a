import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Diagnostic, InputFormat } from '../document.js';
import { InputError } from '../errors.js';
import type { ArticleInput } from '../pipeline.js';
import { sha256 } from '../record.js';
import { decodeBytes } from './decode-bytes.js';
import { extractHtml, sniffHtmlCharset } from './extract-html.js';
import { parseJsonArticle } from './parse-json.js';
import { parseMarkdown } from './parse-markdown.js';

import { DEFAULT_MAX_BYTES } from './limits.js';

export { DEFAULT_MAX_BYTES };

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

export const ARTICLE_EXTENSIONS = Object.keys(EXTENSION_FORMATS).map((e) => e.slice(1));

export function formatFromPath(path: string): InputFormat | null {
  return EXTENSION_FORMATS[extname(path).toLowerCase()] ?? null;
}

export interface ReadArticleOptions {
  maxBytes?: number;
}

/** Reads one article file into pipeline input. Every problem is an InputError with a stable code. */
export async function readArticleFile(path: string, id: string, options: ReadArticleOptions = {}): Promise<ArticleInput> {
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
  return bytesToArticle(bytes, { id, path, format: formatFromPath(path) });
}

export interface BytesToArticleOptions {
  id: string;
  path: string | null;
  /** Format from the file name; sniffed from the content when null. */
  format: InputFormat | null;
  /** Charset the transport declares (HTTP Content-Type), trusted over sniffing. */
  charset?: string | null;
}

export function bytesToArticle(bytes: Uint8Array, options: BytesToArticleOptions): ArticleInput {
  const path = options.path ?? undefined;
  if (bytes.length === 0) {
    // Bytes from a request or a pipe have no file to blame.
    throw new InputError('INPUT_EMPTY', path ? 'The file is empty (0 bytes). Check that it was saved completely.' : 'The article is empty (0 bytes). Send its text.', { path });
  }
  const sniffedCharset = sniffHtmlCharset(bytes);
  const decoded = decodeBytes(bytes, { declaredCharset: sniffedCharset, transportCharset: options.charset ?? null, path });
  const format = options.format ?? sniffFormat(decoded.text);
  const warnings: Diagnostic[] = [...decoded.warnings];
  let title: string | null = null;
  let date: string | null = null;
  let text: string;
  switch (format) {
    case 'html': {
      const html = extractHtml(decoded.text, path);
      title = html.title;
      date = html.date;
      text = html.text;
      warnings.push(...(html.warnings ?? []));
      break;
    }
    case 'json': {
      const json = parseJsonArticle(decoded.text, path);
      title = json.title;
      date = json.date;
      text = json.text;
      break;
    }
    case 'markdown': {
      const md = parseMarkdown(decoded.text);
      title = md.title;
      date = md.date;
      text = md.text;
      break;
    }
    default:
      text = decoded.text;
  }
  // A title the body does not already open with is the article's headline: keep it as its first
  // paragraph so it is read, ranked and offset like the rest.
  if (title && !text.trimStart().startsWith(title)) text = `${title}\n${text}`;
  return {
    id: options.id,
    text,
    title,
    date,
    source: { path: options.path, sha256: sha256(bytes), bytes: bytes.length, encoding: decoded.encoding, format },
    warnings,
  };
}

function sniffFormat(text: string): InputFormat {
  const head = text.trimStart().slice(0, 512);
  if (head.startsWith('{')) return 'json';
  if (/^<(!doctype html|html|head|body|article|div|p)[\s>]/i.test(head)) return 'html';
  return 'text';
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

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
