import type { InputFormat } from '../document.js';
import { isArticleBytes, type AnyArticle, type ArticleBytes, type ArticleInput, articleId, toArticleInput } from '../execute/open-document.js';
import { ARTICLE_OPTION_NAMES, type ArticleOptions } from '../pipeline.js';
import { RECORD_REVISION, sha256 } from '../record.js';
import { VERSION } from '../version.js';

/** What a worker does with a job's article: `precis summarise` or `precis extract`. */
export type JobCommand = 'summarise' | 'extract';

/**
 * A job as stored in Redis. The article travels in the job (workers need no shared disk): the
 * file's bytes, base64, so a worker reads them exactly as `precis summarise` reads the file, or
 * the text of an article given as text. Once done, the article is dropped from the job and only
 * what identifies it is kept.
 */
export interface ArticleJobData {
  /** Job data layout; a worker refuses a layout it does not know. */
  v: 1;
  command: JobCommand;
  /** Record options of `precis summarise` (sentences, languages, …); the worker's own for the rest. */
  options: ArticleOptions;
  id: string;
  path: string | null;
  format: InputFormat | null;
  /** Byte offset of the article in a file of many (a JSONL line). */
  offset?: number;
  sha256: string;
  /** The file's bytes, base64; absent once the job is done. */
  bytes?: string;
  /** An article given as text (JSONL input, the library); absent once the job is done. */
  article?: ArticleInput;
}

/** The key that makes the same article with the same options one job, however often it is added. */
export function recordKey(command: JobCommand, options: ArticleOptions): string {
  const picked = ARTICLE_OPTION_NAMES.filter((k) => options[k] !== undefined).map((k) => [k, options[k]]);
  return `${VERSION}+${sha256(JSON.stringify([command, picked, RECORD_REVISION])).slice(0, 8)}`;
}

/** BullMQ ids may not hold ':' (its key separator) and must not look like integers. */
export function jobId(key: string, contentSha256: string): string {
  return `${key}.${contentSha256}`.replace(/:/g, '_');
}

export function toJobData(input: AnyArticle, command: JobCommand, options: ArticleOptions): ArticleJobData {
  if (isArticleBytes(input)) {
    const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
    return {
      v: 1,
      command,
      options,
      id: input.id,
      path: input.path ?? null,
      format: input.format ?? null,
      ...(typeof input.offset === 'number' ? { offset: input.offset } : {}),
      sha256: sha256(bytes),
      bytes: bytes.toString('base64'),
    };
  }
  const article = toArticleInput(input);
  return {
    v: 1,
    command,
    options,
    id: articleId(article),
    path: article.source?.path ?? null,
    format: article.source?.format ?? null,
    sha256: sha256(JSON.stringify(article)),
    article,
  };
}

/** The article a job holds, as the pipeline takes it; null when the job no longer carries it. */
export function articleOfJob(data: ArticleJobData): AnyArticle | null {
  if (data.bytes !== undefined) {
    const bytes: ArticleBytes = { bytes: Buffer.from(data.bytes, 'base64'), id: data.id, path: data.path, format: data.format, offset: data.offset ?? null };
    return bytes;
  }
  return data.article ?? null;
}

/** Checks what came out of Redis before trusting it. */
export function isArticleJobData(value: unknown): value is ArticleJobData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<ArticleJobData>;
  return (
    data.v === 1 &&
    (data.command === 'summarise' || data.command === 'extract') &&
    typeof data.id === 'string' &&
    typeof data.sha256 === 'string' &&
    typeof data.options === 'object' &&
    data.options !== null
  );
}
