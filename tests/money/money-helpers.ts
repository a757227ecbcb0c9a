import { foldForMatching } from '../../src/ingest/normalise-text.js';
import { extractMoney } from '../../src/money/extract-money.js';

/** Money of a text whose sentences end at ".", "!" or "?", as the pipeline's splitter would give them. */
export function moneyBySentence(text: string, language = 'fra') {
  let offset = 0;
  const sentences = text.split(/(?<=[.!?])\s+/).map((s) => {
    const start = text.indexOf(s, offset);
    offset = start + s.length;
    return { start, end: start + s.length };
  });
  return extractMoney(text, foldForMatching(text), { language, sentences });
}
