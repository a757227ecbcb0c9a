import type { Entity, Mention } from './entity-types.js';

const NUMBER = String.raw`\d{1,3}(?:[  ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
const PERCENT = new RegExp(String.raw`(?<![\p{L}\d])(?:${NUMBER})\s?(?:%|pour\s?cent|pourcent|percent|per cent)(?![\p{L}])`, 'gu');
const MONTHS_FR = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';
const MONTHS_EN = 'January|February|March|April|May|June|July|August|September|October|November|December';
const DAYS_FR = 'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche';
const DAYS_EN = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const YEAR = String.raw`(?:1[89]|20)\d\d`;
const DATE = new RegExp(
  [
    // le 3 novembre 2025, 1er mars, 3 novembre
    String.raw`(?:(?:${DAYS_FR})\s)?(?:1er|\d{1,2})\s(?:${MONTHS_FR})(?:\s${YEAR})?`,
    // November 3, 2025 / 3 November 2025
    String.raw`(?:${MONTHS_EN})\s\d{1,2}(?:,\s${YEAR})?`,
    String.raw`\d{1,2}\s(?:${MONTHS_EN})(?:\s${YEAR})?`,
    // novembre 2025, en décembre
    String.raw`(?:${MONTHS_FR}|${MONTHS_EN})(?:\s${YEAR})?`,
    String.raw`(?:${DAYS_FR}|${DAYS_EN})`,
    // fiscal years and spans: 2026-2027, de 1998 à 2003 (each year), en 2024
    String.raw`${YEAR}[-–]${YEAR}`,
    String.raw`(?<=(?<![\p{L}])(?:en|depuis|de|à|et|d'ici|avant|après|in|since|by|from|to|until|and)\s)${YEAR}`,
    String.raw`(?<=(?<![\p{L}])(?:les années|the)\s)${YEAR}s?`,
  ]
    .map((alternative) => `(?<![\\p{L}\\d])(?:${alternative})(?![\\p{L}\\d])`)
    .join('|'),
  'giu',
);

/**
 * Percentages and dates as entities (PERCENT, DATE), beside the MONEY spans the amounts give:
 * the spans a reader scans a brief for. Excluded spans (money) are skipped.
 */
export function findQuantities(text: string, exclude: ReadonlyArray<{ start: number; end: number }>): Entity[] {
  const byText = new Map<string, Entity>();
  const add = (type: 'PERCENT' | 'DATE', m: RegExpMatchArray) => {
    const start = m.index!;
    const end = start + m[0].length;
    if (exclude.some((x) => start < x.end && end > x.start)) return;
    const mention: Mention = { start, end, text: m[0] };
    const key = `${type}:${m[0].toLowerCase().replace(/\s+/g, ' ')}`;
    const entity = byText.get(key);
    if (entity) entity.mentions.push(mention);
    else byText.set(key, { text: m[0].replace(/\s+/g, ' '), type, mentions: [mention] });
  };
  for (const m of text.matchAll(PERCENT)) add('PERCENT', m);
  for (const m of text.matchAll(DATE)) add('DATE', m);
  return [...byText.values()].sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}
