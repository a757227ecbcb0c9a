import { opendir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { ARTICLE_EXTENSIONS } from './read-file-bytes.js';

export type ArticleEntry =
  | { kind: 'file'; path: string; id: string }
  | { kind: 'stdin'; id: string }
  | { kind: 'missing'; path: string; id: string }
  /** A pipe, a socket or a device: reading it could block forever. */
  | { kind: 'not-a-file'; path: string; id: string }
  | { kind: 'empty-directory'; path: string };

export interface ListOptions {
  /** Globs a file in a directory must match (relative to that directory, or its base name). */
  include?: readonly string[];
  exclude?: readonly string[];
}

export const DEFAULT_INCLUDE = [`**/*.{${ARTICLE_EXTENSIONS.join(',')}}`];
const ALWAYS_EXCLUDE = ['**/.*', '**/.*/**', '**/node_modules/**'];

/**
 * Expands the command line's paths into articles, lazily: directories are walked one at a time in
 * sorted order so a folder of 10,000 articles never sits in memory as a list. Files named on the
 * command line are read whatever their extension; `-` is standard input.
 */
export async function* listArticles(paths: readonly string[], options: ListOptions = {}): AsyncGenerator<ArticleEntry> {
  // The default extensions in any case ("D.TXT" is an article); the user's globs as written.
  const include = options.include?.length ? globMatcher(options.include, false) : globMatcher(DEFAULT_INCLUDE, false, true);
  const exclude = globMatcher([...ALWAYS_EXCLUDE, ...(options.exclude ?? [])], true);
  const ids = new Set<string>();
  const uniqueId = (wanted: string): string => {
    let id = wanted;
    for (let n = 2; ids.has(id); n++) id = `${wanted}~${n}`;
    ids.add(id);
    return id;
  };
  for (const path of paths) {
    if (path === '-') {
      yield { kind: 'stdin', id: uniqueId('stdin') };
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch {
      yield { kind: 'missing', path, id: uniqueId(basename(path) || path) };
      continue;
    }
    if (!info.isDirectory()) {
      yield { kind: info.isFile() ? 'file' : 'not-a-file', path, id: uniqueId(basename(path)) };
      continue;
    }
    let found = 0;
    const seen = new Set<string>([await realpath(path)]);
    for await (const file of walk(path, seen)) {
      const rel = relative(path, file).split(sep).join('/');
      if (!include(rel) || exclude(rel)) continue;
      found++;
      yield { kind: 'file', path: file, id: uniqueId(rel) };
    }
    if (found === 0) yield { kind: 'empty-directory', path };
  }
}

/**
 * A pattern with a slash matches the path relative to the directory given; one without matches
 * the base name too, as in .gitignore (`*.txt` finds `sub/a.txt`).
 */
function globMatcher(patterns: readonly string[], dot: boolean, nocase = false): (rel: string) => boolean {
  const matchers = patterns.map((p) => {
    const match = picomatch(p, { dot, nocase });
    return p.includes('/') ? match : (rel: string) => match(rel) || match(rel.slice(rel.lastIndexOf('/') + 1));
  });
  return (rel) => matchers.some((m) => m(rel));
}

async function* walk(dir: string, seen: Set<string>): AsyncGenerator<string> {
  const names: Array<{ name: string; isDir: boolean }> = [];
  try {
    for await (const entry of await opendir(dir)) {
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          isDir = (await stat(join(dir, entry.name))).isDirectory();
        } catch {
          continue;
        }
      }
      if (isDir || entry.isFile() || entry.isSymbolicLink()) names.push({ name: entry.name, isDir });
    }
  } catch {
    return;
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name, isDir } of names) {
    const full = join(dir, name);
    if (isDir) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      // Symlinked directories can loop back on themselves.
      const real = await realpath(full).catch(() => full);
      if (seen.has(real)) continue;
      seen.add(real);
      yield* walk(full, seen);
    } else {
      yield full;
    }
  }
}
