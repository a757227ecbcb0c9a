import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { aggregate, collectRecords } from '../../src/report/index.js';
import { topEntities } from '../../src/report/aggregate.js';
import { fixture } from '../helpers.js';

const FIXTURE = fixture('report');

describe('collectRecords', () => {
  test('reads every record under the folder, subfolders included, in a stable order, and run.json', async () => {
    const { records, run, skipped } = await collectRecords(FIXTURE);
    expect(records.map((r) => r.file)).toEqual(['alpha-budget-fr.txt.json', 'beta-harbour-en.txt.json', 'delta-scan.pdf.txt.json', 'news/gamma-werft-de.txt.json']);
    expect(records.map((r) => r.record.id)).toContain('news/gamma-werft-de.txt');
    expect(run?.command).toBe('summarise');
    expect(skipped).toEqual([]);
  });

  test('passes over JSON that is not a record, broken JSON, dot files and other files, saying why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precis-report-collect-'));
    writeFileSync(join(dir, 'a.txt.json'), JSON.stringify({ id: 'a.txt', source: { path: null }, pipelineVersion: 'x', amounts: [] }));
    writeFileSync(join(dir, 'notes.json'), JSON.stringify({ hello: 'world' }));
    writeFileSync(join(dir, 'broken.json'), '{"id": ');
    writeFileSync(join(dir, '.precis.lock.json'), '{}');
    writeFileSync(join(dir, 'readme.md'), '# not read');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'list.json'), '[1, 2]');
    const { records, run, skipped } = await collectRecords(dir);
    expect(records.map((r) => r.record.id)).toEqual(['a.txt']);
    // Lists an older record lacks are empty, not undefined.
    expect(records[0]!.record.pairs).toEqual([]);
    expect(run).toBeNull();
    expect(skipped.map((s) => s.file).sort()).toEqual(['broken.json', 'notes.json', 'sub/list.json']);
    expect(skipped.find((s) => s.file === 'notes.json')!.reason).toMatch(/not a precis record \(no id\)/);
    expect(skipped.find((s) => s.file === 'broken.json')!.reason).toMatch(/not valid JSON/);
  });

  test('a missing folder is an INPUT_NOT_FOUND error', async () => {
    await expect(collectRecords(join(tmpdir(), 'precis-no-such-folder-xyz'))).rejects.toMatchObject({ code: 'INPUT_NOT_FOUND' });
  });
});

describe('aggregate', () => {
  test('counts articles, failures, languages, models and pipeline versions', async () => {
    const { records, run } = await collectRecords(FIXTURE);
    const { overview } = aggregate(records, run);
    expect(overview).toMatchObject({ articles: 4, ok: 3, failed: 1, amounts: 8, pairs: 3, inconsistentPairs: 1, rates: 1 });
    expect(overview.failuresByCode).toEqual([{ code: 'INPUT_BINARY', articles: 1 }]);
    expect(overview.languages.map((l) => l.code).sort()).toEqual(['(not detected)', 'deu', 'eng', 'fra']);
    expect(overview.models.map((m) => m.id).sort()).toEqual(['Xenova/opus-mt-de-en', 'Xenova/opus-mt-fr-en']);
    expect(overview.pipelineVersions).toEqual([{ version: '0.1.0+fixture', articles: 4 }]);
    expect(overview.currencies).toEqual([
      { currency: 'KRW', amounts: 3 },
      { currency: 'USD', amounts: 3 },
      { currency: 'EUR', amounts: 2 },
    ]);
    expect(overview.run?.seconds).toBe(2.5);
  });

  test('amount, pair and rate rows carry the article, the flags, the reference and the sentence', async () => {
    const { records } = await collectRecords(FIXTURE);
    const data = aggregate(records);
    expect(data.amounts).toHaveLength(8);
    const approx = data.amounts.find((a) => a.text === 'environ 90 milliards de wons')!;
    expect(approx).toMatchObject({ article: 'alpha-budget-fr.txt', approx: true, ambiguous: false, currency: 'KRW', exact: '90000000000' });
    expect(approx.sentence).toContain('environ 90 milliards de wons');
    expect(data.amounts.find((a) => a.text === '3 milliards de wons')!.estimated).toBe('about US$2.07 million');
    const bad = data.pairs.filter((p) => !p.consistent);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ base: 'USD', quote: 'KRW', rate: 1800, consensus: 1446, referenceRate: 1452.32, referenceDate: '2025-03-14' });
    expect(data.rates).toEqual([expect.objectContaining({ article: 'alpha-budget-fr.txt', base: 'USD', quote: 'KRW', value: 1446, earlier: false })]);
    expect(data.overview.run).toBeNull();
  });

  test('briefs: the summary or the error, warnings without the routine boilerplate ones', async () => {
    const { records } = await collectRecords(FIXTURE);
    const briefs = aggregate(records).briefs;
    const failed = briefs.find((b) => b.id === 'delta-scan.pdf.txt')!;
    expect(failed.error?.code).toBe('INPUT_BINARY');
    expect(failed.summary).toBeNull();
    const gamma = briefs.find((b) => b.id === 'news/gamma-werft-de.txt')!;
    expect(gamma.file).toBe('news/gamma-werft-de.txt.json');
    expect(gamma.warnings.map((w) => w.code)).toEqual(['NAME_DROPPED']);
    const record = { ...records[0]!.record, warnings: [{ code: 'BOILERPLATE_REMOVED', message: 'x' }] };
    expect(aggregate([{ file: 'x.json', record }]).briefs[0]!.warnings).toEqual([]);
  });

  test('top entities: by articles, then mentions; case folded; one type apart from another', () => {
    const top = topEntities([
      { article: 'a', text: 'Seoul', type: 'LOC', mentions: 1 },
      { article: 'b', text: 'SEOUL', type: 'LOC', mentions: 2 },
      { article: 'b', text: 'Seoul', type: 'ORG', mentions: 9 },
      { article: 'c', text: 'Busan', type: 'LOC', mentions: 3 },
      { article: 'c', text: 'Busan', type: 'LOC', mentions: 1 },
      { article: 'a', text: 'Kim', type: 'PERSON', mentions: 5 },
    ]);
    expect(top.map((e) => [e.text, e.type, e.articles, e.mentions])).toEqual([
      ['Seoul', 'LOC', ['a', 'b'], 3],
      ['Seoul', 'ORG', ['b'], 9],
      ['Kim', 'PERSON', ['a'], 5],
      ['Busan', 'LOC', ['c'], 4],
    ]);
  });
});
