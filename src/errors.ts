/**
 * Every failure precis reports carries a stable `code` so that scripts and services can act on it
 * without parsing messages; messages say what happened and end with what to do about it.
 */
export const ERROR_CODES = {
  INPUT_NOT_FOUND: 'The path does not exist.',
  INPUT_NOT_A_FILE: 'The path is neither a regular file nor a folder (a pipe, a socket, a device).',
  INPUT_UNREADABLE: 'The file could not be read.',
  INPUT_TOO_LARGE: 'The file is larger than --max-bytes.',
  INPUT_EMPTY: 'The article has no text.',
  INPUT_BINARY: 'The file is binary, not text.',
  INPUT_NOT_ARTICLE: 'The file does not hold an article.',
  INPUT_TOO_COMPLEX: 'The article needs more work (words, memory) than one document is allowed.',
  NO_ARTICLE_BODY: 'No article body was found in the HTML page.',
  NO_ARTICLES: 'A directory held no article files.',
  UNSUPPORTED_LANGUAGE: 'The language has no translation model.',
  LANGUAGE_UNDETERMINED: 'The language could not be determined.',
  MODEL_NOT_FOUND: 'A model is not in the models directory.',
  MODEL_INVALID: 'A model could not be loaded.',
  MODEL_DOWNLOAD_FAILED: 'A model file could not be downloaded.',
  MODEL_CHECKSUM_MISMATCH: 'A model file does not match its recorded size or checksum.',
  ABORTED: 'The work was cancelled.',
  INTERNAL: 'An unexpected failure inside precis.',
  USAGE: 'The command line or options were not valid.',
  OUTPUT_WRITE_FAILED: 'An output file could not be written.',
  OUTPUT_LOCKED: 'Another run is writing to the same --out folder.',
  PIPELINE_CLOSED: 'The pipeline was closed; no further work is accepted.',
  BAD_REQUEST: 'The HTTP request did not match the API (schema, parameters).',
  INVALID_JSON: 'The HTTP request body is not valid JSON.',
  PAYLOAD_TOO_LARGE: 'The HTTP request body is over the size limit.',
  UNSUPPORTED_MEDIA_TYPE: 'The HTTP request has a content type the endpoint does not take.',
  NOT_FOUND: 'No HTTP endpoint at this path.',
  FORBIDDEN: 'The HTTP endpoint answers only requests from this machine (loopback).',
  METHOD_NOT_ALLOWED: 'The HTTP endpoint exists but takes other methods (see the Allow header).',
  QUEUE_FULL: 'The service has as much work queued as it admits; retry later.',
  TIMEOUT: 'The article (or the request) took longer than its deadline; its work was stopped.',
  SHUTTING_DOWN: 'The service is shutting down and accepts no new work.',
  NOT_READY: 'The service is still loading its models.',
  REFERENCE_RATES_NOT_FOUND: 'The reference-rates file could not be read.',
  REFERENCE_RATES_INVALID: 'The reference-rates file is not an ECB euro reference-rate CSV.',
  QUEUE_UNAVAILABLE: 'Redis, which holds the job queue, could not be reached or refused the credentials.',
  QUEUE_MISCONFIGURED: 'Redis is set up in a way that can lose jobs (maxmemory-policy other than noeviction).',
  JOB_INVALID: 'A queued job does not hold an article precis can read (made by another version, or damaged).',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface PrecisErrorOptions {
  cause?: unknown;
  path?: string;
}

export class PrecisError extends Error {
  readonly code: ErrorCode;
  readonly path: string | undefined;

  constructor(code: ErrorCode, message: string, options: PrecisErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PrecisError';
    this.code = code;
    this.path = options.path;
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** A problem with one input article: reported on that article's record, never fatal to a batch. */
export class InputError extends PrecisError {
  constructor(code: ErrorCode, message: string, options: PrecisErrorOptions = {}) {
    super(code, message, options);
    this.name = 'InputError';
  }
}

/** The article's language cannot be handled by the configured pipeline. */
export class LanguageError extends PrecisError {
  constructor(code: 'UNSUPPORTED_LANGUAGE' | 'LANGUAGE_UNDETERMINED', message: string) {
    super(code, message);
    this.name = 'LanguageError';
  }
}

/** Bad command-line arguments or bad options given to the library. */
export class UsageError extends PrecisError {
  constructor(message: string, options: PrecisErrorOptions = {}) {
    super('USAGE', message, options);
    this.name = 'UsageError';
  }
}

/** Work given to a pipeline after `close()`. */
export class PipelineClosedError extends PrecisError {
  constructor() {
    super('PIPELINE_CLOSED', 'This pipeline was closed; create a new one with createPipeline().');
    this.name = 'PipelineClosedError';
  }
}

export class AbortError extends PrecisError {
  constructor(message = 'The operation was aborted.') {
    super('ABORTED', message);
    this.name = 'AbortError';
  }
}

/** An article that took longer than its deadline; its work was stopped. */
export class TimeoutError extends PrecisError {
  constructor(message: string) {
    super('TIMEOUT', message);
    this.name = 'TimeoutError';
  }
}

export function isPrecisError(value: unknown): value is PrecisError {
  return value instanceof PrecisError;
}

export function isInputError(value: unknown): value is InputError {
  return value instanceof InputError;
}

export function isUsageError(value: unknown): value is UsageError {
  return value instanceof UsageError;
}

export function isAbortError(value: unknown): value is AbortError {
  return value instanceof AbortError || (value instanceof Error && value.name === 'AbortError');
}

/** Turns anything thrown into the `{code, message}` shape of a failed record. */
export function toErrorInfo(error: unknown): { code: ErrorCode; message: string } {
  if (isPrecisError(error)) return error.toJSON();
  if (isAbortError(error)) return { code: 'ABORTED', message: 'The work was cancelled before this article finished.' };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'INTERNAL',
    message: `Unexpected failure: ${detail}. This is a bug in precis; please report it with the input file.`,
  };
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError();
}
