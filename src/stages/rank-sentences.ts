import { toIso1 } from '../language/detect-language.js';
import { rankSentences } from '../text/rank-sentences.js';
import type { Stage } from './stage.js';

export function rankSentencesStage(options: { count: number }): Stage {
  return {
    name: 'rank-sentences',
    requires: ['sentences', 'language'],
    assigns: ['keySentences'],
    run(doc, ctx) {
      const language = ctx.scratch.workingLanguage ? toIso1(ctx.scratch.workingLanguage) : null;
      doc.keySentences = rankSentences(doc.text, doc.sentences, ctx.scratch.tokens ?? [], {
        count: options.count,
        language,
      });
    },
  };
}
