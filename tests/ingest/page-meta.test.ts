import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extractHtml } from '../../src/ingest/extract-html.js';
import { bytesToArticle } from '../../src/ingest/read-article.js';
import { fixture } from '../helpers.js';

const page = (name: string) => readFileSync(fixture('page-meta', name), 'utf8');

describe('HTML metadata', () => {
  test('JSON-LD NewsArticle: authors joined, publisher, page address, section; trusted over Open Graph and meta tags', () => {
    const html = extractHtml(page('newsarticle.html'));
    expect(html.meta).toEqual({
      published: '2025-03-14T09:30:00+01:00',
      author: 'Jeanne Martin, Paul Lefèvre',
      outlet: 'La Gazette des Côtes',
      url: 'https://gazette-des-cotes.example/economie/port-valmer',
      section: 'Économie',
    });
    expect(html.date).toBe('2025-03-14T09:30:00+01:00');
    expect(html.text).toContain('agrandissement de son port');
    expect(html.warnings).toBeUndefined();
  });

  test('Open Graph and article:* tags alone; an author given as an address is not a name', () => {
    expect(extractHtml(page('og-only.html')).meta).toEqual({
      published: '2025-10-02T18:05:00Z',
      author: 'Sam Okafor',
      outlet: 'The Valley Ledger',
      url: 'https://valley-ledger.example/local/cider-hall',
      section: 'Local',
    });
  });

  test('a page whose text is only in JSON-LD articleBody is read from it, @id references resolved', () => {
    const html = extractHtml(page('body-in-jsonld.html'));
    expect(html.text.split('\n')).toEqual([
      'La fromagerie coopérative du plateau a rouvert ses portes lundi, après huit mois de travaux financés par ses quarante éleveurs.',
      "Son directeur prévoit de produire deux fois plus de tommes cette année et d'embaucher six salariés le mois prochain.",
    ]);
    expect(html.title).toBe('La fromagerie du plateau rouvre ses portes');
    expect(html.warnings?.map((w) => w.code)).toEqual(['ARTICLE_BODY_FROM_METADATA']);
    expect(html.meta).toEqual({
      published: '2025-06-02',
      author: 'Claire Dubois',
      outlet: 'Journal du Plateau',
      url: 'https://journal-du-plateau.example/region/fromagerie',
      section: 'Région, Agriculture',
    });
  });

  test('the same page without its articleBody has no article', () => {
    const withoutBody = page('body-in-jsonld.html').replace(/"articleBody": "[^"]*"/, '"wordCount": 40');
    expect(() => extractHtml(withoutBody)).toThrow(expect.objectContaining({ code: 'NO_ARTICLE_BODY' }));
  });

  test('a page that shows a teaser keeps its visible text unless articleBody is much longer', () => {
    const body = 'Un paragraphe entier de l\'article, assez long pour compter comme le corps. '.repeat(12);
    const teaser = '<p>Le début de l\'article, visible avant le mur payant, avec juste assez de mots pour que le lecteur le garde comme corps.</p>';
    const build = (articleBody: string) =>
      `<html><head><title>T</title><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody })}</script></head><body><article>${teaser}</article></body></html>`;
    expect(extractHtml(build(body)).text).toBe(body.trim());
    expect(extractHtml(build('Court.')).text).toContain('mur payant');
  });

  test('invalid JSON-LD is ignored; meta author, Dublin Core and the canonical link are read', () => {
    const html = extractHtml(page('invalid-jsonld.html'));
    expect(html.meta).toEqual({
      published: '2025-11-21',
      author: 'Priya Raman',
      outlet: 'Harbour Weekly',
      url: 'https://harbour-weekly.example/ferries/winter',
      section: null,
    });
    expect(html.text).toContain('four crossings a day');
  });

  test('a page without metadata has every field null', () => {
    const html = extractHtml(`<html><head><title>T</title></head><body><article><p>${'Des mots et encore des mots pour faire un article. '.repeat(4)}</p></article></body></html>`);
    expect(html.meta).toEqual({ published: null, author: null, outlet: null, url: null, section: null });
  });

  test('bytesToArticle carries the metadata, and the date is the published day', () => {
    const article = bytesToArticle(Buffer.from(page('newsarticle.html')), { id: 'p', path: 'p.html', format: 'html' });
    expect(article.meta?.author).toBe('Jeanne Martin, Paul Lefèvre');
    expect(article.date).toBe('2025-03-14T09:30:00+01:00');
  });
});
