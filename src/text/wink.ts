import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type Nlp = WinkMethods;

/**
 * wink-nlp with only the sentence-boundary step: its English part-of-speech and entity steps
 * mislead more than they help on French, and skipping them makes reading about 3× faster.
 */
export function createNlp(): Nlp {
  return winkNLP(model, ['sbd']);
}
