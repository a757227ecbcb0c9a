import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { WARCRecord, WARCSerializer } from 'warcio';
import { describe, expect, test } from 'vitest';
import { type ArticleItem, listArticleItems } from '../../src/ingest/article-stream.js';
import { CLI, ROOT } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'precis-streams-'));

async function items(path: string, maxBytes?: number): Promise<ArticleItem[]> {
  const out: ArticleItem[] = [];
  for await (const item of listArticleItems([path], maxBytes ? { maxBytes } : {})) out.push(item);
  return out;
}

function summary(list: ArticleItem[]) {
  return list.map((i) =>
    i.kind === 'article'
      ? { id: i.article.id, offset: i.article.offset, format: i.article.format, text: Buffer.from(i.article.bytes).toString('utf8') }
      : i.kind === 'unreadable'
        ? { id: i.id, error: i.error.code }
        : { kind: i.kind },
  );
}

describe('JSON lines', () => {
  const lines = ['{"id": "a1", "text": "Premier article."}', '', '{"text": "Sans identifiant."}\r', '{"id": 7, "text": "Numéro."}', '{"id": "a1", "text": "Même id."}'];
  const body = lines.join('\n');

  test('one article per non-blank line, with its id (or line number) and byte offset', async () => {
    const path = join(dir, 'feed.jsonl');
    writeFileSync(path, body);
    const offsets = [0, Buffer.byteLength(lines[0]!) + 2, Buffer.byteLength(`${lines[0]}\n\n${lines[2]}\n`)];
    expect(summary(await items(path))).toEqual([
      { id: 'feed.jsonl#a1', offset: offsets[0], format: 'json', text: lines[0] },
      { id: 'feed.jsonl#3', offset: offsets[1], format: 'json', text: '{"text": "Sans identifiant."}' },
      { id: 'feed.jsonl#7', offset: offsets[2], format: 'json', text: lines[3] },
      { id: 'feed.jsonl#a1~2', offset: expect.any(Number), format: 'json', text: lines[4] },
    ]);
  });

  test('gzip-compressed, in any case of extension; offsets in the decompressed stream', async () => {
    const path = join(dir, 'FEED.JSONL.GZ');
    writeFileSync(path, gzipSync(body));
    const got = summary(await items(path));
    expect(got.map((g) => g.id)).toEqual(['FEED.JSONL.GZ#a1', 'FEED.JSONL.GZ#3', 'FEED.JSONL.GZ#7', 'FEED.JSONL.GZ#a1~2']);
    expect(got[1]).toMatchObject({ offset: Buffer.byteLength(lines[0]!) + 2 });
  });

  test('a line over the limit is an INPUT_TOO_LARGE item and the next lines go on; a broken gzip stops with INPUT_UNREADABLE', async () => {
    const long = join(dir, 'long.jsonl');
    writeFileSync(long, `{"text": "${'x'.repeat(5000)}"}\n{"id": "ok", "text": "court"}\n`);
    expect(summary(await items(long, 1000))).toEqual([
      { id: 'long.jsonl#1', error: 'INPUT_TOO_LARGE' },
      { id: 'long.jsonl#ok', offset: 5013, format: 'json', text: '{"id": "ok", "text": "court"}' },
    ]);
    const broken = join(dir, 'broken.jsonl.gz');
    writeFileSync(broken, Buffer.concat([gzipSync(body).subarray(0, 30), Buffer.from('garbage')]));
    const got = summary(await items(broken));
    expect(got.at(-1)).toMatchObject({ error: 'INPUT_UNREADABLE' });
  });
});

describe('JSON arrays', () => {
  test('a .json file holding an array is one article per element, with ids and offsets; brackets and quotes inside strings are text', async () => {
    const elements = ['{"id": "x", "text": "Un [crochet] et une {accolade}, \\"citée\\"."}', '{"title": "Deux", "text": "Texte, avec virgule."}', '42'];
    const body = `\uFEFF[\n  ${elements.join(',\n  ')}\n]\n`;
    const path = join(dir, 'feed.json');
    writeFileSync(path, body);
    const got = summary(await items(path));
    expect(got.map((g) => g.id)).toEqual(['feed.json#x', 'feed.json#2', 'feed.json#3']);
    expect(got.map((g) => ('text' in g ? g.text!.trim() : null))).toEqual(elements);
    const bytes = Buffer.from(body);
    expect(got[1]).toMatchObject({ offset: bytes.indexOf('{"title"') });
  });

  test('a .json file holding one object is one article, as before', async () => {
    const path = join(dir, 'one.json');
    writeFileSync(path, '{"text": "Un seul article."}');
    expect(summary(await items(path))).toEqual([{ kind: 'file' }]);
  });

  test('an array cut short keeps the elements before and ends with an INPUT_NOT_ARTICLE item; a large element is INPUT_TOO_LARGE', async () => {
    const cut = join(dir, 'cut.json');
    writeFileSync(cut, '[{"text": "complet"}, {"text": "coup');
    expect(summary(await items(cut))).toEqual([
      { id: 'cut.json#1', offset: 1, format: 'json', text: '{"text": "complet"}' },
      { id: 'cut.json#2', error: 'INPUT_NOT_ARTICLE' },
    ]);
    const big = join(dir, 'big.json');
    writeFileSync(big, `[{"text": "${'y'.repeat(3000)}"}, {"text": "petit"}]`);
    expect(summary(await items(big, 1000))).toEqual([
      { id: 'big.json#1', error: 'INPUT_TOO_LARGE' },
      { id: 'big.json#2', offset: 3015, format: 'json', text: '{"text": "petit"}' },
    ]);
  });
});

describe('WARC web archives', () => {
  async function record(type: 'response' | 'resource' | 'request', url: string, body: string, headers: Record<string, string>, status = 200) {
    const payload = (async function* () {
      yield new TextEncoder().encode(body);
    })();
    const opts =
      type === 'resource'
        ? { url, type, warcHeaders: { 'Content-Type': headers['Content-Type']! } }
        : { url, type, httpHeaders: headers, statusline: type === 'response' ? `HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Not Found'}` : 'GET / HTTP/1.1' };
    return WARCSerializer.serialize(await WARCRecord.create({ warcVersion: 'WARC/1.1', date: '2025-03-14T10:00:00Z', ...opts } as Parameters<typeof WARCRecord.create>[0], payload), { gzip: false });
  }

  test('successful pages (HTML, text) are articles with their URL and charset; requests, errors and images are skipped', async () => {
    const page = '<html><head><meta charset="utf-8"><title>Budget</title></head><body><article><p>Le budget atteint 3 milliards d’euros.</p></article></body></html>';
    const parts = [
      await record('request', 'https://news.example/budget', '', { Host: 'news.example' }),
      await record('response', 'https://news.example/budget', page, { 'Content-Type': 'text/html; charset=UTF-8' }),
      await record('response', 'https://news.example/missing', '<html>404</html>', { 'Content-Type': 'text/html' }, 404),
      await record('response', 'https://news.example/logo.png', 'PNG…', { 'Content-Type': 'image/png' }),
      await record('resource', 'file:///notes.txt', 'Une note en texte brut.', { 'Content-Type': 'text/plain' }),
    ];
    const path = join(dir, 'crawl.warc');
    writeFileSync(path, Buffer.concat(parts.map((p) => Buffer.from(p))));
    const got = await items(path);
    expect(got.map((g) => (g.kind === 'article' ? [g.article.id, g.article.format, g.article.charset] : g.kind))).toEqual([
      ['crawl.warc#https://news.example/budget', 'html', 'UTF-8'],
      ['crawl.warc#file:///notes.txt', 'text', null],
    ]);
    const first = got[0]!;
    expect(first.kind === 'article' && Buffer.from(first.article.bytes).toString()).toBe(page);
    expect(first.kind === 'article' && first.article.offset).toBe(parts[0]!.length);
  });

  test('a .warc.gz of gzip members reads the same; a damaged archive ends with INPUT_UNREADABLE', async () => {
    const page = '<html><body><article><p>Texte archivé.</p></article></body></html>';
    const member = Buffer.from(gzipSync(Buffer.from(await record('response', 'https://a.example/', page, { 'Content-Type': 'text/html' }))));
    const path = join(dir, 'crawl.warc.gz');
    writeFileSync(path, Buffer.concat([member, member]));
    expect(summary(await items(path)).map((g) => g.id)).toEqual(['crawl.warc.gz#https://a.example/', 'crawl.warc.gz#https://a.example/~2']);
    const damaged = join(dir, 'damaged.warc');
    writeFileSync(damaged, 'WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort');
    const got = summary(await items(damaged));
    expect(got.every((g) => !('text' in g))).toBe(true);
  });
});

describe('the CLI reads the streams', () => {
  test('extract over a folder with a JSONL file and a JSON array gives one record per article', () => {
    const folder = join(dir, 'cli');
    mkdirSync(folder, { recursive: true });
    const text = 'Le gouvernement a annoncé mardi un plan de 12 milliards d’euros pour les hôpitaux publics du pays.';
    writeFileSync(join(folder, 'a.jsonl'), `${JSON.stringify({ id: 'p1', text })}\n${JSON.stringify({ id: 'p2', text: `${text} Deuxième.` })}\n`);
    writeFileSync(join(folder, 'b.json'), JSON.stringify([{ id: 'q1', title: 'Titre', text }]));
    const run = spawnSync(process.execPath, [CLI, 'extract', folder, '-f', 'jsonl', '-q'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const records = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; source: { offset?: number; format: string }; amounts: unknown[]; title: string | null });
    expect(records.map((r) => r.id)).toEqual(['a.jsonl#p1', 'a.jsonl#p2', 'b.json#q1']);
    expect(records.map((r) => r.source.offset)).toEqual([0, Buffer.byteLength(JSON.stringify({ id: 'p1', text })) + 1, 1]);
    expect(records.every((r) => r.amounts.length === 1)).toBe(true);
    expect(records[2]!.title).toBe('Titre');
  });
});

describe('hostile archives end, with what they held', () => {
  test('a record cut short, a record without a length, and a gzip bomb in a page are errors, not hangs', async () => {
    const head = (len: number) => `WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/\r\nContent-Length: ${len}\r\n\r\n`;
    const cut = join(dir, 'cut.warc');
    writeFileSync(cut, `${head(99999)}HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Coupé`);
    expect(summary(await items(cut))).toEqual([{ id: 'cut.warc#record-2', error: 'INPUT_UNREADABLE' }]);
    const nolength = join(dir, 'nolength.warc');
    writeFileSync(nolength, 'WARC/1.1\r\nWARC-Type: response\r\n\r\nrien');
    expect(summary(await items(nolength))).toEqual([{ id: 'nolength.warc#record-1', error: 'INPUT_UNREADABLE' }]);
    const bomb = gzipSync(Buffer.alloc(20_000_000, 0x61));
    const http = Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n'), bomb]);
    const bombPath = join(dir, 'bomb.warc');
    writeFileSync(bombPath, Buffer.concat([Buffer.from(head(http.length)), http, Buffer.from('\r\n\r\n')]));
    expect(summary(await items(bombPath, 1_000_000))).toEqual([{ id: 'bomb.warc#https://x.example/', error: 'INPUT_TOO_LARGE' }]);
  });
});
