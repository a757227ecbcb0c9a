import { type ArticleMeta, type Diagnostic, EMPTY_META, type InputFormat } from '../document.js';
import { InputError } from '../errors.js';
import type { ArticleInput } from '../execute/open-document.js';
import { sha256 } from '../record.js';
import { normalisePublished } from './article-meta.js';
import { decodeBytes } from './decode-bytes.js';
import { extractHtml, sniffHtmlCharset } from './extract-html.js';
import { parseJsonArticle } from './parse-json.js';
import { parseMarkdown } from './parse-markdown.js';

import { DEFAULT_MAX_BYTES, formatBytes } from './limits.js';
import { formatFromPath, readArticleBytes, type ReadArticleOptions } from './read-file-bytes.js';

export { ARTICLE_EXTENSIONS, formatFromPath, readArticleBytes, type ReadArticleOptions } from './read-file-bytes.js';
export { DEFAULT_MAX_BYTES, formatBytes };

/** Reads and parses one article file into pipeline input. Every problem is an InputError with a stable code. */
export async function readArticleFile(path: string, id: string, options: ReadArticleOptions = {}): Promise<ArticleInput> {
  const { bytes } = await readArticleBytes(path, id, options);
  return bytesToArticle(bytes, { id, path, format: formatFromPath(path) });
}

export interface BytesToArticleOptions {
  id: string;
  path: string | null;
  /** Format from the file name; sniffed from the content when null. */
  format: InputFormat | null;
  /** Charset the transport declares (HTTP Content-Type), trusted over sniffing. */
  charset?: string | null;
  /** Byte offset of the article in a file of many (a JSONL line). */
  offset?: number | null;
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
  let meta: ArticleMeta = { ...EMPTY_META };
  let text: string;
  switch (format) {
    case 'html': {
      const html = extractHtml(decoded.text, path);
      title = html.title;
      date = html.date;
      meta = html.meta;
      text = html.text;
      warnings.push(...(html.warnings ?? []));
      break;
    }
    case 'json': {
      const json = parseJsonArticle(decoded.text, path);
      title = json.title;
      date = json.date;
      meta = json.meta;
      text = json.text;
      break;
    }
    case 'markdown': {
      const md = parseMarkdown(decoded.text);
      title = md.title;
      date = md.date;
      meta = { ...meta, published: normalisePublished(md.date) };
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
    meta,
    source: { path: options.path, sha256: sha256(bytes), bytes: bytes.length, encoding: decoded.encoding, format, ...(typeof options.offset === 'number' ? { offset: options.offset } : {}) },
    warnings,
  };
}

function sniffFormat(text: string): InputFormat {
  const head = text.trimStart().slice(0, 512);
  if (head.startsWith('{')) return 'json';
  if (/^<(!doctype html|html|head|body|article|div|p)[\s>]/i.test(head)) return 'html';
  return 'text';
}
