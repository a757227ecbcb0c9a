import { readFileSync } from 'node:fs';
import { ERROR_CODES } from '../errors.js';
import { VERSION } from '../version.js';
import { articleOptionsSchema, batchSchema, documentQuerySchema, documentSchema, errorSchema } from './schemas.js';
import type { ResolvedServerOptions } from './server-options.js';

const RECORD_SCHEMA_PATH = new URL('../../schema/record.schema.json', import.meta.url);

type Limits = Pick<ResolvedServerOptions, 'maxBatch' | 'bodyLimit' | 'batchBodyLimit' | 'timeoutMs'>;

/**
 * The OpenAPI 3.1 document of the service, built from the same schemas the routes validate with.
 * `schema/openapi.json` in the repository is this document at the default limits.
 */
export function buildOpenApi(limits: Limits) {
  const { $schema: _s, $id: _i, ...record } = JSON.parse(readFileSync(RECORD_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
  const errors = {
    '400': error('Invalid JSON (`INVALID_JSON`) or a request that does not match the schema (`BAD_REQUEST`).'),
    '413': error(`Body over the limit (\`PAYLOAD_TOO_LARGE\`).`),
    '415': error('Content type the endpoint does not take (`UNSUPPORTED_MEDIA_TYPE`).'),
    '429': {
      ...error('The queue is full (`QUEUE_FULL`); retry after the `Retry-After` seconds.'),
      headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait before retrying.' } },
    },
    '503': error('Shutting down (`SHUTTING_DOWN`).'),
    '504': error(`The document took longer than the per-request timeout (\`TIMEOUT\`, ${limits.timeoutMs} ms by default).`),
  };
  const query = Object.entries(documentQuerySchema.properties).map(([name, schema]) => ({ name, in: 'query', required: false, schema }));
  const documentOperation = (mode: 'summarise' | 'extract') => ({
    operationId: mode,
    summary:
      mode === 'summarise'
        ? 'One article to its record, with the English summary.'
        : 'One article to its record without a summary (language, amounts, currency pairs, entities, key sentences); uses no model.',
    parameters: query,
    requestBody: {
      required: true,
      description: `The article itself (text/plain, text/markdown, text/html), or JSON. At most ${limits.bodyLimit} bytes by default.`,
      content: {
        'application/json': { schema: { $ref: '#/components/schemas/Document' } },
        'text/plain': { schema: { type: 'string' } },
        'text/markdown': { schema: { type: 'string' } },
        'text/html': { schema: { type: 'string' } },
      },
    },
    responses: {
      '200': { description: 'The record.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Record' } } } },
      '422': {
        description: 'The article could not be processed (empty, binary, unsupported language…): its record, whose `error` says why.',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Record' } } },
      },
      ...errors,
    },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'precis',
      version: VERSION,
      description: 'Structured English briefs of news articles: language, amounts, currency pairs, entities, key sentences and summary.',
    },
    paths: {
      '/v1/summarise': { post: documentOperation('summarise') },
      '/v1/extract': { post: documentOperation('extract') },
      '/v1/batch': {
        post: {
          operationId: 'batch',
          summary: `Up to ${limits.maxBatch} documents (by default); one record per line back, in input order. Admitted whole or refused with 429.`,
          requestBody: {
            required: true,
            description: `At most ${limits.batchBodyLimit} bytes by default.`,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Batch' } } },
          },
          responses: {
            '200': {
              description: 'NDJSON: one record per line. A document that failed or timed out is a record with `error`.',
              content: { 'application/x-ndjson': { schema: { $ref: '#/components/schemas/Record' } } },
            },
            ...errors,
          },
        },
      },
      '/healthz': { get: { operationId: 'healthz', summary: 'The process is up.', responses: { '200': { description: 'Up.' } } } },
      '/readyz': {
        get: {
          operationId: 'readyz',
          summary: 'Ready: models loaded and not shutting down.',
          responses: { '200': { description: 'Ready, with the models loaded.' }, '503': error('Loading models, models missing (`NOT_READY`) or shutting down (`SHUTTING_DOWN`).') },
        },
      },
      '/metrics': {
        get: {
          operationId: 'metrics',
          summary: 'Prometheus metrics: requests, latency histogram, queue depth, documents in flight, errors by code.',
          responses: { '200': { description: 'Prometheus text format.', content: { 'text/plain': { schema: { type: 'string' } } } } },
        },
      },
      '/openapi.json': { get: { operationId: 'openapi', summary: 'This document.', responses: { '200': { description: 'OpenAPI 3.1.' } } } },
    },
    components: {
      schemas: {
        Document: documentSchema,
        Batch: batchSchema(limits.maxBatch),
        ArticleOptions: articleOptionsSchema,
        Record: record,
        Error: {
          ...errorSchema,
          properties: {
            error: {
              ...errorSchema.properties.error,
              properties: { ...errorSchema.properties.error.properties, code: { type: 'string', enum: Object.keys(ERROR_CODES) } },
            },
          },
        },
      },
    },
  };
}
