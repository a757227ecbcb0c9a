import { type ErrorCode, isPrecisError } from '../errors.js';

/** An error with the HTTP status it is answered with; the body is always `{error: {code, message}}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

interface AjvIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params: { additionalProperty?: string; allowedValues?: unknown[]; missingProperty?: string; type?: string; limit?: number };
}

/** One schema violation, naming the field: `sentences` must be an integer, not "must be integer". */
function describeValidation(issue: AjvIssue, query: boolean): string {
  const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const field = (name: string) => (query ? `parameter \`${name}\`` : `field \`${name}\``);
  const at = path ? field(path) : query ? 'the query string' : 'the body';
  switch (issue.keyword) {
    case 'additionalProperties':
      return `${field(path ? `${path}.${issue.params.additionalProperty}` : String(issue.params.additionalProperty))} is not one the endpoint takes`;
    case 'required':
      return `${field(path ? `${path}.${issue.params.missingProperty}` : String(issue.params.missingProperty))} is missing`;
    case 'enum':
      return `${at} must be one of ${(issue.params.allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return `${at} ${issue.message ?? 'is not valid'}`;
  }
}

/** Fastify's own failures (parsing, limits, validation) in the API's codes and words. */
export function toHttpError(error: unknown, bodyLimit: number): HttpError {
  if (error instanceof HttpError) return error;
  const e = error as { code?: string; statusCode?: number; message?: string; validation?: unknown; validationContext?: string };
  if (e.validation) {
    const where = e.validationContext === 'querystring' ? 'query string' : 'request body';
    const detail = Array.isArray(e.validation) && e.validation.length > 0 ? describeValidation(e.validation[0] as AjvIssue, e.validationContext === 'querystring') : (e.message ?? 'see the API schema');
    return new HttpError(400, 'BAD_REQUEST', `The ${where} is not valid: ${detail}. See GET /openapi.json for the expected shape.`);
  }
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `${e.message ?? 'Unsupported content type'}. Send text/plain, text/markdown, text/html (the article itself) or application/json.`);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpError(400, 'BAD_REQUEST', e.message ?? 'The Content-Length does not match the body.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'PAYLOAD_TOO_LARGE', `The request body is over this endpoint's limit of ${bodyLimit} bytes. Send a shorter article, or start the service with a higher --body-limit.`);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'INVALID_JSON', `The body is not valid JSON (${e.message ?? 'parse error'}). Send {"text": "..."} or use content-type text/plain.`);
    case 'FST_ERR_CTP_INVALID_TYPE':
    case 'FST_ERR_CTP_EMPTY_TYPE':
      return new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `${e.message ?? 'Missing content type'}. Send a content-type header: text/plain or application/json.`);
  }
  if (e instanceof SyntaxError || (e.statusCode === 400 && /JSON/i.test(e.message ?? ''))) {
    return new HttpError(400, 'INVALID_JSON', `The body is not valid JSON (${e.message}). Send {"text": "..."} or use content-type text/plain.`);
  }
  if (isPrecisError(error) && error.code === 'USAGE') return new HttpError(400, 'BAD_REQUEST', error.message);
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new HttpError(e.statusCode, e.statusCode === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', e.message ?? 'Bad request.');
  }
  return new HttpError(500, 'INTERNAL', 'An unexpected failure inside precis. It is logged on the server; please report it with the request that caused it.');
}
