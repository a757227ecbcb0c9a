import { describe, expect, test } from 'vitest';
import { definePack } from '../../src/lang/define-pack.js';
import { LANGUAGE_PACKS, languagePack, packLanguages } from '../../src/lang/registry.js';
import { pack as fra } from '../../src/lang/fra/index.js';
import { grammarFor } from '../../src/money/compile-grammar.js';

describe('language packs', () => {
  test('six packs, by ISO 639-3 code', () => {
    expect(packLanguages().sort()).toEqual(['deu', 'eng', 'fra', 'ita', 'kor', 'spa']);
    expect(languagePack('por')).toBeNull();
  });

  test.for([...LANGUAGE_PACKS.keys()])('%s: compiles, and records where its data comes from', (code) => {
    const pack = languagePack(code)!;
    expect(pack.code).toBe(code);
    // Korean has no entity cues yet: the recogniser finds names by their capitals.
    const files = [`src/lang/${code}/cldr.json`, `src/lang/${code}/words.json`, `src/lang/${code}/entities.json`];
    expect(pack.sources.map((s) => s.file)).toEqual(files);
    expect(pack.entities).toBeDefined();
    for (const s of pack.sources) {
      expect(s.source).toMatch(/\S/);
      expect(s.licence).toMatch(/Unicode|MIT/);
    }
    const g = grammarFor(pack);
    expect(g.after.count).toBeGreaterThan(100);
    expect(g.pack.currencies.some((c) => c.code === 'KRW')).toBe(true);
    expect(grammarFor(pack)).toBe(g);
  });

  test('reviewed words override generated ones; excluded generated forms are gone', () => {
    const billion = fra.scales.find((s) => s.form === 'billion')!;
    expect(billion).toMatchObject({ power: 12, alternative: 9 });
    expect(fra.scales.some((s) => s.form === 'Bn')).toBe(false);
  });

  test('case-sensitive forms that differ only in case are kept apart', () => {
    const base = { source: 'test', licence: 'MIT', decimal: ',', group: ' ', scales: [], currencies: [] };
    const words = { ...structuredClone(fra), source: 'test', licence: 'MIT', currencies: [{ form: 'DH', code: 'MAD', caseSensitive: true }, { form: 'Dh', code: 'MAD', caseSensitive: true }] } as unknown as Parameters<typeof definePack>[2];
    expect(definePack('xyz', base, words).currencies.map((c) => c.form).sort()).toEqual(['DH', 'Dh']);
  });

  test('malformed data fails at once, naming the pack and the field', () => {
    const base = { source: 'test', licence: 'MIT', decimal: ',', group: ' ', scales: [], currencies: [] };
    const words = { ...structuredClone(fra), source: 'test', licence: 'MIT', digits: { decimal: ';', group: [] } } as unknown as Parameters<typeof definePack>[2];
    expect(() => definePack('xyz', base, words)).toThrow(/Language pack `xyz`: `digits.decimal`/);
    const badCurrency = { ...structuredClone(fra), source: 'test', licence: 'MIT', currencies: [{ form: 'thalers', code: 'thaler' }] } as unknown as Parameters<typeof definePack>[2];
    expect(() => definePack('xyz', base, badCurrency)).toThrow(/`currencies` gives `thalers` the code `thaler`/);
  });
});

test('every pack folder under src/lang is registered (a language is one folder and its line in registry.ts)', async () => {
  const { readdirSync, existsSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { ROOT } = await import('../helpers.js');
  const dir = join(ROOT, 'src', 'lang');
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'cldr.json')))
    .map((d) => d.name);
  expect(folders.sort()).toEqual(packLanguages().sort());
});
