import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GoldAmount {
  text: string;
  start: number;
  end: number;
  currency: string;
  value: string;
  approx?: boolean;
  per?: string | null;
  range?: 'low' | 'high' | null;
  ambiguous?: boolean;
}

export interface GoldRate {
  text: string;
  start: number;
  end: number;
  base: string;
  quote: string;
  value: string;
}

export interface GoldEntity {
  text: string;
  type: 'PERSON' | 'ORG' | 'LOC';
  optional?: boolean;
  mentions: Array<{ text: string; start: number; end: number }>;
}

export interface GoldArticle {
  /** `fra/15-marche-des-changes-won`. */
  name: string;
  language: string;
  split: 'dev' | 'test';
  origin: string;
  date: string | null;
  text: string;
  amounts: GoldAmount[];
  pairs: Array<{ a: number; b: number; consistent: boolean }>;
  rates: GoldRate[];
  entities: GoldEntity[];
  notMoney: string[];
}

export const GOLD_LANGUAGES = ['fra', 'eng', 'spa', 'deu', 'ita', 'kor'] as const;

/** The hand-annotated articles of one language folder of tests/fixtures/gold (see its README). */
export function readGold(dir: string): GoldArticle[] {
  const language = dir.split(/[\\/]/).filter(Boolean).pop()!;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => {
      const base = f.replace(/\.gold\.json$/, '');
      const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<GoldArticle, 'name' | 'text'>;
      return { ...gold, rates: gold.rates ?? [], language: gold.language ?? language, name: `${language}/${base}`, text: readFileSync(join(dir, `${base}.txt`), 'utf8') };
    });
}

/** Every language folder under `root` that exists. */
export function readAllGold(root: string): GoldArticle[] {
  return GOLD_LANGUAGES.filter((l) => existsSync(join(root, l))).flatMap((l) => readGold(join(root, l)));
}
