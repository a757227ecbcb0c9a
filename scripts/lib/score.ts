import type { PrecisRecord } from '../../src/index.js';
import type { GoldArticle } from './gold.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export const ZERO: Counts = { tp: 0, fp: 0, fn: 0 };

/** Equal as numbers written as plain decimals ("6900000000" vs "6.9e9" never occurs: both plain). */
export function sameValue(a: string, b: string): boolean {
  const norm = (s: string) => {
    const [i, f = ''] = s.split('.');
    const fraction = f.replace(/0+$/, '');
    return `${(i ?? '0').replace(/^0+(?=\d)/, '')}${fraction ? '.' + fraction : ''}`;
  };
  return norm(a) === norm(b);
}

export interface PredictedAmount {
  start: number;
  end: number;
  currency: string;
  exact: string;
}

/** Exact span, currency and value. */
export function scoreAmounts(gold: GoldArticle['amounts'], predicted: readonly PredictedAmount[]): Counts & { misses: string[]; extras: string[] } {
  const matched = new Set<number>();
  const misses: string[] = [];
  let tp = 0;
  for (const g of gold) {
    const i = predicted.findIndex((p, k) => !matched.has(k) && p.start === g.start && p.end === g.end && p.currency === g.currency && sameValue(p.exact, g.value));
    if (i === -1) misses.push(`${g.text} [${g.currency} ${g.value}]`);
    else {
      matched.add(i);
      tp++;
    }
  }
  const extras = predicted.filter((_, k) => !matched.has(k)).map((p) => `${p.start}-${p.end} [${p.currency} ${p.exact}]`);
  return { tp, fp: predicted.length - tp, fn: gold.length - tp, misses, extras };
}

/**
 * A pair is found when both of its amounts' spans match. Its consistency flag is right when it
 * equals the gold flag; a gold pair that was not found counts as a wrong flag (the flag a user
 * sees for it is missing), so `flagsRight / gold pairs` is the share of flags a reader can trust.
 */
export function scorePairs(article: GoldArticle, record: PrecisRecord): Counts & { flagErrors: number; flagsRight: number; misses: string[]; extras: string[] } {
  const key = (s: { start: number; end: number }) => `${s.start}:${s.end}`;
  const gold = new Map(article.pairs.map((p) => [`${key(article.amounts[p.a]!)}|${key(article.amounts[p.b]!)}`, p]));
  let tp = 0;
  let flagErrors = 0;
  const found = new Set<string>();
  const extras: string[] = [];
  for (const p of record.pairs) {
    const k = `${key(record.amounts[p.a]!)}|${key(record.amounts[p.b]!)}`;
    const g = gold.get(k);
    if (g) {
      tp++;
      found.add(k);
      if (g.consistent !== p.consistent) flagErrors++;
    } else extras.push(p.english);
  }
  const misses = [...gold.entries()].filter(([k]) => !found.has(k)).map(([, p]) => `${article.amounts[p.a]!.text} ~ ${article.amounts[p.b]!.text}`);
  return { tp, fp: record.pairs.length - tp, fn: gold.size - tp, flagErrors, flagsRight: tp - flagErrors, misses, extras };
}

/** A rate quote is found when its span overlaps the gold span and base, quote and value agree. */
export function scoreRates(article: GoldArticle, record: PrecisRecord): Counts & { asAmounts: number; misses: string[]; extras: string[] } {
  const used = new Set<number>();
  let tp = 0;
  const misses: string[] = [];
  for (const g of article.rates) {
    const i = record.rates.findIndex(
      (r, k) => !used.has(k) && r.start < g.end && g.start < r.end && r.base === g.base && r.quote === g.quote && Math.abs(r.value - Number(g.value)) <= 5e-4 * Number(g.value),
    );
    if (i === -1) misses.push(`${g.text} [${g.base}/${g.quote} ${g.value}]`);
    else {
      used.add(i);
      tp++;
    }
  }
  // A rate quote reported as money is the worst error of this kind: count it apart.
  const readAsAmounts = article.rates.filter((g) => record.amounts.some((a) => a.start < g.end && g.start < a.end));
  const asAmounts = readAsAmounts.length;
  for (const g of readAsAmounts) misses.push(`${g.text} [${g.base}/${g.quote} ${g.value}] READ AS MONEY`);
  const extras = record.rates.filter((_, k) => !used.has(k)).map((r) => `${r.text} [${r.base}/${r.quote} ${r.exact}]`);
  return { tp, fp: record.rates.length - tp, fn: article.rates.length - tp, asAmounts, misses, extras };
}

export type EntityType = 'PERSON' | 'ORG' | 'LOC';
export const ENTITY_TYPES: EntityType[] = ['PERSON', 'ORG', 'LOC'];

/**
 * Mention level: a predicted mention counts when its span and type equal a gold mention's.
 * Mentions overlapping an optional gold entity are neither rewarded nor penalised.
 */
export function scoreEntities(article: GoldArticle, record: PrecisRecord): Record<EntityType, Counts> & { misses: string[]; extras: string[] } {
  const out = { PERSON: { ...ZERO }, ORG: { ...ZERO }, LOC: { ...ZERO }, misses: [] as string[], extras: [] as string[] };
  const optional = article.entities.filter((e) => e.optional).flatMap((e) => e.mentions);
  const gold = article.entities.filter((e) => !e.optional).flatMap((e) => e.mentions.map((m) => ({ ...m, type: e.type })));
  const predicted = record.entities
    .filter((e): e is typeof e & { type: EntityType } => (ENTITY_TYPES as string[]).includes(e.type))
    .flatMap((e) => e.mentions.map((m) => ({ ...m, type: e.type })));
  const hit = new Set<number>();
  for (const p of predicted) {
    const i = gold.findIndex((g, k) => !hit.has(k) && g.start === p.start && g.end === p.end && g.type === p.type);
    if (i !== -1) {
      hit.add(i);
      out[p.type].tp++;
    } else if (optional.some((o) => p.start < o.end && p.end > o.start)) {
      continue;
    } else {
      out[p.type].fp++;
      out.extras.push(`${p.type} ${p.text}`);
    }
  }
  gold.forEach((g, k) => {
    if (!hit.has(k)) {
      out[g.type].fn++;
      out.misses.push(`${g.type} ${g.text}`);
    }
  });
  return out;
}
