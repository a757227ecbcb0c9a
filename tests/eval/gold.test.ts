import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readGold, type GoldArticle } from '../../scripts/lib/gold.js';
import { addCounts, ENTITY_TYPES, prf, scoreAmounts, scoreEntities, scorePairs, ZERO, type Counts } from '../../scripts/lib/score.js';
import { createPipeline, type PrecisRecord } from '../../src/index.js';
import { FIXTURES } from '../helpers.js';

// The acceptance bars of the extraction stage, on the project's own hand-annotated articles.
describe('gold set', () => {
  let articles: GoldArticle[];
  let records: PrecisRecord[];
  beforeAll(async () => {
    articles = readGold(join(FIXTURES, 'gold', 'fra'));
    const pipeline = createPipeline();
    records = await Promise.all(articles.map((a) => pipeline.process({ id: a.name, text: a.text })));
  });

  test('holds at least 12 French articles besides the seed', () => {
    expect(articles.filter((a) => !a.name.startsWith('00-')).length).toBeGreaterThanOrEqual(12);
    for (const r of records) expect(r.error).toBeUndefined();
  });

  test('amounts: F1 ≥ 0.98 on exact span, currency and value', () => {
    let total: Counts = { ...ZERO };
    const misses: string[] = [];
    articles.forEach((a, i) => {
      const s = scoreAmounts(a.amounts, records[i]!.amounts);
      total = addCounts(total, s);
      misses.push(...s.misses.map((m) => `${a.name}: missed ${m}`), ...s.extras.map((m) => `${a.name}: extra ${m}`));
    });
    expect(prf(total).f1, misses.join('\n')).toBeGreaterThanOrEqual(0.98);
  });

  test('pairs: every pair found, none invented, every consistency flag right', () => {
    let total: Counts = { ...ZERO };
    let flagErrors = 0;
    articles.forEach((a, i) => {
      const s = scorePairs(a, records[i]!);
      total = addCounts(total, s);
      flagErrors += s.flagErrors;
    });
    expect(total).toMatchObject({ fp: 0, fn: 0 });
    expect(flagErrors).toBe(0);
  });

  test('entities: macro F1 ≥ 0.90 over PERSON, ORG, LOC mentions', () => {
    const totals: Record<string, Counts> = { PERSON: { ...ZERO }, ORG: { ...ZERO }, LOC: { ...ZERO } };
    articles.forEach((a, i) => {
      const s = scoreEntities(a, records[i]!);
      for (const t of ENTITY_TYPES) totals[t] = addCounts(totals[t]!, s[t]);
    });
    const f1s = ENTITY_TYPES.map((t) => prf(totals[t]!).f1);
    const macro = f1s.reduce((x, y) => x + y, 0) / f1s.length;
    expect(macro, ENTITY_TYPES.map((t, i) => `${t} ${f1s[i]!.toFixed(3)}`).join(', ')).toBeGreaterThanOrEqual(0.9);
  });

  test('no trap is extracted as money', () => {
    articles.forEach((a, i) => {
      for (const trap of a.notMoney) {
        const extracted = records[i]!.amounts.filter((m) => m.text === trap);
        expect(extracted, `${a.name}: ${trap}`).toEqual([]);
      }
    });
  });
});
