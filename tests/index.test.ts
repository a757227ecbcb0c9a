import { expect, test } from 'vitest';
import * as precis from '../src/index.js';

test('the public API exports exactly these names', () => {
  expect(Object.keys(precis).sort()).toEqual(
    [
      'ARTICLE_OPTION_NAMES',
      'PIPELINE_OPTION_NAMES',
      'AbortError',
      'DEFAULT_CANDIDATES',
      'DEFAULT_MAX_BYTES',
      'ERROR_CODES',
      'InputError',
      'LanguageError',
      'PipelineClosedError',
      'PrecisError',
      'UsageError',
      'VERSION',
      'buildReport',
      'bytesToArticle',
      'createPipeline',
      'isAbortError',
      'isInputError',
      'isPrecisError',
      'isUsageError',
      'LANGUAGE_PACKS',
      'languagePack',
      'listArticles',
      'parseEcbCsv',
      'readArticle',
      'readArticleBytes',
      'readArticleFile',
      'readReferenceRates',
    ].sort(),
  );
});

test('the built package resolves by its name, with type declarations', async () => {
  const { readFileSync } = await import('node:fs');
  const built = (await import('precis')) as typeof precis;
  expect(typeof built.createPipeline).toBe('function');
  const dts = readFileSync(new URL('../dist/index.d.ts', import.meta.url), 'utf8');
  expect(dts).toContain('createPipeline');
  expect(dts).toContain('PrecisRecord');
});

test('the HTTP service is its own entry, so importing the library does not load the server', async () => {
  const server = (await import('precis/server')) as typeof import('../src/server/index.js');
  expect(Object.keys(server).sort()).toEqual(['buildOpenApi', 'createServer']);
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(new URL('../dist/server/index.d.ts', import.meta.url), 'utf8')).toContain('createServer');
  expect(readFileSync(new URL('../dist/index.js', import.meta.url), 'utf8')).not.toContain('server');
});

test('the built CLI is executable, so npx and bin links can run it directly', async () => {
  const { statSync } = await import('node:fs');
  const mode = statSync(new URL('../dist/cli/main.js', import.meta.url)).mode;
  expect(mode & 0o111).not.toBe(0);
});
