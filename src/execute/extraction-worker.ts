import Tinypool from 'tinypool';
import type { ReferenceTable } from '../money/reference-rates.js';
import { createExtractor, type ExtractionResult, type ExtractionTask } from './extraction.js';

/** What every worker of a pipeline's pool is started with. */
export interface ExtractionWorkerData {
  referenceRates: ReferenceTable | null;
}

const data = Tinypool.workerData as ExtractionWorkerData | undefined;
const extract = createExtractor(data?.referenceRates ?? null);

// What the first article would otherwise load inside its deadline (the NLP model, the packs, the
// gazetteers) is loaded before the thread tells the pool it is ready.
extract({
  article: 'Le gouvernement a annoncé 3 milliards de wons à Séoul. The government agreed.',
  shape: { languages: undefined, translationLanguages: [], defaultDollar: 'USD', tolerance: 5, date: null, sentences: 1 },
});

/** One article's extraction in a worker thread; the pool terminates the thread at its deadline. */
export default function extractionWorker(task: ExtractionTask | { warmUp: true }): ExtractionResult | null {
  // The executor's warm-up only waits for every thread to be ready.
  if ('warmUp' in task) return null;
  return extract(task);
}
