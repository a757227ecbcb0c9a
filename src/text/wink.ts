import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type Nlp = WinkMethods;

let shared: Nlp | undefined;

/**
 * wink-nlp with only the sentence-boundary step: its English part-of-speech and entity steps
 * mislead more than they help on French, and skipping them makes reading about 3× faster.
 *
 * One instance per process, shared by every pipeline: the model's loader re-serialises its
 * entity tables into a module-level variable on every `winkNLP()` call, so each new instance
 * doubles a string until one fails with "Invalid string length" (after some twenty pipelines).
 * Sentence splitting keeps no state between documents, so sharing is safe.
 */
export function createNlp(): Nlp {
  shared ??= winkNLP(model, ['sbd']);
  return shared;
}
