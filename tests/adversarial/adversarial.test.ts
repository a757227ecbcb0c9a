import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, test } from 'vitest';
import { createPipeline } from '../../src/index.js';
import { ROOT } from '../helpers.js';
import { adversarialInputs } from './generate-inputs.js';

// Every hostile input ends with a record (or a clear error record) that the JSON Schema accepts.
// Time is measured by `npm run bench` and `npm run fuzz`, never asserted here.
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'schema', 'record.schema.json'), 'utf8')));
const pipeline = createPipeline({ summarise: false });
afterAll(() => pipeline.close());

describe('hostile inputs end with a record', () => {
  test.each(adversarialInputs(1).map((input) => [input.name, input] as const))('%s', async (_name, input) => {
    // HTML goes in as bytes, so it is parsed as a page, the way files and requests are.
    const record = await pipeline.extract(input.format ? { id: input.name, bytes: Buffer.from(input.text, 'utf8'), format: input.format } : { id: input.name, text: input.text });
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    if (record.error) expect(record.error.message.length).toBeGreaterThan(20);
  }, 60_000);
});
