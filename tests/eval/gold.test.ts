import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GOLD_LANGUAGES, readGold, type GoldArticle } from '../../scripts/lib/gold.js';
import { addCounts, ENTITY_TYPES, prf, scoreAmounts, scoreEntities, scorePairs, scoreRates, ZERO, type Counts } from '../../scripts/lib/score.js';
import { createPipeline, type Pipeline, type PrecisRecord } from '../../src/index.js';
import { FIXTURES } from '../helpers.js';

// Regression bars on the dev half of each gold set. The test half is scored by `npm run eval`
// only: a test here on it would invite tuning to it.
const BARS: Record<string, { amounts: number; pairsFound: number; flags: number }> = {
  fra: { amounts: 0.97, pairsFound: 0.95, flags: 0.95 },
  eng: { amounts: 0.95, pairsFound: 0.9, flags: 0.9 },
  spa: { amounts: 0.95, pairsFound: 0.85, flags: 0.85 },
  deu: { amounts: 0.95, pairsFound: 0.9, flags: 0.9 },
  ita: { amounts: 0.95, pairsFound: 0.9, flags: 0.9 },
  kor: { amounts: 0.95, pairsFound: 0.9, flags: 0.9 },
};

let pipeline: Pipeline;
beforeAll(() => {
  pipeline = createPipeline();
});
afterAll(async () => {
  await pipeline.close();
});

describe.each(GOLD_LANGUAGES.map((l) => [l]))('gold set %s (dev half)', (language) => {
  let articles: GoldArticle[];
  let records: PrecisRecord[];
  beforeAll(async () => {
    articles = readGold(join(FIXTURES, 'gold', language)).filter((a) => a.split === 'dev');
    records = await Promise.all(articles.map((a) => pipeline.extract({ id: a.name, text: a.text, date: a.date })));
  });

  test('is read without error, in the right language', () => {
    expect(articles.length).toBeGreaterThanOrEqual(3);
    for (const r of records) {
      expect(r.error).toBeUndefined();
      expect(r.language?.code).toBe(language);
    }
  });

  test('amounts: F1 on exact span, currency and value', () => {
    let total: Counts = { ...ZERO };
    const misses: string[] = [];
    articles.forEach((a, i) => {
      const s = scoreAmounts(a.amounts, records[i]!.amounts);
      total = addCounts(total, s);
      misses.push(...s.misses.map((m) => `${a.name}: missed ${m}`), ...s.extras.map((m) => `${a.name}: extra ${m}`));
    });
    expect(prf(total).f1, misses.join('\n')).toBeGreaterThanOrEqual(BARS[language]!.amounts);
  });

  test('pairs found and their consistency flags', () => {
    let found = 0;
    let flags = 0;
    let gold = 0;
    articles.forEach((a, i) => {
      const s = scorePairs(a, records[i]!);
      found += s.tp;
      flags += s.flagsRight;
      gold += a.pairs.length;
    });
    expect(found / Math.max(1, gold)).toBeGreaterThanOrEqual(BARS[language]!.pairsFound);
    expect(flags / Math.max(1, gold)).toBeGreaterThanOrEqual(BARS[language]!.flags);
  });

  // The dev halves hold the hard cases found so far; a few still defeat the rules (a level with
  // no word of the rate near it: "avait bâti son plan sur 1 350 wons"). The bar: at most 1 % of
  // the rate quotes read as money, and of the traps.
  test('rate quotes are not reported as amounts, nor traps as money (≤ 1 %)', () => {
    let quotes = 0;
    let asAmounts = 0;
    let traps = 0;
    let trapped = 0;
    const missed: string[] = [];
    articles.forEach((a, i) => {
      quotes += a.rates.length;
      const r = scoreRates(a, records[i]!).asAmounts;
      asAmounts += r;
      if (r) missed.push(`${a.name}: ${r} quote(s)`);
      for (const trap of a.notMoney) {
        traps++;
        if (records[i]!.amounts.some((m) => m.text === trap)) {
          trapped++;
          missed.push(`${a.name}: ${trap}`);
        }
      }
    });
    expect(asAmounts / Math.max(1, quotes), missed.join('; ')).toBeLessThanOrEqual(0.01);
    expect(trapped / Math.max(1, traps), missed.join('; ')).toBeLessThanOrEqual(0.01);
  });
});

test('French entities (dev half): macro F1 ≥ 0.90 over PERSON, ORG, LOC mentions', async () => {
  const articles = readGold(join(FIXTURES, 'gold', 'fra')).filter((a) => a.split === 'dev');
  const records = await Promise.all(articles.map((a) => pipeline.extract({ id: a.name, text: a.text })));
  const totals: Record<string, Counts> = { PERSON: { ...ZERO }, ORG: { ...ZERO }, LOC: { ...ZERO } };
  articles.forEach((a, i) => {
    const s = scoreEntities(a, records[i]!);
    for (const t of ENTITY_TYPES) totals[t] = addCounts(totals[t]!, s[t]);
  });
  const f1s = ENTITY_TYPES.map((t) => prf(totals[t]!).f1);
  expect(f1s.reduce((x, y) => x + y, 0) / f1s.length).toBeGreaterThanOrEqual(0.9);
});
