import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CLI, ROOT, SEED, fixture } from '../helpers.js';

function precis(args: readonly string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('an --out folder of summaries is not replaced by extract records', () => {
  test('extract into it is refused unless --overwrite', () => {
    const out = mkdtempSync(join(tmpdir(), 'precis-outdir-'));
    const models = ['--models-dir', fixture('models'), '--max-new-tokens', '4'];
    expect(precis(['summarise', SEED, '--out', out, '-q', ...models]).status).toBe(0);
    const summarised = readFileSync(join(out, 'kr-budget-ai-fr.txt.json'), 'utf8');
    expect(JSON.parse(summarised).summary).not.toBeNull();

    const refused = precis(['extract', SEED, '--out', out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/holds records of a summarise run; extract would replace them .* --overwrite/);
    expect(readFileSync(join(out, 'kr-budget-ai-fr.txt.json'), 'utf8')).toBe(summarised);
    // Not with --resume either: its records are of another command, so it would redo them all.
    expect(precis(['extract', SEED, '--out', out, '--resume']).status).toBe(2);

    const replaced = precis(['extract', SEED, '--out', out, '--overwrite', '-q']);
    expect(replaced.status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'kr-budget-ai-fr.txt.json'), 'utf8')).summary).toBeNull();
  }, 60_000);
});
