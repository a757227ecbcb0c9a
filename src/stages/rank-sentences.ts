import { toIso1 } from '../language/detect-language.js';
import { MAX_TEXTRANK, rankSentences } from '../text/rank-sentences.js';
import type { Stage } from './stage.js';

export function rankSentencesStage(options: { count: number }): Stage {
  return {
    name: 'rank-sentences',
    requires: ['sentences', 'language'],
    assigns: ['keySentences'],
    run(doc, ctx) {
      const language = ctx.scratch.workingLanguage ? toIso1(ctx.scratch.workingLanguage) : null;
      // The headline is already the record's title; key sentences come from the body.
      const first = doc.paragraphs[0];
      const headline =
        doc.title !== null && first && doc.paragraphs.length > 1 && doc.text.slice(first.start, first.end) === doc.title
          ? new Set(doc.sentences.filter((s) => s.paragraph === 0).map((s) => s.index))
          : undefined;
      if (doc.sentences.length > MAX_TEXTRANK) {
        doc.warnings.push({
          code: 'RANKING_SIMPLIFIED',
          stage: 'rank-sentences',
          message: `The article has ${doc.sentences.length} sentences, more than the ${MAX_TEXTRANK} compared pairwise; its key sentences were ranked by their closeness to the whole text only. Split very long documents into articles for finer ranking.`,
        });
      }
      doc.keySentences = rankSentences(doc.text, doc.sentences, ctx.scratch.tokens ?? [], {
        count: options.count,
        language,
        exclude: headline,
      });
    },
  };
}
