import { join } from 'node:path';
import { TINY, TINY_BERT, writeBartModel, writeBertNerModel, writeMarianModel } from '../scripts/tiny-models/write-models.js';
import { FIXTURES } from './helpers.js';

/**
 * Writes the tiny random-weight models the summarisation tests load (about 100 ms), so the
 * repository carries no binary model files and every run tests freshly generated ones.
 */
export default function setup(): void {
  const dir = join(FIXTURES, 'models');
  for (const [source, seed] of [['fr', 1], ['es', 3], ['de', 4], ['it', 5], ['ko', 6]] as const) {
    writeMarianModel(join(dir, 'Xenova', `opus-mt-${source}-en`), TINY, seed, [source, 'en']);
  }
  writeBartModel(join(dir, 'Xenova', 'distilbart-cnn-6-6'), TINY);
  writeBertNerModel(join(dir, 'Xenova', 'bert-base-multilingual-cased-ner-hrl'), TINY_BERT);
}
