import { expect, test } from 'vitest';
import * as precis from '../src/index.js';

test('the public API exports exactly these names', () => {
  expect(Object.keys(precis).sort()).toEqual(
    [
      'AbortError',
      'DEFAULT_CANDIDATES',
      'DEFAULT_MAX_BYTES',
      'ERROR_CODES',
      'InputError',
      'LanguageError',
      'PrecisError',
      'UsageError',
      'VERSION',
      'bytesToArticle',
      'createPipeline',
      'isAbortError',
      'isInputError',
      'isPrecisError',
      'isUsageError',
      'listArticles',
      'readArticleFile',
    ].sort(),
  );
});
