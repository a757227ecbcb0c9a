import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { bytesToArticle, readArticleFile } from '../../src/ingest/read-article.js';
import { CORPUS, fixture } from '../helpers.js';

describe('readArticleFile', () => {
  test('reads a text file with its source facts', async () => {
    const article = await readArticleFile(join(CORPUS, 'kr-budget-ai-fr.txt'), 'seed');
    expect(article.id).toBe('seed');
    expect(article.source).toMatchObject({ bytes: 6599, encoding: 'utf-8', format: 'text' });
    expect(article.source?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(article.text.startsWith('Début du contenu principal.')).toBe(true);
  });

  test('reads Windows-1252 files from the corpus', async () => {
    const article = await readArticleFile(join(CORPUS, 'kr-ai-datacenters-fr-cp1252.txt'), 'cp1252');
    expect(article.source?.encoding).toBe('windows-1252');
    expect(article.text).toMatch(/[éèàç]/);
    expect(article.text).not.toContain('\uFFFD');
  });

  test('reads Markdown, taking the heading as title', async () => {
    const article = await readArticleFile(join(CORPUS, 'kr-household-budget-fr.md'), 'md');
    expect(article.source?.format).toBe('markdown');
    expect(article.title).toMatch(/Banque de Corée/);
    expect(article.text).not.toMatch(/^#/m);
  });

  test('reads JSON articles and puts the title first', async () => {
    const article = await readArticleFile(join(CORPUS, 'kr-semiconductor-fund-fr.json'), 'json');
    expect(article.source?.format).toBe('json');
    expect(article.text.startsWith(article.title!)).toBe(true);
  });

  test('reads HTML through reader-mode extraction', async () => {
    const article = await readArticleFile(fixture('ingest', 'article.html'), 'html');
    expect(article.source).toMatchObject({ format: 'html', encoding: 'windows-1252' });
    expect(article.text.split('\n')[0]).toBe("Budget : Séoul mise sur l'IA");
  });

  test.for([
    ['empty.txt', 'INPUT_EMPTY'],
    ['binary.txt', 'INPUT_BINARY'],
    ['not-article.json', 'INPUT_NOT_ARTICLE'],
    ['no-article-body.html', 'NO_ARTICLE_BODY'],
  ] as const)('%s fails with %s', async ([name, code]) => {
    await expect(readArticleFile(fixture('bad-inputs', name), name)).rejects.toMatchObject({ code });
  });

  test('a missing file fails with INPUT_NOT_FOUND', async () => {
    await expect(readArticleFile('/nonexistent/article.txt', 'x')).rejects.toMatchObject({ code: 'INPUT_NOT_FOUND', message: expect.stringMatching(/does not exist/) });
  });

  test('a file over maxBytes fails with INPUT_TOO_LARGE and names the limit', async () => {
    await expect(readArticleFile(join(CORPUS, 'kr-budget-ai-fr.txt'), 'x', { maxBytes: 1024 })).rejects.toMatchObject({
      code: 'INPUT_TOO_LARGE',
      message: expect.stringMatching(/6\.4 KB, over the 1\.0 KB limit.*--max-bytes/),
    });
  });

  test('a directory passed as a file fails with INPUT_UNREADABLE', async () => {
    await expect(readArticleFile(CORPUS, 'x')).rejects.toMatchObject({ code: 'INPUT_UNREADABLE' });
  });
});

describe('bytesToArticle', () => {
  test('sniffs the format of standard input', () => {
    const json = bytesToArticle(Buffer.from('{"title": "T", "text": "Un texte."}'), { id: 'stdin', path: null, format: null });
    expect(json.source?.format).toBe('json');
    const text = bytesToArticle(Buffer.from('Un texte.'), { id: 'stdin', path: null, format: null });
    expect(text.source?.format).toBe('text');
  });

  test('decodes legacy encodings for any format', () => {
    const article = bytesToArticle(iconv.encode('Le ministre a déclaré que les négociations étaient terminées.', 'windows-1252'), { id: 'a', path: 'a.txt', format: 'text' });
    expect(article.source?.encoding).toBe('windows-1252');
    expect(article.text).toBe('Le ministre a déclaré que les négociations étaient terminées.');
  });
});

describe('the article date', () => {
  const body = '<p>' + 'Le gouvernement sud-coréen a présenté mardi son budget pour l’année prochaine, en forte hausse. '.repeat(4) + '</p>';
  const html = (head: string) => Buffer.from(`<!doctype html><html><head><title>Budget</title>${head}</head><body><article><h1>Budget</h1>${body}</article></body></html>`);

  test.for([
    ['article:published_time', '<meta property="article:published_time" content="2025-03-14T09:00:00+09:00">', '2025-03-14T09:00:00+09:00'],
    ['JSON-LD datePublished', '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2025-03-13"}</script>', '2025-03-13'],
    ['meta name=date', '<meta name="date" content="2025-03-12">', '2025-03-12'],
  ] as const)('HTML: %s', ([, head, date]) => {
    expect(bytesToArticle(html(head), { id: 'a', path: null, format: 'html' }).date).toBe(date);
  });

  test('HTML: a <time datetime> when the head says nothing', () => {
    const page = Buffer.from(`<!doctype html><html><head><title>Budget</title></head><body><article><h1>Budget</h1><time datetime="2025-03-11">11 mars</time>${body}</article></body></html>`);
    expect(bytesToArticle(page, { id: 'a', path: null, format: 'html' }).date).toBe('2025-03-11');
  });

  test('JSON: a date field', () => {
    const json = Buffer.from(JSON.stringify({ title: 'Budget', datePublished: '2025-03-10T08:00:00Z', text: 'Le gouvernement a présenté son budget.' }));
    expect(bytesToArticle(json, { id: 'a', path: null, format: 'json' }).date).toBe('2025-03-10T08:00:00Z');
  });

  test('Markdown: front matter gives the title and the date, and is not read as text', () => {
    const md = Buffer.from('---\ntitle: "Le budget"\ndate: 2025-03-09\n---\nLe gouvernement a présenté son budget.\n');
    const article = bytesToArticle(md, { id: 'a', path: null, format: 'markdown' });
    expect(article).toMatchObject({ title: 'Le budget', date: '2025-03-09' });
    expect(article.text).not.toContain('date:');
  });

  test('plain text has no date', () => {
    expect(bytesToArticle(Buffer.from('Le gouvernement a présenté son budget.'), { id: 'a', path: null, format: 'text' }).date).toBeNull();
  });
});
