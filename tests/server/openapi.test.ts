import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ERROR_CODES } from '../../src/index.js';
import { OPENAPI_PATH, documentedOpenApi } from '../../scripts/openapi.js';

test('schema/openapi.json is up to date (regenerate with npm run openapi)', () => {
  expect(JSON.parse(readFileSync(OPENAPI_PATH, 'utf8'))).toEqual(JSON.parse(JSON.stringify(documentedOpenApi())));
});

test('its schemas compile, and its example-sized requests validate', () => {
  const doc = documentedOpenApi();
  const ajv = new Ajv2020({ strict: false });
  for (const [name, schema] of Object.entries(doc.components.schemas)) {
    ajv.addSchema(schema as object, `#/components/schemas/${name}`);
  }
  const batch = ajv.compile(doc.components.schemas.Batch);
  expect(batch({ mode: 'extract', documents: [{ id: 'a', text: 'Le budget.', format: 'html', options: { sentences: 2 } }] })).toBe(true);
  expect(batch({ documents: Array.from({ length: 33 }, () => ({ text: 'x' })) })).toBe(false);
  expect(doc.components.schemas.Error.properties.error.properties.code.enum).toEqual(Object.keys(ERROR_CODES));
});
