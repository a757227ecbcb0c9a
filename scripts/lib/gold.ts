import { readFileSync, readdirSync } from 'node:fs';
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

export interface GoldEntity {
  text: string;
  type: 'PERSON' | 'ORG' | 'LOC';
  optional?: boolean;
  mentions: Array<{ text: string; start: number; end: number }>;
}

export interface GoldArticle {
  name: string;
  text: string;
  amounts: GoldAmount[];
  pairs: Array<{ a: number; b: number; consistent: boolean }>;
  entities: GoldEntity[];
  notMoney: string[];
}

/** The hand-annotated articles of tests/fixtures/gold (see its README for the conventions). */
export function readGold(dir: string): GoldArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.gold\.json$/, '');
      const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<GoldArticle, 'name' | 'text'>;
      return { name, text: readFileSync(join(dir, `${name}.txt`), 'utf8'), ...gold };
    });
}
