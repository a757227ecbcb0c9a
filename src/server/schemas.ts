import { ENTITY_MODES } from '../entities/entities-mode.js';
import { STRATEGIES } from '../summarise/summarise-article.js';

/**
 * JSON Schemas of the requests. Fastify validates with them and the OpenAPI document is built
 * from them, so the document cannot drift from what the server accepts.
 */

export const articleOptionsSchema = {
  type: 'object',
  description: "This request's record options, over the service's own.",
  additionalProperties: false,
  properties: {
    sentences: { type: 'integer', minimum: 1, maximum: 50, description: 'Key sentences to select.' },
    languages: {
      type: 'array',
      description: 'ISO 639-3 codes language detection chooses among.',
      items: { type: 'string', pattern: '^[a-z]{3}$' },
      minItems: 1,
      maxItems: 100,
    },
    includeText: { type: 'boolean', description: 'Put the cleaned text in the record.' },
    defaultDollar: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217 code of a bare "$" the article does not qualify.' },
    tolerance: { type: 'number', exclusiveMinimum: 0, maximum: 100, description: 'Percent a currency pair may deviate from the consensus rate.' },
    strategy: { type: 'string', enum: [...STRATEGIES], description: 'How the summary is made.' },
    entities: { type: 'string', enum: [...ENTITY_MODES], description: 'How people, organisations and places are found: rules, model (the NER model) or both (rules win on overlaps). Default: both when the service has the NER model, else rules.' },
    maxWords: { type: 'integer', minimum: 1, maximum: 1000, description: 'Words in a translate-summarise summary.' },
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}', description: 'Publication date (YYYY-MM-DD) of an article that does not carry its own, for reference rates.' },
  },
} as const;

export const FORMATS = ['text', 'markdown', 'html'] as const;

/**
 * One document: `{text, id?, format?, options?}`, or a JSON article as news APIs and scrapers emit
 * it and as the CLI reads `.json` files (`{title, date, url, author, body, …}`): fields beyond the
 * API's are the article's. A record option at the top level is refused (it belongs in `options`).
 */
export const documentSchema = {
  type: 'object',
  anyOf: [{ required: ['text'] }, { required: ['body'] }, { required: ['content'] }, { required: ['article'] }],
  additionalProperties: true,
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 256, description: "The record's id (default: the first 12 hex digits of the text's sha256)." },
    text: { type: 'string', description: 'The article.' },
    format: { type: 'string', enum: [...FORMATS], default: 'text', description: 'How `text` is written; html is reduced to its article body.' },
    options: articleOptionsSchema,
    // ("date" is also the article's own field: a JSON article names its publication date so.)
    ...Object.fromEntries(Object.keys(articleOptionsSchema.properties).filter((name) => name !== 'date').map((name) => [name, { not: {}, description: `Put "${name}" in "options".` }])),
  },
} as const;

export function batchSchema(maxBatch: number) {
  return {
    type: 'object',
    required: ['documents'],
    additionalProperties: false,
    properties: {
      mode: { type: 'string', enum: ['summarise', 'extract'], default: 'summarise', description: 'summarise: records with summaries; extract: without.' },
      options: articleOptionsSchema,
      documents: { type: 'array', minItems: 1, maxItems: maxBatch, items: documentSchema },
    },
  } as const;
}

/** Record options may also come as query parameters, for bodies that are the article itself. */
export const documentQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: documentSchema.properties.id,
    format: { type: 'string', enum: [...FORMATS], description: 'How the body is written (default: from the content type).' },
    ...articleOptionsSchema.properties,
    languages: { type: 'string', pattern: '^[a-z]{3}(,[a-z]{3})*$', description: 'ISO 639-3 codes, comma-separated.' },
  },
} as const;

export const errorSchema = {
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'Stable code to act on.' },
        message: { type: 'string', description: 'What happened and what to do.' },
      },
    },
  },
} as const;

/** Content types whose body is the article itself, and the format each implies. */
export const TEXT_TYPES = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/html': 'html',
} as const;
