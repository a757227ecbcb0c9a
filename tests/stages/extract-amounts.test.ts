import { describe, expect, test } from 'vitest';
import { createPipeline } from '../../src/index.js';

describe('each amount and rate quote carries the sentence it was read in', () => {
  test('the sentence of the figure, not of its neighbours', async () => {
    const pipeline = createPipeline({ threads: 0, summarise: false });
    try {
      const text = [
        'Le conseil municipal a voté lundi un budget de 3,2 milliards d’euros pour 2027.',
        'Le dollar valait 1 412,50 wons à la clôture, selon la banque centrale.',
        'Une enveloppe de 45 millions d’euros ira aux écoles.',
      ].join(' ');
      const record = await pipeline.extract({ id: 'budget', text });
      expect(record.amounts.map((a) => [a.text, a.sentence])).toEqual([
        ['3,2 milliards d’euros', 'Le conseil municipal a voté lundi un budget de 3,2 milliards d’euros pour 2027.'],
        ['45 millions d’euros', 'Une enveloppe de 45 millions d’euros ira aux écoles.'],
      ]);
      expect(record.rates.map((r) => r.sentence)).toEqual(['Le dollar valait 1 412,50 wons à la clôture, selon la banque centrale.']);
    } finally {
      await pipeline.close();
    }
  });

  test('a run-on "sentence" (a table flattened to one line) is cut to 400 characters around the figure', async () => {
    const pipeline = createPipeline({ threads: 0, summarise: false });
    try {
      const filler = 'ligne de tableau sans ponctuation '.repeat(40);
      const record = await pipeline.extract({ id: 'table', text: `Le rapport détaille ${filler} un crédit de 12 millions d’euros ${filler} et la suite.` });
      const amount = record.amounts.find((a) => a.text === '12 millions d’euros')!;
      expect(amount.sentence!.length).toBeLessThanOrEqual(402);
      expect(amount.sentence).toContain('12 millions d’euros');
      expect(amount.sentence!.startsWith('…')).toBe(true);
    } finally {
      await pipeline.close();
    }
  });
});
