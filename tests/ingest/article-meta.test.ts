import { describe, expect, test } from 'vitest';
import { createPipeline } from '../../src/index.js';
import { META_MAX_CHARS, metaText, namesOf, normaliseMeta, normalisePublished } from '../../src/ingest/article-meta.js';

describe('normalisePublished', () => {
  test.for([
    ['2025-03-14', '2025-03-14'],
    [' 2025-03-14T09:30:00+0100 ', '2025-03-14T09:30:00+01:00'],
    ['2025-03-14 09:30', '2025-03-14T09:30'],
    ['2025-03-14T09:30:00.123Z', '2025-03-14T09:30:00.123Z'],
    ['2025-03-14T23:30:00-05', '2025-03-14T23:30:00-05:00'],
    ['2025/3/4', '2025-03-04'],
    ['Fri, 14 Mar 2025 09:30:00 +0100', '2025-03-14T09:30:00+01:00'],
    ['Fri, 14 Mar 2025 09:30:00 GMT', '2025-03-14T09:30:00Z'],
    ['2025-02-30', null],
    ['2025-03-14T25:00', null],
    ['1741944600', null],
    ['yesterday-ish', null],
    ['', null],
  ] as const)('%j → %j', ([given, expected]) => {
    expect(normalisePublished(given)).toBe(expected);
  });
});

describe('normaliseMeta', () => {
  test('trims, collapses spaces, turns empty strings and non-strings to null, caps length', () => {
    const long = 'x'.repeat(META_MAX_CHARS + 50);
    expect(normaliseMeta({ author: '  Jeanne \n Martin ', outlet: '   ', section: 42, url: 'ftp://a.example/x', published: '2025-03-14' })).toEqual({
      published: '2025-03-14',
      author: 'Jeanne Martin',
      outlet: null,
      url: null,
      section: null,
    });
    expect(metaText(long)).toHaveLength(META_MAX_CHARS);
    expect(normaliseMeta(undefined)).toEqual({ published: null, author: null, outlet: null, url: null, section: null });
  });

  test('names from strings, objects and arrays, without duplicates or addresses', () => {
    expect(namesOf([{ name: 'A. Kim' }, 'B. Lee', 'A. Kim', 'https://x.example/a'])).toBe('A. Kim, B. Lee');
    expect(namesOf({ '@id': '#p' }, (id) => (id === '#p' ? { name: 'C. Park' } : undefined))).toBe('C. Park');
    expect(namesOf(7)).toBeNull();
  });
});

describe('ArticleInput.meta in the library', () => {
  const text = "Le conseil municipal a voté hier un budget de 12 millions d'euros pour rénover les écoles de la ville d'ici l'année prochaine.";

  test('is checked and put on the record; the date is the day of published', async () => {
    const record = await createPipeline({ summarise: false }).process({
      text,
      meta: { published: '2025-01-31T22:00:00-03:00', author: ' Léa Roux ', outlet: '', url: 'https://ville.example/budget' },
    });
    expect(record.meta).toEqual({ published: '2025-01-31T22:00:00-03:00', author: 'Léa Roux', outlet: null, url: 'https://ville.example/budget', section: null });
    expect(record.date).toBe('2025-01-31');
    const dates = Object.fromEntries(record.entities.filter((e) => e.type === 'DATE').map((e) => [e.text, e.value]));
    expect(dates).toEqual({ hier: '2025-01-30', "l'année prochaine": '2026' });
  });

  test('without meta, published is the given date and every other field null', async () => {
    const record = await createPipeline({ summarise: false }).process({ text, date: '2025-05-06' });
    expect(record.meta).toEqual({ published: '2025-05-06', author: null, outlet: null, url: null, section: null });
    const plain = await createPipeline({ summarise: false }).process(text);
    expect(plain.meta).toEqual({ published: null, author: null, outlet: null, url: null, section: null });
    expect(plain.entities.filter((e) => e.type === 'DATE').every((e) => e.value === undefined)).toBe(true);
  });
});
