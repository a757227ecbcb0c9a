import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { detectLanguage, detectParagraphLanguages, toIso1 } from '../../src/language/detect-language.js';
import { paragraphSpans } from '../../src/ingest/normalise-text.js';
import { CORPUS, SEED } from '../helpers.js';

describe('detectLanguage', () => {
  test('the seed article is French, reliably', () => {
    const d = detectLanguage(readFileSync(SEED, 'utf8'));
    expect(d).toMatchObject({ code: 'fra', iso1: 'fr', reliable: true });
    expect(d.confidence).toBeGreaterThan(0.95);
  });

  test.for([
    ['kr-budget-en.txt', 'eng', 'en'],
    ['es-mercosur-trade-es.txt', 'spa', 'es'],
  ] as const)('%s is %s', ([file, code, iso1]) => {
    expect(detectLanguage(readFileSync(join(CORPUS, file), 'utf8'))).toMatchObject({ code, iso1, reliable: true });
  });

  test('very short text is und with a reason and a guess', () => {
    const d = detectLanguage('Samsung, SK, Hyundai.');
    expect(d).toMatchObject({ code: 'und', iso1: null, reliable: false, reason: expect.stringMatching(/too short/) });
    expect(d.confidence).toBeLessThan(0.5);
  });

  test('ambiguous text is und and names the two candidates', () => {
    const d = detectLanguage('O presidente anunciou um orçamento recorde para a defesa nacional do país.');
    expect(d).toMatchObject({ code: 'und', reliable: false, reason: expect.stringMatching(/ambiguous between Portuguese and Galician/), guess: 'por' });
  });

  test('the candidate list can be restricted (--languages)', () => {
    const text = 'O presidente anunciou um orçamento recorde para a defesa nacional do país.';
    expect(detectLanguage(text, { only: ['por', 'fra', 'eng'] })).toMatchObject({ code: 'por', reliable: true });
    expect(detectLanguage(text, { only: ['fra', 'eng'] }).code).not.toBe('por');
  });

  test('confidence grows with evidence', () => {
    const one = detectLanguage('Le président sud-coréen a appelé mardi à tripler les dépenses publiques.');
    const many = detectLanguage(readFileSync(SEED, 'utf8'));
    expect(one.confidence).toBeLessThan(many.confidence);
    expect(one.confidence).toBeGreaterThan(0);
  });

  test('maps macrolanguage members to ISO 639-1', () => {
    expect(toIso1('fra')).toBe('fr');
    expect(toIso1('cmn')).toBe('zh');
    expect(toIso1('arb')).toBe('ar');
  });
});

describe('detectParagraphLanguages', () => {
  test('finds the English quotation inside a French article', () => {
    const text = readFileSync(join(CORPUS, 'kr-chips-exports-fr.txt'), 'utf8').trim();
    const found = detectParagraphLanguages(text, paragraphSpans(text), { code: 'fra' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'eng' });
    expect(text.slice(found[0]!.start, found[0]!.end)).toMatch(/billion/);
  });

  test('finds nothing in an all-French article', () => {
    const text = readFileSync(SEED, 'utf8').trim();
    expect(detectParagraphLanguages(text, paragraphSpans(text), { code: 'fra' })).toEqual([]);
  });
});
