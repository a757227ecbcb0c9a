import { extractMoney } from '../money/extract-money.js';
import type { Stage } from './stage.js';

export interface ExtractAmountsOptions {
  defaultDollar: string;
  tolerance: number;
}

export function extractAmountsStage(options: ExtractAmountsOptions): Stage {
  return {
    name: 'extract-amounts',
    requires: ['text', 'matchText', 'language'],
    assigns: ['amounts', 'pairs'],
    run(doc, ctx) {
      const englishSpans = (doc.language?.paragraphs ?? []).filter((p) => p.code === 'eng');
      const { amounts, pairs } = extractMoney(doc.text, doc.matchText, {
        language: ctx.scratch.workingLanguage,
        englishSpans,
        defaultDollar: options.defaultDollar,
        tolerance: options.tolerance,
      });
      doc.amounts = amounts;
      doc.pairs = pairs;
      for (const pair of pairs) {
        if (pair.consistent) continue;
        doc.warnings.push({
          code: 'INCONSISTENT_PAIR',
          stage: 'extract-amounts',
          message: `${pair.english} implies ${pair.rate} ${pair.quote}/${pair.base}, ${pair.deviation > 0 ? '+' : ''}${pair.deviation} % from the article's other pairs (${pair.consensus}); one of the two figures may be wrong.`,
          start: amounts[pair.a]!.start,
          end: amounts[pair.b]!.end,
        });
      }
    },
  };
}
