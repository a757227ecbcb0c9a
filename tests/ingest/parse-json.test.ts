import { describe, expect, test } from 'vitest';
import { EMPTY_META } from '../../src/document.js';
import { parseJsonArticle } from '../../src/ingest/parse-json.js';

describe('parseJsonArticle', () => {
  test('reads {title, text}', () => {
    expect(parseJsonArticle('{"title": "Titre", "text": "Corps de l\'article."}')).toEqual({ title: 'Titre', date: null, meta: EMPTY_META, text: "Corps de l'article." });
  });

  test('reads {title, body}, the author as metadata, and ignores other fields', () => {
    expect(parseJsonArticle('{"title": "T", "author": "A", "tags": ["x"], "body": "Corps."}')).toEqual({ title: 'T', date: null, meta: { ...EMPTY_META, author: 'A' }, text: 'Corps.' });
  });

  test('reads the metadata fields news APIs and scrapers write', () => {
    const parsed = parseJsonArticle(
      JSON.stringify({
        title: 'Un titre',
        publishedAt: '2025-07-08T06:15:00Z',
        link: 'https://quotidien-du-sud.example/a/123',
        authors: [{ name: 'Inès Garnier' }, 'Marc Vidal'],
        source: { id: 'qds', name: 'Le Quotidien du Sud' },
        category: ['Société', 'Éducation'],
        body: 'Corps.',
      }),
    );
    expect(parsed.meta).toEqual({
      published: '2025-07-08T06:15:00Z',
      author: 'Inès Garnier, Marc Vidal',
      outlet: 'Le Quotidien du Sud',
      url: 'https://quotidien-du-sud.example/a/123',
      section: 'Société, Éducation',
    });
    expect(parsed.date).toBe('2025-07-08T06:15:00Z');
  });

  test('metadata: the first usable key wins, empty strings are unknown', () => {
    const parsed = parseJsonArticle(JSON.stringify({ url: 'pas une adresse', link: 'https://a.example/x', byline: '  ', author: '', authors: ['Zoé Petit'], outlet: 'Le Lien', section: '', text: 'Corps.' }));
    expect(parsed.meta).toEqual({ published: null, author: 'Zoé Petit', outlet: 'Le Lien', url: 'https://a.example/x', section: null });
  });

  test('reads an HTML body as a page', () => {
    const body = '<p>Premier paragraphe avec assez de texte pour un article, et encore un peu de texte pour que le lecteur le garde.</p><p>Second paragraphe, lui aussi assez long pour compter dans le corps de l\'article extrait.</p>';
    const parsed = parseJsonArticle(JSON.stringify({ title: 'T', body }));
    expect(parsed.text.split('\n')).toHaveLength(2);
    expect(parsed.text).not.toContain('<p>');
  });

  test.for([
    ['{"version": 3, "items": [1, 2]}', /no non-empty "text" or "body" field \(its keys: version, items\)/],
    ['[{"text": "a"}]', /holds an array, not an article object/],
    ['{"title": "T", "text": "   "}', /no non-empty "text"/],
    ['{"title": ', /not valid JSON/],
    ['42', /holds number/],
  ] as const)('refuses %j with INPUT_NOT_ARTICLE', ([source, message]) => {
    expect(() => parseJsonArticle(source)).toThrow(message);
    expect(() => parseJsonArticle(source)).toThrow(expect.objectContaining({ code: 'INPUT_NOT_ARTICLE' }));
  });
});
