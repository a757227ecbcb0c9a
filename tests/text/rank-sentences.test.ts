import { describe, expect, test } from 'vitest';
import { paragraphSpans } from '../../src/ingest/normalise-text.js';
import { rankSentences } from '../../src/text/rank-sentences.js';
import { segmentSentences } from '../../src/text/segment-sentences.js';
import { createNlp } from '../../src/text/wink.js';

const nlp = createNlp();

function rank(text: string, count: number) {
  const { sentences, tokens } = segmentSentences(nlp, text, paragraphSpans(text));
  return rankSentences(text, sentences, tokens, { count, language: 'fr' });
}

const ARTICLE = [
  'Le gouvernement sud-coréen a présenté mardi un budget record consacré à l\'intelligence artificielle et à la défense.',
  'Le budget de la défense augmente de 8,2 % pour moderniser les systèmes d\'armement du pays.',
  'Il fait beau à Séoul.',
  'Les dépenses consacrées à l\'intelligence artificielle triplent dans ce budget record du gouvernement.',
  'Les dépenses consacrées à l\'intelligence artificielle triplent dans ce budget record du gouvernement sud-coréen.',
  'Le ministre des Finances a défendu le budget devant les députés, qui doivent le voter en décembre.',
  'La plupart des députés de l\'opposition ont boycotté la séance consacrée au budget.',
].join('\n');

describe('rankSentences', () => {
  test('returns N sentences in document order with offsets', () => {
    const picked = rank(ARTICLE, 3);
    expect(picked).toHaveLength(3);
    expect(picked.map((s) => s.index)).toEqual([...picked.map((s) => s.index)].sort((a, b) => a - b));
    for (const s of picked) expect(ARTICLE.slice(s.start, s.end)).toBe(s.text);
  });

  test('keeps the lede (lead bias)', () => {
    expect(rank(ARTICLE, 2)[0]!.index).toBe(0);
  });

  test('does not keep two near-identical sentences (redundancy control)', () => {
    const picked = rank(ARTICLE, 4).map((s) => s.index);
    expect(picked.includes(3) && picked.includes(4)).toBe(false);
  });

  test('drops off-topic filler', () => {
    expect(rank(ARTICLE, 4).map((s) => s.index)).not.toContain(2);
  });

  test('returns every sentence when asked for more than there are', () => {
    expect(rank('Une seule phrase ici, assez longue pour compter.', 4)).toHaveLength(1);
  });
});

describe('long documents', () => {
  test('past the pairwise limit, sentences are ranked linearly and the record says so', async () => {
    const { createPipeline } = await import('../../src/index.js');
    const pipeline = createPipeline({ summarise: false });
    let text = '';
    for (let i = 0; i < 600; i++) text += `La phrase ${i} parle du budget de la Corée et des exportations de puces. `;
    const record = await pipeline.extract({ id: 'long', text });
    expect(record.keySentences).toHaveLength(4);
    expect(record.warnings.map((w) => w.code)).toContain('RANKING_SIMPLIFIED');
    await pipeline.close();
  });
});
