import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extractHtml, sniffHtmlCharset } from '../../src/ingest/extract-html.js';
import { fixture } from '../helpers.js';

describe('extractHtml', () => {
  // The page is Windows-1252 bytes, as its meta tag says; Latin-1 reads them the same for these letters.
  const html = readFileSync(fixture('ingest', 'article.html'), 'latin1');

  test('keeps the article body, one block per line, and drops page chrome', () => {
    const { title, text } = extractHtml(html);
    expect(title).toBe("Budget : Séoul mise sur l'IA");
    const lines = text.split('\n');
    expect(lines).toContain('Une opposition hostile');
    expect(lines.some((l) => l.startsWith('Le président sud-coréen Lee Jae Myung a présenté mardi'))).toBe(true);
    expect(text).toContain('728\u00A0000 milliards de wons');
    expect(text).toContain("«\u00A0C'est un budget de campagne\u00A0»");
    for (const chrome of ['Accueil', 'cookies', 'Nvidia livrera', 'Mentions légales', 'Facebook']) {
      expect(text).not.toContain(chrome);
    }
  });

  test('reads the declared charset from the page head', () => {
    expect(sniffHtmlCharset(Buffer.from(html, 'latin1'))).toBe('windows-1252');
    expect(sniffHtmlCharset(Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'))).toBe('ISO-8859-1');
  });

  test('fails with NO_ARTICLE_BODY on a page without an article', () => {
    const page = readFileSync(fixture('bad-inputs', 'no-article-body.html'), 'utf8');
    expect(() => extractHtml(page)).toThrow(expect.objectContaining({ code: 'NO_ARTICLE_BODY' }));
  });
});
