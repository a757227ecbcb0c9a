import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import xterm from '@xterm/headless';
import { describe, expect, test } from 'vitest';
import { SYSTEM_TESTS_REQUIRED } from '../../scripts/lib/redis-server.js';
import { CLI, CORPUS, ROOT } from '../helpers.js';

// util-linux `script` runs a command under a pseudo-terminal and copies what the terminal
// receives to its stdout: the raw bytes a user's terminal would get, replayed below in a headless
// terminal emulator (xterm.js) to read the final screen.
const SCRIPT = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).stdout.trim() || null;
if (!SCRIPT) console.warn('\n!!! terminal tests NOT RUN: no `script` command (Debian: apt-get install bsdutils) !!!\n');

describe.runIf(!SCRIPT && SYSTEM_TESTS_REQUIRED)('terminal tests in CI', () => {
  test('have `script` to make a pseudo-terminal', () => {
    throw new Error('PRECIS_REQUIRE_SYSTEM_TESTS=1 but `script` (util-linux, Debian bsdutils) is missing.');
  });
});

const COLS = 100;
const emptyModels = mkdtempSync(join(tmpdir(), 'precis-no-models-'));

/** Runs precis on a pseudo-terminal COLS wide; returns what the terminal received. */
function onTerminal(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number | null; raw: string }> {
  const command = `stty cols ${COLS} rows 40; exec ${[process.execPath, CLI, ...args].map(quote).join(' ')}`;
  return new Promise((resolve, reject) => {
    const child = spawn(SCRIPT!, ['-q', '-e', '-c', command, '/dev/null'], {
      cwd: ROOT,
      env: { ...process.env, TERM: 'xterm-256color', CI: '', NO_COLOR: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let raw = '';
    child.stdout.on('data', (d: Buffer) => (raw += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, raw }));
  });
}

function quote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The screen after the terminal received `raw`, scrollback included, as logical lines (soft wraps joined). */
async function screen(raw: string): Promise<string[]> {
  const term = new xterm.Terminal({ cols: COLS, rows: 40, scrollback: 100_000, allowProposedApi: true });
  await new Promise<void>((resolve) => term.write(raw, resolve));
  const buffer = term.buffer.active;
  const lines: string[] = [];
  for (let i = 0; i < buffer.length; i++) {
    const line = buffer.getLine(i)!;
    const text = line.translateToString(true);
    if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
    else lines.push(text);
  }
  term.dispose();
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines.map((l) => l.trimEnd());
}

function precisPiped(args: readonly string[]): string {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' }).stdout;
}

describe.skipIf(!SCRIPT)('precis on a terminal', () => {
  test('the quick start on a 100-column terminal ends with every brief intact and one summary line', async () => {
    const { code, raw } = await onTerminal(['summarise', 'corpus/', '--models-dir', emptyModels, '--concurrency', '1']);
    expect(code).toBe(0);
    // The bar was drawn, and wrapping was never switched off.
    expect(raw).toMatch(/\/13 articles/);
    expect(raw).not.toContain('\x1b[?7l');
    const briefs = precisPiped(['summarise', 'corpus/', '--models-dir', emptyModels, '--format', 'md', '-q'])
      .split('\n')
      .map((l) => l.trimEnd());
    while (briefs.length > 0 && briefs[briefs.length - 1] === '') briefs.pop();
    const lines = await screen(raw);
    expect(lines.slice(0, -1)).toEqual(briefs);
    expect(lines.at(-1)).toMatch(/^precis: 13 article\(s\): 13 ok, 0 failed, 0 skipped in [\d.]+ s .*summaries extractive for \d+: models missing — run `precis models pull /);
    expect(lines.filter((l) => l.startsWith('precis: ')).length).toBe(1);
  }, 60_000);

  test('a warning printed while the bar is up stands on its own line', async () => {
    // A folder in the way of one record: its write fails, the warning is printed mid-run.
    const out = mkdtempSync(join(tmpdir(), 'precis-term-out-'));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(out, 'kr-budget-ai-fr.txt.json'));
    const { raw } = await onTerminal(['extract', 'corpus/', '--out', out, '--concurrency', '1']);
    const lines = await screen(raw);
    const warning = lines.find((l) => l.includes('its record could not be written'));
    expect(warning).toMatch(/^precis: kr-budget-ai-fr\.txt: its record could not be written/);
    expect(lines.at(-1)).toMatch(/^precis: 13 article\(s\): 12 ok, 1 failed/);
    expect(lines.some((l) => l.includes('articles ·'))).toBe(false);
  }, 60_000);

  for (const [name, env] of [
    ['TERM=dumb', { TERM: 'dumb' }],
    ['CI=true', { CI: 'true' }],
  ] as const) {
    test(`with ${name} no bar is drawn, only the briefs and the summary line`, async () => {
      const { raw } = await onTerminal(['extract', join(CORPUS, 'kr-budget-ai-fr.txt'), join(CORPUS, 'kr-defence-fr.txt')], env);
      expect(raw).not.toContain('\x1b[2K');
      expect(raw).not.toMatch(/articles ·|article\(s\) ·/);
      const lines = await screen(raw);
      expect(lines.at(-1)).toMatch(/^precis: 2 article\(s\): 2 ok/);
    }, 60_000);
  }

  test('with a file of many articles among the paths, the bar shows a count but no total (the file is read once, not twice)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precis-term-jsonl-'));
    const text = 'Le conseil municipal a voté lundi un budget de 3,2 milliards d’euros pour les écoles de la ville.';
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'feed.jsonl'), [1, 2, 3].map((n) => JSON.stringify({ id: `n${n}`, text: `${text} (${n})` })).join('\n'));
    const { code, raw } = await onTerminal(['extract', dir, '--concurrency', '1']);
    expect(code).toBe(0);
    expect(raw).toMatch(/precis \d+ article\(s\) · /);
    expect(raw).not.toMatch(/\/3 articles/);
    expect((await screen(raw)).at(-1)).toMatch(/^precis: 3 article\(s\): 3 ok/);
  }, 60_000);

  test('--quiet draws nothing on stderr', async () => {
    const { raw } = await onTerminal(['extract', join(CORPUS, 'kr-budget-ai-fr.txt'), '-q']);
    expect(raw).not.toContain('\x1b[2K');
    expect(raw).not.toMatch(/^precis: /m);
  }, 60_000);
});
