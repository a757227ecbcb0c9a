import { InputError } from '../errors.js';
import type { ArticleBytes } from '../execute/open-document.js';
import type { ArticleEntry } from './list-articles.js';
import { formatBytes } from './limits.js';

/**
 * What a listing yields once files of many articles are opened: the entries of `listArticles`,
 * each article of a JSONL file, JSON array or web archive (its bytes, parsed later in the
 * pipeline's threads like a file of its format), or an article that cannot be read.
 */
export type ArticleItem =
  | ArticleEntry
  | { kind: 'article'; article: ArticleBytes }
  | { kind: 'unreadable'; id: string; path: string; error: InputError };

export interface StreamOptions {
  /** Largest article (a line, an element, an archived page) read. @default DEFAULT_MAX_BYTES */
  maxBytes?: number;
}

/** The item of an article past the size limit, which is not read. */
export function tooLongItem(path: string, id: string, maxBytes: number): ArticleItem {
  return {
    kind: 'unreadable',
    id,
    path,
    error: new InputError('INPUT_TOO_LARGE', `An article of ${path} (${id}) is over the ${formatBytes(maxBytes)} limit. Raise --max-bytes if it really is one article.`, { path }),
  };
}

/** The article's own `id` (a string or a number), when its bytes are a JSON object that has one. */
export function ownId(bytes: Buffer): string | null {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const id = (value as { id?: unknown }).id;
    if (typeof id === 'string' && id.trim() !== '') return id.trim().slice(0, 200);
    if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  } catch {
    // Read as an article anyway; its record says why it is not one.
  }
  return null;
}

/** Ids made unique within one file: a repeated id gets `~2`, `~3`… */
export function uniqueIds(): (wanted: string) => string {
  const ids = new Set<string>();
  return (wanted) => {
    let id = wanted;
    for (let n = 2; ids.has(id); n++) id = `${wanted}~${n}`;
    ids.add(id);
    return id;
  };
}
