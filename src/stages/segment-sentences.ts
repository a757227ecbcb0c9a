import { InputError } from '../errors.js';
import { segmentSentences } from '../text/segment-sentences.js';
import type { Stage } from './stage.js';

/**
 * Words and signs one document may hold: the work budget of the later stages. Nine megabytes of
 * ordinary French prose come to about 1.6 million; a file of one-letter words would be far more.
 */
export const MAX_TOKENS = 2_000_000;

export function segmentSentencesStage(): Stage {
  return {
    name: 'segment-sentences',
    requires: ['text', 'paragraphs'],
    assigns: ['sentences'],
    run(doc, ctx) {
      const { sentences, tokens } = segmentSentences(ctx.nlp(), doc.text, doc.paragraphs);
      if (tokens.length > MAX_TOKENS) {
        throw new InputError(
          'INPUT_TOO_COMPLEX',
          `The article has ${tokens.length.toLocaleString('en')} words and signs, more than the ${MAX_TOKENS.toLocaleString('en')} one document may hold, so it was not analysed. Split it into articles.`,
        );
      }
      doc.sentences = sentences;
      ctx.scratch.tokens = tokens;
      if (sentences.length === 1) {
        doc.warnings.push({
          code: 'SHORT_ARTICLE',
          stage: 'segment-sentences',
          message: 'The article has a single sentence; its summary is that sentence.',
        });
      }
    },
  };
}
