import { describe, expect, test } from 'vitest';
import { aggregate, collectRecords, renderHtml } from '../../src/report/index.js';
import { escapeHtml, groupDigits, jsonForScript } from '../../src/report/render-html.js';
import { fixture } from '../helpers.js';
import { bareRecord } from './bare-record.js';

const CHART_STUB = 'window.Chart = undefined;';

async function fixtureHtml(): Promise<string> {
  const { records, run } = await collectRecords(fixture('report'));
  return renderHtml(aggregate(records, run), { subject: 'fixture', chartJs: CHART_STUB });
}

describe('renderHtml', () => {
  test('article text is shown as text: a <script> in a title is escaped, never markup', async () => {
    const html = await fixtureHtml();
    expect(html).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; Port-Aval vote son budget portuaire');
    expect(html).not.toContain('<script>alert(');
    // "<petits>" of a sentence, too.
    expect(html).toContain('aux &lt;petits&gt; armateurs');
  });

  test('the JSON blob cannot end its <script> element, whatever the records hold', () => {
    const record = bareRecord({
      id: '</script><script>alert(1)</script>',
      pairs: [
        { a: 0, b: 1, base: 'USD', quote: 'KRW', rate: 1, rateRange: [1, 1], consistent: true, deviation: 0, consensus: 1, english: '</script><!-- x' },
      ],
    });
    const html = renderHtml(aggregate([{ file: 'x.json', record }]), { subject: 's', chartJs: CHART_STUB });
    const blob = /<script type="application\/json" id="precis-report-data">([^]*?)<\/script>/.exec(html)![1]!;
    expect(blob).not.toMatch(/[<>]/);
    expect(JSON.parse(blob).pairGroups[0].labels[0]).toBe('</script><script>alert(1)</script>: </script><!-- x');
    expect(html.match(/<script>alert\(1\)/g)).toBeNull();
  });

  test('no address outside the page: no http(s) link, stylesheet, font or image; a CSP that forbids them', async () => {
    const html = await fixtureHtml();
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*"(?!#|data:)/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(html).toContain('<meta name="generator" content="precis report">');
  });

  test('refuses a chart library that would break out of its <script> element', async () => {
    const { records } = await collectRecords(fixture('report'));
    expect(() => renderHtml(aggregate(records), { subject: 's', chartJs: 'var s = "</script>";' })).toThrow(/cannot be inlined/);
  });

  test('helpers', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
    expect(groupDigits('728000000000000')).toBe('728,000,000,000,000');
    expect(groupDigits('1234.5')).toBe('1,234.5');
    expect(groupDigits('12')).toBe('12');
    expect(groupDigits('-1000')).toBe('-1,000');
    expect(jsonForScript({ a: '<b>&\u2028' })).toBe('{"a":"\\u003cb\\u003e\\u0026\\u2028"}');
  });
});
