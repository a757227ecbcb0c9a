// Writes the tiny random-weight models the tests and the offline demo use, with the file layout,
// config keys and tokenizer formats of the real ones, into tests/fixtures/models/ (or --dir).
// --full writes opus-mt-fr-en at its real dimensions instead (for benchmarks; ~300 MB).
// Usage: npm run fixtures [-- --dir DIR] [-- --full]
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { OPUS_MT_FULL, TINY, TINY_BERT, writeBartModel, writeBertNerModel, writeMarianModel } from './tiny-models/write-models.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { dir: { type: 'string' }, full: { type: 'boolean', default: false } } });
const dir = values.dir ?? join(root, values.full ? '.bench/models' : 'tests/fixtures/models');
const started = performance.now();
if (values.full) {
  writeMarianModel(join(dir, 'Xenova', 'opus-mt-fr-en'), OPUS_MT_FULL, 1);
} else {
  for (const [source, seed] of [['fr', 1], ['es', 3], ['de', 4], ['it', 5], ['ko', 6]] as const) {
    writeMarianModel(join(dir, 'Xenova', `opus-mt-${source}-en`), TINY, seed, [source, 'en']);
  }
  writeBartModel(join(dir, 'Xenova', 'distilbart-cnn-6-6'), TINY);
  writeBertNerModel(join(dir, 'Xenova', 'bert-base-multilingual-cased-ner-hrl'), TINY_BERT);
}
console.log(`models written to ${dir} in ${Math.round(performance.now() - started)} ms`);
