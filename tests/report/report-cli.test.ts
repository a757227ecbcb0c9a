import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import type { PrecisRecord } from '../../src/index.js';
import { escapeHtml } from '../../src/report/render-html.js';
import { type CliRun, fixture, runPrecis } from '../helpers.js';


const precis = runPrecis;

function recordsIn(dir: string): PrecisRecord[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json') && f !== 'run.json')
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as PrecisRecord);
}

describe('precis report on a run of the corpus', () => {
  let out: string;
  let csv: string;
  let records: PrecisRecord[];
  let report: CliRun;
  beforeAll(async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'precis-report-cli-'));
    out = join(tmp, 'run');
    csv = join(tmp, 'csv');
    const run = await precis(['summarise', 'corpus/', '--out', out, '-q', '--models-dir', fixture('models'), '--max-new-tokens', '8', '--reference-rates', fixture('rates', 'eurofxref.csv'), '--date', '2025-03-14']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    records = recordsIn(out);
    report = await precis(['report', out, '--csv', csv]);
  });

  test('exits 0 and names the files written on stderr', () => {
    expect(report.code).toBe(0);
    expect(report.stdout).toBe('');
    const html = join(out, 'report.html');
    expect(report.stderr).toContain(html);
    for (const name of ['amounts.csv', 'pairs.csv', 'entities.csv']) expect(report.stderr).toContain(join(csv, name));
    expect(existsSync(html)).toBe(true);
  });

  test('the page holds every article id and every amount, as printed and in English', () => {
    expect(records.length).toBeGreaterThan(10);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    for (const r of records) {
      expect(html).toContain(escapeHtml(r.id));
      for (const a of r.amounts) {
        expect(html).toContain(`<td>${escapeHtml(a.text)}</td><td>${escapeHtml(a.english)}</td>`);
      }
    }
    const amounts = records.reduce((n, r) => n + r.amounts.length, 0);
    expect(html.match(/<tbody>[^]*?<\/tbody>/g)!.find((t) => t.includes('class="sentence"'))!.match(/<tr>/g)).toHaveLength(amounts);
    // The chart library is inlined, and with a reference table the pairs carry its rate.
    expect(html).toContain('Chart.js v4');
    expect(html).toContain('2025-03-14');
  });

  test('--csv writes three CSV files that parse, one row per amount, pair and article entity', () => {
    const read = (name: string) => parse(readFileSync(join(csv, name), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    const amounts = read('amounts.csv');
    expect(amounts).toHaveLength(records.reduce((n, r) => n + r.amounts.length, 0));
    const first = records.find((r) => r.amounts.length > 0)!;
    expect(amounts).toContainEqual(expect.objectContaining({ article: first.id, text: first.amounts[0]!.text, english: first.amounts[0]!.english, exact: first.amounts[0]!.exact }));
    const pairs = read('pairs.csv');
    expect(pairs).toHaveLength(records.reduce((n, r) => n + r.pairs.length, 0));
    expect(pairs.some((p) => p.reference_rate !== '')).toBe(true);
    expect(read('entities.csv')).toHaveLength(records.reduce((n, r) => n + r.entities.length, 0));
  });

  test('runs again over its own page; will not overwrite another file without --force', async () => {
    expect((await precis(['report', out])).code).toBe(0);
    const other = join(out, 'mine.html');
    writeFileSync(other, '<p>my own notes</p>');
    const refused = await precis(['report', out, '--html', other]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/mine\.html exists and is not a precis report; not overwritten\. Use --force/);
    expect(readFileSync(other, 'utf8')).toBe('<p>my own notes</p>');
    const forced = await precis(['report', out, '--html', other, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(other, 'utf8')).toContain('<meta name="generator" content="precis report">');
  });
});

describe('precis report on folders without a run', () => {
  test('a folder without records: exit 1 and a clear message', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'precis-report-empty-'));
    const run = await precis(['report', empty]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/holds no precis records/);
    expect(existsSync(join(empty, 'report.html'))).toBe(false);
  });

  test('a missing folder: exit 1', async () => {
    const run = await precis(['report', join(tmpdir(), 'precis-report-no-such-dir')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/does not exist/);
  });

  test('JSON that is not a record is skipped with a warning; records of queue workers (no run.json) are reported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precis-report-worker-'));
    mkdirSync(join(dir, 'news'));
    const record = readFileSync(fixture('report', 'news', 'gamma-werft-de.txt.json'), 'utf8');
    writeFileSync(join(dir, 'news', 'gamma-werft-de.txt.json'), record);
    writeFileSync(join(dir, 'settings.json'), '{"theme": "dark"}');
    const html = join(dir, 'out', 'page.html');
    const run = await precis(['report', dir, '--html', html]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('precis: warning: settings.json: skipped, not a precis record (no id).');
    expect(readFileSync(html, 'utf8')).toContain('No run.json');
  });
});
