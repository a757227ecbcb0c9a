import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { listArticles, type ArticleEntry } from '../../src/ingest/list-articles.js';

async function collect(paths: string[], options = {}): Promise<ArticleEntry[]> {
  const out: ArticleEntry[] = [];
  for await (const e of listArticles(paths, options)) out.push(e);
  return out;
}

describe('listArticles', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'precis-list-'));
    for (const f of ['b.txt', 'a.md', 'c.html', 'd.json', 'notes.docx', '.hidden.txt', 'sub/e.txt', 'sub/deeper/f.htm', 'node_modules/x.txt', '.git/g.txt']) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), 'x');
    }
    mkdirSync(join(dir, 'empty'));
    symlinkSync(dir, join(dir, 'sub', 'loop'));
  });

  test('walks directories recursively in sorted order, article files only', async () => {
    const ids = (await collect([dir])).map((e) => ('id' in e ? e.id : e.kind));
    expect(ids).toEqual(['a.md', 'b.txt', 'c.html', 'd.json', 'sub/deeper/f.htm', 'sub/e.txt']);
  });

  test('applies --include and --exclude globs, on base names and relative paths', async () => {
    expect((await collect([dir], { include: ['*.txt'] })).map((e) => 'id' in e && e.id)).toEqual(['b.txt', 'sub/e.txt']);
    expect((await collect([dir], { exclude: ['sub/**'] })).map((e) => 'id' in e && e.id)).toEqual(['a.md', 'b.txt', 'c.html', 'd.json']);
  });

  test('reports a directory with no articles, a missing path and stdin', async () => {
    const entries = await collect([join(dir, 'empty'), join(dir, 'missing.txt'), '-']);
    expect(entries).toEqual([
      { kind: 'empty-directory', path: join(dir, 'empty') },
      { kind: 'missing', path: join(dir, 'missing.txt'), id: 'missing.txt' },
      { kind: 'stdin', id: 'stdin' },
    ]);
  });

  test('reads files named directly whatever their extension, with unique ids', async () => {
    const entries = await collect([join(dir, 'notes.docx'), join(dir, 'b.txt'), join(dir, 'sub', '..', 'b.txt')]);
    expect(entries.map((e) => 'id' in e && e.id)).toEqual(['notes.docx', 'b.txt', 'b.txt~2']);
  });
});
