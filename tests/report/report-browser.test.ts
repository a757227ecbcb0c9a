import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pixelmatch from 'pixelmatch';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildReport } from '../../src/report/index.js';
import { findChromium, SYSTEM_TESTS_REQUIRED } from '../../scripts/lib/chromium.js';
import { ROOT, fixture } from '../helpers.js';

const CHROMIUM = findChromium();
if (!CHROMIUM) {
  const banner = '!'.repeat(78);
  console.warn(`\n${banner}\n! report browser tests NOT RUN: no chromium binary (Debian: apt-get install chromium).\n! CI installs it and runs them.\n${banner}\n`);
}

describe.runIf(!CHROMIUM && SYSTEM_TESTS_REQUIRED)('report browser tests in CI', () => {
  test('have a chromium to run in', () => {
    throw new Error('PRECIS_REQUIRE_SYSTEM_TESTS=1 but chromium is missing: .ci/run should have installed it (apt-get install -y chromium).');
  });
});

/*
 * The functions given to page.evaluate run in the page; the project compiles without the DOM
 * library, so they describe the little of the DOM they touch.
 */
interface Cell {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
type Row = { cells: ArrayLike<Cell> };
interface Canvas {
  id: string;
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } };
}
interface ChartInstance {
  data: { labels: string[]; datasets: Array<{ label: string; pointStyle: string; data: Array<number | null> }> };
}
interface PageGlobals {
  document: { getElementById(id: string): unknown };
  Chart: { getChart(canvas: unknown): ChartInstance };
  getComputedStyle(element: unknown): { backgroundColor: string };
}

const REFERENCE = join(ROOT, 'tests', '__screenshots__', 'report.png');
/** Share of pixels that may differ from the reference (font hinting, anti-aliasing). */
const TOLERANCE = 0.01;
const VIEWPORT = { width: 1280, height: 1200 };

describe.runIf(CHROMIUM)('the report page in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let url: string;
  const requests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'precis-report-browser-'));
    const html = join(tmp, 'report.html');
    // A fixed run and subject: the page is the same on every machine, for the screenshot.
    await buildReport(fixture('report'), { html, subject: 'Records in tests/fixtures/report' });
    url = pathToFileURL(html).href;
    // Never a downloaded browser: the system's, by path.
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    // A load the page's Content-Security-Policy blocked is a console error (and a request).
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the page makes no network request: only its own file', () => {
    expect(requests.length).toBeGreaterThan(0);
    const outside = requests.filter((r) => r !== url && !r.startsWith('data:') && !r.startsWith('blob:'));
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a <script> in an article title is shown as text and never runs', async () => {
    const titles = await page.locator('article.brief h3').allTextContents();
    expect(titles).toContain('<script>alert("title")</script> Port-Aval vote son budget portuaire');
    expect(dialogs).toEqual([]);
  });

  test('the amounts table has a row per amount, and a click on a heading sorts it', async () => {
    const rows = page.locator('#amounts-table tbody tr');
    expect(await rows.count()).toBe(8);
    const values = () => page.$$eval('#amounts-table tbody tr', (trs) => trs.map((tr) => Number((tr as unknown as Row).cells[4]!.getAttribute('data-sort'))));
    const before = await values();
    expect(before).not.toEqual([...before].sort((a, b) => a - b));

    const heading = page.locator('#amounts-table thead th', { hasText: 'value' });
    await heading.locator('button').click();
    expect(await heading.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await values();
    expect(ascending).toEqual([...before].sort((a, b) => a - b));
    expect(ascending[0]).toBe(4_500_000);

    await heading.locator('button').click();
    expect(await heading.getAttribute('aria-sort')).toBe('descending');
    expect(await values()).toEqual([...before].sort((a, b) => b - a));

    // Text columns sort as text: by "as printed".
    await page.locator('#amounts-table thead th', { hasText: 'as printed' }).locator('button').click();
    const printed = await page.$$eval('#amounts-table tbody tr', (trs) => trs.map((tr) => (tr as unknown as Row).cells[1]!.textContent!));
    expect(printed[0]).toBe('$2.16 billion');
    expect(printed.at(-1)).toBe('environ 90 milliards de wons');
    expect(await heading.getAttribute('aria-sort')).toBeNull();
  });

  test('every chart canvas is drawn (non-blank pixels)', async () => {
    const drawn = await page.$$eval('canvas', (canvases) =>
      canvases.map((c) => {
        const canvas = c as unknown as Canvas;
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
        return { id: canvas.id, painted, size: canvas.width * canvas.height };
      }),
    );
    // Amounts by currency, then one chart per currency pair: USD/KRW and EUR/USD.
    expect(drawn.map((d) => d.id)).toEqual(['chart-currencies', 'chart-pairs-0', 'chart-pairs-1']);
    for (const d of drawn) expect(d.painted, d.id).toBeGreaterThan(d.size * 0.005);
  });

  test('an inconsistent pair stands out: colour, a marker and a text label, in the table and the chart', async () => {
    const bad = page.locator('#pairs-table tbody tr.inconsistent');
    expect(await bad.count()).toBe(1);
    expect(await bad.textContent()).toContain('⚠ INCONSISTENT');
    expect(await bad.textContent()).toContain('about ₩90 billion (US$50 million)');
    const background = await bad.locator('td').first().evaluate((td) => (globalThis as unknown as PageGlobals).getComputedStyle(td).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    expect(await page.locator('#pairs-table tbody tr:not(.inconsistent)').count()).toBe(2);

    const chart = await page.evaluate(() => {
      const page = globalThis as unknown as PageGlobals;
      // Chart.js is the page's own global.
      const instance = page.Chart.getChart(page.document.getElementById('chart-pairs-0'));
      return { labels: instance.data.labels, datasets: instance.data.datasets.map((d) => ({ label: d.label, pointStyle: d.pointStyle, data: d.data })) };
    });
    expect(chart.labels).toEqual(['alpha-budget-fr.txt: ₩1.2 trillion (US$830 million)', 'alpha-budget-fr.txt: about ₩90 billion (US$50 million)  [INCONSISTENT]']);
    const marked = chart.datasets.find((d) => d.label === 'implied rate (INCONSISTENT)')!;
    expect(marked.pointStyle).toBe('triangle');
    expect(marked.data).toEqual([null, 1800]);
    expect(chart.datasets.find((d) => d.label === 'reference rate')!.data).toEqual([1452.32, 1452.32]);
    expect(chart.datasets.find((d) => d.label === 'article consensus')!.data).toEqual([1446, 1446]);
  });

  test('looks as it did: a screenshot of the viewport within 1 % of the reference PNG', async () => {
    // A fresh page, not the one the sorting test clicked in.
    const fresh = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    await fresh.goto(url, { waitUntil: 'load' });
    const shot = await fresh.screenshot({ type: 'png', animations: 'disabled' });
    await fresh.close();
    if (!existsSync(REFERENCE) || process.env.PRECIS_UPDATE_SCREENSHOTS === '1') {
      mkdirSync(join(ROOT, 'tests', '__screenshots__'), { recursive: true });
      writeFileSync(REFERENCE, shot);
      console.warn(`report screenshot: wrote the reference ${REFERENCE}; commit it.`);
      return;
    }
    const actual = PNG.sync.read(shot);
    const expected = PNG.sync.read(readFileSync(REFERENCE));
    expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
    const diff = new PNG({ width: actual.width, height: actual.height });
    const differing = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
    const share = differing / (actual.width * actual.height);
    if (share >= TOLERANCE) {
      const dir = mkdtempSync(join(tmpdir(), 'precis-report-screenshot-'));
      writeFileSync(join(dir, 'actual.png'), shot);
      writeFileSync(join(dir, 'diff.png'), PNG.sync.write(diff));
      expect.fail(`${(share * 100).toFixed(2)} % of pixels differ from ${REFERENCE} (tolerance ${TOLERANCE * 100} %); see ${dir}/actual.png and diff.png. If the change is meant, rerun with PRECIS_UPDATE_SCREENSHOTS=1 and commit the PNG.`);
    }
  });
});
