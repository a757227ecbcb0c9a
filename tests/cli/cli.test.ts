import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PrecisRecord } from '../../src/index.js';
import { checkFigures } from '../../src/summarise/protect-figures.js';
import { type CliRun, CLI, CORPUS, ROOT, SEED, fixture, runPrecis } from '../helpers.js';

type Run = CliRun;

const precis = runPrecis;

const jsonl = (s: string): PrecisRecord[] => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as PrecisRecord);
const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'record.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

function expectValid(record: PrecisRecord): void {
  const ok = validate(record);
  expect(validate.errors ?? [], `${record.id}: ${JSON.stringify(validate.errors)}`).toEqual([]);
  expect(ok).toBe(true);
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'precis-cli-'));
});

describe('precis summarise on the corpus', () => {
  let run: Run;
  let records: PrecisRecord[];
  beforeAll(async () => {
    run = await precis(['summarise', 'corpus/', '--format', 'jsonl', '--include-text']);
    records = jsonl(run.stdout);
  });

  test('exits 0 with one valid record per article', () => {
    expect(run.code).toBe(0);
    const files = readdirSync(CORPUS).filter((f) => /\.(txt|md|html?|json)$/.test(f));
    expect(records.map((r) => r.id).sort()).toEqual(files.sort());
    for (const r of records) {
      expectValid(r);
      expect(r.error).toBeUndefined();
    }
  });

  test('the seed article: French, reliable, ≤ 30 sentences, boilerplate removed, 4 key sentences', () => {
    const seed = records.find((r) => r.id === 'kr-budget-ai-fr.txt')!;
    expect(seed.language).toMatchObject({ code: 'fra', iso1: 'fr', reliable: true, route: 'translate' });
    expect(seed.sentences).toBeLessThanOrEqual(30);
    expect(seed.boilerplate).toEqual([{ text: 'Début du contenu principal.', rule: 'skip-link' }]);
    expect(seed.text).not.toContain('Début du contenu principal');
    expect(seed.keySentences).toHaveLength(4);
    for (const s of seed.keySentences) expect(seed.text!.slice(s.start, s.end)).toBe(s.text);
    expect(seed.source).toMatchObject({ path: join('corpus', 'kr-budget-ai-fr.txt'), bytes: 6599, encoding: 'utf-8', format: 'text' });
  });

  test('routes each language and reads each format and encoding', () => {
    const byId = new Map(records.map((r) => [r.id, r]));
    expect(byId.get('kr-budget-en.txt')!.language).toMatchObject({ code: 'eng', route: 'none' });
    expect(byId.get('es-mercosur-trade-es.txt')!.language).toMatchObject({ code: 'spa', route: 'translate' });
    // Korean is read (amounts, pairs, rates) and routed to its model.
    const korean = byId.get('kr-exports-ko.txt')!;
    expect(korean.language).toMatchObject({ code: 'kor', route: 'translate' });
    expect(korean.amounts.map((a) => a.text)).toContain('143억 달러');
    expect(korean.pairs.map((p) => p.english)).toEqual(['US$14.3 billion (about ₩20 trillion)']);
    expect(korean.rates.map((r) => [r.text, r.base, r.quote])).toContainEqual(['1,398.5원', 'USD', 'KRW']);
    expect(byId.get('kr-ai-datacenters-fr-cp1252.txt')!.source.encoding).toBe('windows-1252');
    expect(byId.get('kr-shipbuilding-fr.html')!.source.format).toBe('html');
    expect(byId.get('kr-household-budget-fr.md')!.source.format).toBe('markdown');
    expect(byId.get('kr-semiconductor-fund-fr.json')!.source.format).toBe('json');
    const quoted = byId.get('kr-chips-exports-fr.txt')!.language!.paragraphs;
    expect(quoted).toEqual([expect.objectContaining({ code: 'eng' })]);
  });

  test('prints a summary line on stderr', () => {
    expect(run.stderr).toMatch(/precis: 13 article\(s\): 13 ok, 0 failed, 0 skipped/);
  });
});

describe('bad input', () => {
  let records: Map<string, PrecisRecord>;
  let run: Run;
  let socketServer: ReturnType<typeof createServer>;
  let socketPath: string;
  beforeAll(async () => {
    mkdirSync(join(tmp, 'no-articles'));
    writeFileSync(join(tmp, 'no-articles', 'notes.docx'), 'x');
    socketPath = join(tmp, 'unreadable.txt');
    socketServer = createServer();
    await new Promise<void>((r) => socketServer.listen(socketPath, r));
    run = await precis([
      'extract',
      fixture('bad-inputs'),
      join(tmp, 'does-not-exist.txt'),
      join(tmp, 'no-articles'),
      socketPath,
      '--format',
      'jsonl',
    ]);
    records = new Map(jsonl(run.stdout).map((r) => [r.id, r]));
  });
  afterAll(() => socketServer.close());

  test('exits 1, still writing every other article', () => {
    expect(run.code).toBe(1);
    expect(records.get('one-sentence.txt')!.error).toBeUndefined();
    for (const r of records.values()) expectValid(r);
  });

  test.for([
    ['empty.txt', 'INPUT_EMPTY'],
    ['whitespace-only.txt', 'INPUT_EMPTY'],
    ['boilerplate-only.txt', 'INPUT_EMPTY'],
    ['binary.txt', 'INPUT_BINARY'],
    ['not-article.json', 'INPUT_NOT_ARTICLE'],
    ['no-article-body.html', 'NO_ARTICLE_BODY'],
    ['portuguese.txt', 'UNSUPPORTED_LANGUAGE'],
    ['does-not-exist.txt', 'INPUT_NOT_FOUND'],
    ['unreadable.txt', 'INPUT_NOT_A_FILE'],
  ] as const)('%s → error %s with a message that says what to do', ([id, code]) => {
    const r = records.get(id)!;
    expect(r.error?.code).toBe(code);
    expect(r.error!.message.length).toBeGreaterThan(30);
    expect(r.error!.message).not.toMatch(/\n\s+at /);
  });

  test('invalid UTF-8 is read with a warning', () => {
    const r = records.get('invalid-utf8.txt')!;
    expect(r.error).toBeUndefined();
    expect(r.warnings.map((w) => w.code)).toContain('INVALID_UTF8');
    expect(r.language?.code).toBe('fra');
  });

  test('a one-sentence article gets a warning', () => {
    expect(records.get('one-sentence.txt')!.warnings.map((w) => w.code)).toContain('SHORT_ARTICLE');
  });

  test('a directory with no articles is a warning on stderr', () => {
    expect(run.stderr).toContain(`${join(tmp, 'no-articles')} holds no article files`);
  });

  test('a file over --max-bytes is a per-file error', async () => {
    const r = await precis(['extract', SEED, join(CORPUS, 'kr-budget-en.txt'), '--max-bytes', '5kB', '--format', 'jsonl']);
    expect(r.code).toBe(1);
    const [seed, en] = jsonl(r.stdout);
    expect(seed!.error).toMatchObject({ code: 'INPUT_TOO_LARGE', message: expect.stringMatching(/--max-bytes/) });
    expect(en!.error).toBeUndefined();
  });

  test('only a directory with no articles: exit 1', async () => {
    const r = await precis(['extract', join(tmp, 'no-articles'), '-q']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
  });
});

describe('--out, run.json and --resume', () => {
  test('writes one JSON file per article and run.json, then resumes', async () => {
    const input = join(tmp, 'resume-in');
    const out = join(tmp, 'resume-out');
    cpSync(CORPUS, input, { recursive: true });
    const first = await precis(['summarise', input, '--out', out, '--concurrency', '3']);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    const files = readdirSync(out).sort();
    expect(files).toContain('run.json');
    expect(files).toContain('kr-budget-ai-fr.txt.json');
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const run1 = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run1).toMatchObject({ command: 'summarise', counts: { total: 13, ok: 13, failed: 0, skipped: 0 }, interrupted: false });
    expect(run1.seconds).toBeGreaterThan(0);
    expectValid(JSON.parse(readFileSync(join(out, 'kr-budget-ai-fr.txt.json'), 'utf8')));

    writeFileSync(join(input, 'kr-budget-en.txt'), readFileSync(join(input, 'kr-budget-en.txt'), 'utf8') + '\nOne more line was added to this story on Wednesday.\n');
    const second = await precis(['summarise', input, '--out', out, '--resume']);
    expect(second.code).toBe(0);
    const run2 = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run2.counts).toMatchObject({ total: 13, ok: 1, skipped: 12 });

    const third = await precis(['summarise', input, '--out', out, '--resume', '--sentences', '2']);
    expect(third.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).counts).toMatchObject({ ok: 13, skipped: 0 });

    // A new format on resume: the Markdown files are written from the stored records, nothing is redone.
    const fourth = await precis(['summarise', input, '--out', out, '--resume', '--sentences', '2', '--format', 'md']);
    expect(fourth.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).counts).toMatchObject({ ok: 0, skipped: 13 });
    expect(readdirSync(out).filter((f) => f.endsWith('.md'))).toHaveLength(13);
    expect(readFileSync(join(out, 'kr-budget-ai-fr.txt.md'), 'utf8')).toMatch(/^## kr-budget-ai-fr.txt/);
  });

  test('no two inputs share an output file: names made safe carry a hash, "run" and folders named like records too', async () => {
    const input = join(tmp, 'collide-in');
    const out = join(tmp, 'collide-out');
    mkdirSync(join(input, 'a.txt.json'), { recursive: true });
    const text = readFileSync(SEED, 'utf8');
    for (const name of ['a?.txt', 'a_.txt', 'run', 'a.txt', join('a.txt.json', 'b.txt')]) writeFileSync(join(input, name), text);
    // The folder gives "a?.txt", "a_.txt", "a.txt" and "a.txt.json/b.txt"; "run" is named on its own.
    const r = await precis(['extract', input, join(input, 'run'), '--out', out, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(summary.counts).toMatchObject({ total: 5, ok: 5, failed: 0 });
    const records = readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.json') && f !== 'run.json');
    expect(records).toHaveLength(5);
    expect(new Set(records.map((f) => JSON.parse(readFileSync(join(out, f), 'utf8')).id)).size).toBe(5);
  });

  test('a second run on a folder another run is writing is refused; a stopped run\'s lock and temporary files are cleared', async () => {
    const out = join(tmp, 'locked-out');
    mkdirSync(out, { recursive: true });
    // A live process that is not precis holds the lock.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(out, '.precis.lock'), JSON.stringify({ pid: holder.pid, command: 'extract' }));
      const refused = await precis(['extract', SEED, '--out', out]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/being written by another precis run/);
      expect(existsSync(join(out, 'run.json'))).toBe(false);
    } finally {
      holder.kill();
    }
    // The holder is gone: its lock is stale, and what it left half-written is removed.
    await new Promise((r) => holder.once('exit', r));
    writeFileSync(join(out, 'seed.txt.json.12345.0a1b2c3d.tmp'), '{"half":');
    const resumed = await precis(['extract', SEED, '--out', out, '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/took over the lock/);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp') || f === '.precis.lock')).toEqual([]);
  });

  test('a run over a folder written with other options says so', async () => {
    const out = join(tmp, 'mixed-out');
    expect((await precis(['extract', SEED, '--out', out])).code).toBe(0);
    const second = await precis(['extract', SEED, '--out', out, '--sentences', '2']);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/records of an earlier run with other options/);
  });

  test('a pipe given as a path is an INPUT_NOT_A_FILE error, not a hang', async () => {
    const fifo = join(tmp, 'pipe.txt');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) {
      console.warn('mkfifo is not available here: the FIFO case did not run');
      return;
    }
    const r = await precis(['extract', fifo, SEED, '--format', 'jsonl']);
    expect(r.code).toBe(1);
    const records = jsonl(r.stdout);
    expect(records.find((x) => x.id === 'pipe.txt')?.error?.code).toBe('INPUT_NOT_A_FILE');
    expect(records.filter((x) => !x.error)).toHaveLength(1);
  });

  test('--format md with --out also writes Markdown briefs', async () => {
    const out = join(tmp, 'md-out');
    const r = await precis(['summarise', SEED, '--out', out, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'kr-budget-ai-fr.txt.md'), 'utf8')).toMatch(/^## /);
    expect(existsSync(join(out, 'kr-budget-ai-fr.txt.json'))).toBe(true);
  });
});

describe('formats and input', () => {
  test('--format json prints one JSON array', async () => {
    const r = await precis(['extract', SEED, join(CORPUS, 'kr-budget-en.txt'), '--format', 'json']);
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.stdout) as PrecisRecord[];
    expect(parsed.map((x) => x.id)).toEqual(['kr-budget-ai-fr.txt', 'kr-budget-en.txt']);
  });

  test('--format md prints a brief per article', async () => {
    const r = await precis(['summarise', SEED, '--format', 'md']);
    expect(r.stdout).toMatch(/^## /);
    expect(r.stdout).toContain('**Key sentences**');
    expect(r.stdout).toMatch(/French \(fra, confidence 1\.00\)/);
  });

  test('--format text prints plain text', async () => {
    const r = await precis(['summarise', SEED, '--format', 'text', '-n', '2']);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('  * '))).toHaveLength(2);
  });

  test('jsonl is the default when stdout is not a terminal', async () => {
    const r = await precis(['extract', SEED, '-q']);
    expect(jsonl(r.stdout)).toHaveLength(1);
    expect(r.stderr).toBe('');
  });

  test('reads standard input with -', async () => {
    const r = await precis(['summarise', '-', '--format', 'jsonl'], { input: readFileSync(SEED) });
    expect(r.code).toBe(0);
    const [record] = jsonl(r.stdout);
    expect(record).toMatchObject({ id: 'stdin', source: { path: null, format: 'text' }, language: { code: 'fra' } });
  });

  test('--languages restricts detection', async () => {
    const r = await precis(['extract', fixture('bad-inputs', 'portuguese.txt'), '--languages', 'fra,eng', '-q']);
    expect(jsonl(r.stdout)[0]!.language?.code).not.toBe('por');
  });
});

describe('usage', () => {
  test.for([
    [['summarise']],
    [['summarise', 'corpus/', '--resume']],
    [['summarise', 'corpus/', '--concurrency', '0']],
    [['summarise', 'corpus/', '--format', 'xml']],
    [['summarise', 'corpus/', '--max-bytes', 'lots']],
    [['summarise', 'corpus/', '--languages', 'french']],
    [['frobnicate']],
  ] as const)('%j exits 2 with a message', async ([args]) => {
    const r = await precis(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error|precis:/i);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('a run that stops on its flags before reading its input: exit 2, and the closed pipe is no error', async () => {
    const r = await precis(['extract', '-', '--format', 'xml'], { input: Buffer.alloc(8 * 1024 * 1024, 'a') });
    expect(r.code).toBe(2);
  });

  test('--version and --help', async () => {
    const version = await precis(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const help = await precis(['summarise', '--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--format', '--out', '--concurrency', '--resume', '--max-bytes', '--quiet', '--include', '--exclude', '--languages', '--sentences']) {
      expect(help.stdout).toContain(flag);
    }
  });

  test('summarize is an alias of summarise', async () => {
    const r = await precis(['summarize', SEED, '-q']);
    expect(r.code).toBe(0);
    expect(jsonl(r.stdout)).toHaveLength(1);
  });
});

describe('what the help and the folder walk promise', () => {
  test('a folder is read for its article files in any case of extension ("D.TXT")', async () => {
    const dir = join(tmp, 'upper');
    mkdirSync(dir);
    cpSync(SEED, join(dir, 'D.TXT'));
    cpSync(SEED, join(dir, 'e.Md'));
    const r = await precis(['extract', dir, '-q']);
    expect(r.code).toBe(0);
    expect(jsonl(r.stdout).map((x) => x.id)).toEqual(['D.TXT', 'e.Md']);
  });

  test('--help lists every extension read and shows sizes as sizes', async () => {
    const r = await precis(['extract', '--help']);
    const help = r.stdout.replace(/\s+/g, ' ');
    for (const ext of ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml', 'json']) expect(help).toContain(`*.${ext}`);
    expect(help).toContain('(default: 10MB)');
    expect(help).not.toContain('10485760');
  });

  test('models verify exits 1 when a declared model is missing, and says how to get it', async () => {
    const r = await precis(['models', 'verify', '--models-dir', mkdtempSync(join(tmpdir(), 'precis-none-'))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/declared model\(s\) missing .*precis models pull/);
  });
});

describe('interruption', () => {
  test('Ctrl-C stops taking articles, flushes, writes run.json and exits 130', async () => {
    const input = join(tmp, 'many');
    mkdirSync(input);
    for (let i = 0; i < 3000; i++) symlinkSync(SEED, join(input, `a${String(i).padStart(4, '0')}.txt`));
    const out = join(tmp, 'many-out');
    const child = spawn(process.execPath, [CLI, 'extract', input, '--out', out, '--concurrency', '2'], { stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(out) && readdirSync(out).length > 20) {
          clearInterval(poll);
          resolve();
        }
      }, 20);
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stderr).toMatch(/stopping/);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run.interrupted).toBe(true);
    const written = readdirSync(out).filter((f) => f !== 'run.json');
    expect(written.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(written.length).toBe(run.counts.total);
    expect(run.counts.total).toBeLessThan(3000);
    for (const f of written.slice(-5)) expect(() => JSON.parse(readFileSync(join(out, f), 'utf8'))).not.toThrow();
  });

  test('Ctrl-C in the middle of one long article stops it: exit 130, no record for it', async () => {
    // Seconds of extraction in one stage: the signal must not wait for the stage to end.
    const dir = join(tmp, 'one-long');
    mkdirSync(dir);
    writeFileSync(join(dir, 'long.txt'), `${readFileSync(SEED, 'utf8')}\n\n`.repeat(900));
    const out = join(tmp, 'one-long-out');
    const child = spawn(process.execPath, [CLI, 'extract', dir, '--out', out, '--timeout', '600000'], { stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // The lock file says the run has started; the article is then in a thread.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(join(out, '.precis.lock'))) {
          clearInterval(poll);
          setTimeout(resolve, 500);
        }
      }, 20);
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stderr).toMatch(/stopping/);
    expect(readdirSync(out).sort()).toEqual(['run.json']);
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'))).toMatchObject({ interrupted: true });
  }, 60_000);
});

describe('deadlines', () => {
  test('--timeout: an article past it is a TIMEOUT record, the others are read, exit 1', async () => {
    const dir = join(tmp, 'deadline');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a-long.txt'), `${readFileSync(SEED, 'utf8')}\n\n`.repeat(900));
    cpSync(SEED, join(dir, 'b-seed.txt'));
    const r = await precis(['extract', dir, '--timeout', '1500', '--concurrency', '1', '-q']);
    expect(r.code).toBe(1);
    const records = jsonl(r.stdout);
    expect(records.map((x) => [x.id, x.error?.code])).toEqual([
      ['a-long.txt', 'TIMEOUT'],
      ['b-seed.txt', undefined],
    ]);
    records.forEach(expectValid);
  }, 60_000);
});

describe('progress', () => {
  test('a progress bar with done/total, rate and ETA appears on stderr when it is a terminal', async () => {
    // `script` gives the CLI a pseudo-terminal, as a person's shell would.
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} extract ${JSON.stringify(CORPUS)} --format jsonl > /dev/null`;
    const run = await new Promise<Run>((resolve, reject) => {
      // The runner's own CI or TERM=dumb would (rightly) turn the bar off; a person's shell has neither.
      const env = { ...process.env, TERM: 'xterm-256color', CI: '' };
      const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], { stdio: 'pipe', env });
      let stdout = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr: '' }));
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/precis [█░]{20} \d+\/13 articles · [\d.]+\/s/);
  });

  test('no progress bar when stderr is not a terminal', async () => {
    const r = await precis(['extract', SEED]);
    expect(r.stderr).not.toMatch(/articles ·|\x1b\[2K/);
  });
});

describe('extraction options', () => {
  test('--default-dollar decides a bare $ outside Canadian articles', async () => {
    const input = 'Le chantier naval a vendu un navire pour 96 millions $ à un acheteur étranger, a annoncé mardi la direction du groupe.';
    const usd = jsonl((await precis(['extract', '-', '-q'], { input })).stdout)[0]!;
    expect(usd.amounts[0]).toMatchObject({ currency: 'USD', ambiguous: true });
    const aud = jsonl((await precis(['extract', '-', '-q', '--default-dollar', 'aud'], { input })).stdout)[0]!;
    expect(aud.amounts[0]).toMatchObject({ currency: 'AUD', ambiguous: true });
  });

  test('--pair-tolerance changes which pairs are flagged', async () => {
    const input =
      'Le premier contrat signé par le groupe vaut 1 000 milliards de wons (700 millions $ US). Le deuxième contrat atteint 2 000 milliards de wons (1,4 milliard $ US). Le dernier coûte 3 milliards de wons (2 millions $ US).';
    const strict = jsonl((await precis(['extract', '-', '-q', '--pair-tolerance', '2'], { input })).stdout)[0]!;
    const loose = jsonl((await precis(['extract', '-', '-q', '--pair-tolerance', '10'], { input })).stdout)[0]!;
    expect(strict.pairs.map((p) => p.consistent)).toEqual([true, true, false]);
    expect(strict.warnings.map((w) => w.code)).toContain('INCONSISTENT_PAIR');
    expect(loose.pairs.map((p) => p.consistent)).toEqual([true, true, true]);
  });
});

describe('--entities: rules, the NER model, or both', () => {
  const named = (r: PrecisRecord) => r.entities.filter((e) => ['PERSON', 'ORG', 'LOC'].includes(e.type));

  test('rules: no model is read; the default without the NER model', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'precis-nomodels-'));
    const rules = await precis(['extract', SEED, '-q', '--entities', 'rules', '--models-dir', fixture('models')]);
    const byDefault = await precis(['extract', SEED, '-q', '--models-dir', empty]);
    expect(rules.code).toBe(0);
    const [a, b] = [jsonl(rules.stdout)[0]!, jsonl(byDefault.stdout)[0]!];
    expectValid(a);
    expect(named(a).length).toBeGreaterThan(0);
    expect(named(a)).toEqual(named(b));
    expect(a.warnings.map((w) => w.code)).not.toContain('MODEL_MISSING');
  });

  test('model and both with the fixture NER model: valid entities, rules kept under both', async () => {
    const rules = jsonl((await precis(['extract', SEED, '-q', '--entities', 'rules'])).stdout)[0]!;
    for (const mode of ['model', 'both']) {
      const run = await precis(['extract', SEED, '-q', '--include-text', '--entities', mode, '--models-dir', fixture('models')]);
      expect(run.code, run.stderr).toBe(0);
      const r = jsonl(run.stdout)[0]!;
      expectValid(r);
      expect(r.warnings.map((w) => w.code)).not.toContain('MODEL_MISSING');
      for (const e of named(r)) for (const m of e.mentions) expect(r.text!.slice(m.start, m.end)).toBe(m.text);
      if (mode === 'both') {
        const mentions = named(r).flatMap((e) => e.mentions);
        for (const m of named(rules).flatMap((e) => e.mentions)) expect(mentions).toContainEqual(m);
      }
    }
  });

  test('both without the model: the rules, a MODEL_MISSING warning naming precis models pull, exit 0', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'precis-nomodels-'));
    const run = await precis(['extract', SEED, '-q', '--entities', 'both', '--models-dir', empty]);
    expect(run.code).toBe(0);
    const r = jsonl(run.stdout)[0]!;
    const rules = jsonl((await precis(['extract', SEED, '-q', '--entities', 'rules'])).stdout)[0]!;
    expect(named(r)).toEqual(named(rules));
    const warning = r.warnings.find((w) => w.code === 'MODEL_MISSING');
    expect(warning).toMatchObject({ stage: 'extract-entities', message: expect.stringContaining('precis models pull Xenova/bert-base-multilingual-cased-ner-hrl') });
  });

  test('an unknown mode is a usage error', async () => {
    const run = await precis(['extract', SEED, '-q', '--entities', 'magic']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--entities/);
  });
});

describe('summaries', () => {
  test('without models: exit 0, every French record has an extractive summary and one warning naming precis models pull', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'precis-nomodels-'));
    const run = await precis(['summarise', 'corpus/', '--format', 'jsonl', '--models-dir', empty]);
    expect(run.code).toBe(0);
    const french = jsonl(run.stdout).filter((r) => r.language?.code === 'fra');
    expect(french.length).toBeGreaterThanOrEqual(8);
    for (const r of french) {
      expectValid(r);
      expect(r.summary?.strategy, r.id).toBe('extractive');
      expect(r.warnings.filter((w) => w.message.includes('precis models pull')), r.id).toHaveLength(1);
    }
    // In a stream of briefs, a model's MODEL_MISSING warning is shown once, not under every article.
    const md = await precis(['summarise', 'corpus/', '--format', 'md', '--models-dir', empty]);
    const missingLines = md.stdout.split('\n').filter((l) => l.includes('MODEL_MISSING'));
    expect(missingLines.length).toBeGreaterThan(0);
    expect(new Set(missingLines).size).toBe(missingLines.length);
    // The summary line says what "ok" hides, and how to fix it.
    const quietless = await precis(['summarise', SEED, '--format', 'jsonl', '--models-dir', empty]);
    expect(quietless.stderr).toMatch(/1 ok, 0 failed.*; summaries extractive for 1: models missing — run `precis models pull Xenova\/opus-mt-fr-en`/);
  });

  test('with the fixture models: extract-translate summaries, figures never silently wrong', async () => {
    const run = await precis(['summarise', 'corpus/', '--format', 'jsonl', '--models-dir', fixture('models'), '--max-new-tokens', '8']);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/MarianTokenizer/);
    for (const r of jsonl(run.stdout)) {
      expectValid(r);
      expect(r.summary?.strategy, r.id).toBe('extract-translate');
      const chosen = r.amounts.filter((a) => r.keySentences.some((s) => a.start >= s.start && a.end <= s.end));
      for (const a of chosen) {
        const stated = checkFigures(r.summary!.text, [{ currency: a.currency, value: a.value, english: a.english }]).missing.length === 0;
        const flagged = r.summary!.warnings.some((w) => w.message.includes(a.english));
        expect(stated || flagged, `${r.id}: ${a.english}`).toBe(true);
      }
    }
  });

  test('the sentences of articles in flight share model calls: run.json reports a mean batch above 4 at --concurrency 4', async () => {
    const out = join(tmp, 'pooled');
    const run = await precis(['summarise', 'corpus/', '--models-dir', fixture('models'), '--concurrency', '4', '--max-new-tokens', '8', '--out', out, '-q']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { generation: { calls: number; sentences: number; meanBatch: number } };
    expect(summary.generation.sentences).toBeGreaterThan(0);
    expect(summary.generation.meanBatch).toBeGreaterThan(4);
  });

  test('--engine transformers runs the transformers.js pipeline: the same kind of record', async () => {
    const run = await precis(['summarise', SEED, '--format', 'jsonl', '--models-dir', fixture('models'), '--max-new-tokens', '8', '--engine', 'transformers']);
    expect(run.code).toBe(0);
    const [record] = jsonl(run.stdout);
    expectValid(record!);
    expect(record!.summary?.strategy).toBe('extract-translate');
    expect((await precis(['summarise', SEED, '--engine', 'magic'])).code).toBe(2);
  });

  test('extract adds no summary', async () => {
    const r = jsonl((await precis(['extract', SEED, '-q'])).stdout)[0]!;
    expect(r.summary).toBeNull();
  });
});
