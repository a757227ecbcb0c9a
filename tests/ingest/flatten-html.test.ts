import { describe, expect, test } from 'vitest';
import { extractHtml } from '../../src/ingest/extract-html.js';
import { flattenHtml, htmlDepth } from '../../src/ingest/flatten-html.js';

const nested = (levels: number, body: string) => `<html><head><title>Budget &amp; won</title><script>var x = "<p>no</p>";</script></head><body>${'<div>'.repeat(levels)}${body}${'</div>'.repeat(levels)}</body></html>`;

describe('HTML nested deeper than any real page', () => {
  test('is read as plain text with a warning, whatever its depth', () => {
    for (const levels of [2_000, 50_000]) {
      const page = extractHtml(nested(levels, '<p>Le gouvernement a annoncé un budget de 5 milliards de wons&nbsp;: une hausse.</p><p>Deuxième paragraphe.</p>'));
      expect(page.text).toBe('Le gouvernement a annoncé un budget de 5 milliards de wons\u00a0: une hausse.\nDeuxième paragraphe.'.replace('\u00a0', ' '));
      expect(page.title).toBe('Budget & won');
      expect(page.warnings?.map((w) => w.code)).toEqual(['HTML_TOO_DEEP']);
    }
  });

  test('depth counts open elements, not void ones or closed siblings', () => {
    expect(htmlDepth('<div><p>a<br>b<img src=x></p><p>c</p></div>')).toBe(2);
    expect(htmlDepth(nested(300, "x"))).toBe(302);
  });

  test('scripts, styles and unclosed tags do not leak into the text', () => {
    expect(flattenHtml('<p>a &lt;b&gt; &#233;t&#xE9;</p><style>p{}</style><p>c').text).toBe('a <b> été\nc');
  });
});
