import { describe, expect, test } from 'vitest';
import { createPipeline } from '../../src/index.js';
import { checkFigures, protectSentence, restoreSentence } from '../../src/summarise/protect-figures.js';

const TEXT =
  "M. Lee a affirmé que le budget proposé de 728 000 milliards de wons (506 milliards $ US) serait un record. Le président Lee Jae Myung l'a répété mardi.";

describe('placeholders for figures and names', async () => {
  const record = await createPipeline({ summarise: false, includeText: true, sentences: 2 }).process(TEXT);
  const doc = { text: record.text!, amounts: record.amounts, pairs: record.pairs, entities: record.entities };
  const first = record.keySentences[0]!;

  test('a pair and a titled person become markers', () => {
    const p = protectSentence(doc.text, first, doc.amounts, doc.pairs, doc.entities);
    expect(p.text).toBe('[1] a affirmé que le budget proposé de [2] serait un record.');
    expect(p.slots.map((s) => s.english)).toEqual(['Lee Jae Myung', '₩728 trillion (US$506 billion)']);
  });

  test('markers copied through are replaced by the English renderings', () => {
    const p = protectSentence(doc.text, first, doc.amounts, doc.pairs, doc.entities);
    const restored = restoreSentence('[1] said the proposed budget of [ 2 ] would be a record.', p);
    expect(restored).toEqual({ text: 'Lee Jae Myung said the proposed budget of ₩728 trillion (US$506 billion) would be a record.', missing: [] });
  });

  test('a dropped marker is reported, not hidden', () => {
    const p = protectSentence(doc.text, first, doc.amounts, doc.pairs, doc.entities);
    const restored = restoreSentence('[1] said the budget would be a record.', p);
    expect(restored.missing.map((s) => s.english)).toEqual(['₩728 trillion (US$506 billion)']);
  });
});

describe('checkFigures', () => {
  const expected = [
    { currency: 'KRW', value: 728e12, english: '₩728 trillion' },
    { currency: 'USD', value: 506e9, english: 'US$506 billion' },
  ];

  test('accepts the same values however they are written', () => {
    expect(checkFigures('a budget of ₩728 trillion ($506 billion)', expected)).toEqual({ missing: [], unexpected: [] });
    expect(checkFigures('728 trillion won, or US$506 billion', expected)).toEqual({ missing: [], unexpected: [] });
  });

  test('catches a garbled figure and a dropped one', () => {
    // "728 billion" for "728 000 milliards" is off by a factor of a thousand.
    const check = checkFigures('a budget of 728 billion won', expected);
    expect(check.unexpected).toEqual(['728 billion won']);
    expect(check.missing.map((m) => m.english)).toEqual(['₩728 trillion', 'US$506 billion']);
  });
});

describe('exchange-rate figures', () => {
  test('are protected like amounts, and their English is what the translation must state', async () => {
    const text = 'Un dollar valait 1 431,30 wons à la clôture, selon la Banque de Corée.';
    const record = await createPipeline({ summarise: false, includeText: true }).process(text);
    expect(record.rates.map((r) => r.english)).toEqual(['₩1,431.3']);
    const p = protectSentence(record.text!, record.keySentences[0]!, record.amounts, record.pairs, record.entities, record.rates);
    expect(p.text).toBe('Un dollar valait [1] à la clôture, selon la Banque de Corée.');
    const restored = restoreSentence('One dollar was worth [1] at the close.', p);
    expect(restored.text).toBe('One dollar was worth ₩1,431.3 at the close.');
    expect(checkFigures(restored.text, p.slots.flatMap((s) => s.values.map((v) => ({ ...v, english: s.english }))))).toEqual({ missing: [], unexpected: [] });
  });
});
