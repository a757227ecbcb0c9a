import { segmentSentences } from '../text/segment-sentences.js';
import type { Stage } from './stage.js';

export function segmentSentencesStage(): Stage {
  return {
    name: 'segment-sentences',
    requires: ['text', 'paragraphs'],
    assigns: ['sentences'],
    run(doc, ctx) {
      const { sentences, tokens } = segmentSentences(ctx.nlp(), doc.text, doc.paragraphs);
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
