// The gold evaluation sets' own tools (see tests/fixtures/gold/README.md).
//   npm run gold -- locate FILE...   fill start/end of every span from its text (+ nth)
//   npm run gold -- check [DIR...]   verify the files; default: every language folder
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GOLD = fileURLToPath(new URL('../tests/fixtures/gold', import.meta.url));
const LANGUAGES = ['fra', 'eng', 'spa', 'deu', 'ita', 'kor'];
const TYPES = new Set(['PERSON', 'ORG', 'LOC']);
// Market convention for the base of a quote.
const BASE_ORDER = ['EUR', 'GBP', 'AUD', 'NZD', 'USD', 'CAD', 'CHF', 'CNY', 'HKD', 'SGD', 'TWD', 'JPY', 'INR', 'KRW'];

interface Located {
  text: string;
  start?: number;
  end?: number;
  nth?: number;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isHangul = (c: string | undefined) => c !== undefined && /\p{Script=Hangul}/u.test(c);

/** A span may touch a Korean particle on its right; elsewhere it must sit on word boundaries. */
function onBoundary(text: string, start: number, end: number): boolean {
  if (isWordChar(text[start - 1]) && !(isHangul(text[start - 1]) && !isHangul(text[start]))) return false;
  if (isWordChar(text[end]) && !(isHangul(text[end]) && isHangul(text[end - 1]))) return false;
  return true;
}

function locateList(text: string, spans: Located[], label: string, problems: string[]): void {
  let from = 0;
  for (const span of spans) {
    if (typeof span.text !== 'string' || span.text === '') {
      problems.push(`${label}: a span without text`);
      continue;
    }
    let skip = (span.nth ?? 1) - 1;
    let at = text.indexOf(span.text, from);
    while (at !== -1 && (!onBoundary(text, at, at + span.text.length) || skip > 0)) {
      if (onBoundary(text, at, at + span.text.length)) skip--;
      at = text.indexOf(span.text, at + 1);
    }
    if (at === -1) {
      problems.push(`${label}: "${span.text}" not found after offset ${from}`);
      continue;
    }
    span.start = at;
    span.end = at + span.text.length;
    from = span.end;
  }
}

function locate(file: string): number {
  const textFile = file.replace(/\.gold\.json$/, '.txt');
  const text = readFileSync(textFile, 'utf8');
  const gold = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const problems: string[] = [];
  locateList(text, (gold.amounts as Located[]) ?? [], 'amounts', problems);
  locateList(text, (gold.rates as Located[]) ?? [], 'rates', problems);
  for (const entity of (gold.entities as Array<{ text: string; mentions: Located[] }>) ?? []) {
    locateList(text, entity.mentions ?? [], `entity "${entity.text}"`, problems);
  }
  // Key order as the README shows it, offsets right after the text.
  const ordered = (o: Record<string, unknown>) => {
    const { text: t, start, end, ...rest } = o;
    return { text: t, start, end, ...rest };
  };
  gold.amounts = ((gold.amounts as Located[]) ?? []).map((a) => ordered(a as unknown as Record<string, unknown>));
  gold.rates = ((gold.rates as Located[]) ?? []).map((a) => ordered(a as unknown as Record<string, unknown>));
  for (const e of (gold.entities as Array<{ mentions: Located[] }>) ?? []) {
    e.mentions = e.mentions.map((m) => ordered(m as unknown as Record<string, unknown>) as unknown as Located);
  }
  for (const p of problems) console.log(`ERROR ${basename(file)}: ${p}`);
  if (problems.length === 0) {
    writeFileSync(file, `${JSON.stringify(gold, null, 2)}\n`);
    console.log(`${basename(file)}: located`);
  }
  return problems.length;
}

interface GoldFile {
  language: string;
  split: string;
  origin: string;
  date: string | null;
  amounts: Array<Located & { currency: string; value: string; approx: boolean; per: string | null; range: string | null; ambiguous?: boolean }>;
  pairs: Array<{ a: number; b: number; consistent: boolean }>;
  rates: Array<Located & { base: string; quote: string; value: string }>;
  entities: Array<{ text: string; type: string; optional: boolean; mentions: Located[] }>;
  notMoney: string[];
}

function checkFolder(dir: string): { errors: number; rows: string[] } {
  let errors = 0;
  const rows: string[] = [];
  const language = basename(dir);
  const files = readdirSync(dir).filter((f) => /^\d{2,}-[a-z0-9-]+\.txt$/.test(f)).sort();
  for (const f of files) {
    const base = f.replace(/\.txt$/, '');
    const err = (m: string) => {
      errors++;
      console.log(`ERROR ${language}/${base}: ${m}`);
    };
    const text = readFileSync(join(dir, f), 'utf8');
    if (text.charCodeAt(0) === 0xfeff) err('BOM');
    if (text.includes('\r')) err('CR line ending');
    if (text !== text.normalize('NFC')) err('not NFC');
    if (text.endsWith('\n')) err('trailing newline');
    text.split('\n').forEach((l, i) => {
      if (!l.trim()) err(`empty line ${i + 1}`);
      else if (/^\s|\s$/u.test(l)) err(`leading/trailing white space on line ${i + 1}`);
    });
    const goldPath = join(dir, `${base}.gold.json`);
    if (!existsSync(goldPath)) {
      err('missing .gold.json');
      continue;
    }
    let gold: GoldFile;
    try {
      gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldFile;
    } catch (e) {
      err(`bad JSON: ${(e as Error).message}`);
      continue;
    }
    if (gold.language !== language) err(`language "${gold.language}" in folder ${language}`);
    if (gold.split !== 'dev' && gold.split !== 'test') err(`split must be dev or test, got ${gold.split}`);
    if (!['seed', 'written', 'wire-style'].includes(gold.origin)) err(`origin must be seed, written or wire-style, got ${gold.origin}`);
    if (gold.date !== null && !/^\d{4}-\d\d-\d\d$/.test(gold.date ?? '')) err(`date must be YYYY-MM-DD or null, got ${gold.date}`);
    for (const k of ['amounts', 'pairs', 'rates', 'entities', 'notMoney'] as const) if (!Array.isArray(gold[k])) err(`missing array ${k}`);
    const spanOk = (s: Located, tag: string) => {
      if (typeof s.start !== 'number' || typeof s.end !== 'number') return err(`${tag}: no offsets (run locate)`);
      if (text.slice(s.start, s.end) !== s.text) return err(`${tag}: span reads "${text.slice(s.start, s.end)}"`);
      if (!onBoundary(text, s.start, s.end)) err(`${tag}: not on a word boundary`);
    };
    let previous = -1;
    (gold.amounts ?? []).forEach((a, i) => {
      const tag = `amount[${i}] "${a.text}"`;
      spanOk(a, tag);
      if ((a.start ?? 0) < previous) err(`${tag}: overlaps or precedes the previous amount`);
      previous = a.end ?? previous;
      if (!/^[A-Z]{3}$/.test(a.currency)) err(`${tag}: currency ${a.currency}`);
      if (!/^(0|[1-9]\d*)(\.\d*[1-9])?$/.test(a.value)) err(`${tag}: value ${a.value} is not a plain decimal`);
      if (typeof a.approx !== 'boolean') err(`${tag}: approx must be boolean`);
      if (a.per !== null && typeof a.per !== 'string') err(`${tag}: per must be null or a string`);
      if (a.range !== null && a.range !== 'low' && a.range !== 'high') err(`${tag}: range must be null, low or high`);
      if (a.range === 'low' && gold.amounts[i + 1]?.range !== 'high') err(`${tag}: a low end must be followed by its high end`);
    });
    const groups = new Map<string, Array<{ i: number; rate: number; consistent: boolean }>>();
    (gold.pairs ?? []).forEach((p, i) => {
      const A = gold.amounts[p.a];
      const B = gold.amounts[p.b];
      if (!A || !B) return err(`pair[${i}]: index out of range`);
      if (p.a >= p.b) err(`pair[${i}]: a must be printed before b`);
      if (A.currency === B.currency) err(`pair[${i}]: same currency`);
      if (typeof p.consistent !== 'boolean') err(`pair[${i}]: consistent must be boolean`);
      const [base, quote] = BASE_ORDER.indexOf(A.currency) !== -1 && (BASE_ORDER.indexOf(B.currency) === -1 || BASE_ORDER.indexOf(A.currency) < BASE_ORDER.indexOf(B.currency)) ? [A, B] : [B, A];
      const key = `${base.currency}/${quote.currency}`;
      groups.set(key, [...(groups.get(key) ?? []), { i, rate: Number(quote.value) / Number(base.value), consistent: p.consistent }]);
    });
    (gold.rates ?? []).forEach((r, i) => {
      const tag = `rate[${i}] "${r.text}"`;
      spanOk(r, tag);
      if (!/^[A-Z]{3}$/.test(r.base) || !/^[A-Z]{3}$/.test(r.quote)) err(`${tag}: base/quote must be ISO codes`);
      if (!/^(0|[1-9]\d*)(\.\d*[1-9])?$/.test(r.value)) err(`${tag}: value ${r.value} is not a plain decimal`);
      if ((gold.amounts ?? []).some((a) => (a.start ?? 0) < (r.end ?? 0) && (r.start ?? 0) < (a.end ?? 0))) err(`${tag}: overlaps an amount`);
    });
    let mentions = 0;
    for (const e of gold.entities ?? []) {
      const tag = `entity "${e.text}"`;
      if (!TYPES.has(e.type)) err(`${tag}: type ${e.type}`);
      if (typeof e.optional !== 'boolean') err(`${tag}: optional must be boolean`);
      if (!Array.isArray(e.mentions) || e.mentions.length === 0) {
        err(`${tag}: no mentions`);
        continue;
      }
      e.mentions.forEach((m, k) => {
        mentions++;
        spanOk(m, `${tag} mention ${k}`);
      });
    }
    for (const s of gold.notMoney ?? []) if (!text.includes(s)) err(`notMoney "${s}" not in the text`);
    const rateText = [...groups.entries()]
      .map(([key, g]) => `${key} ${g.map((x) => `${x.rate >= 10 ? x.rate.toFixed(1) : x.rate.toPrecision(4)}${x.consistent ? '' : '(off)'}`).join(' ')}`)
      .join('; ');
    rows.push(
      `${`${language}/${base}`.padEnd(36)} ${gold.split.padEnd(4)} ${String(text.length).padStart(5)} ${String(gold.amounts?.length ?? 0).padStart(4)} ${String(gold.pairs?.length ?? 0).padStart(4)} ${String(gold.rates?.length ?? 0).padStart(4)} ${String(mentions).padStart(5)}  ${rateText}`,
    );
  }
  return { errors, rows };
}

const [command, ...args] = process.argv.slice(2);
if (command === 'locate') {
  let problems = 0;
  for (const file of args) problems += locate(file);
  process.exit(problems ? 1 : 0);
} else if (command === 'check') {
  const dirs = args.length > 0 ? args : LANGUAGES.map((l) => join(GOLD, l)).filter((d) => existsSync(d) && statSync(d).isDirectory());
  let errors = 0;
  const rows: string[] = [];
  for (const dir of dirs) {
    const result = checkFolder(dir);
    errors += result.errors;
    rows.push(...result.rows);
  }
  console.log(`\n${'article'.padEnd(36)} split chars amts pairs rates ments  pair rates`);
  for (const r of rows) console.log(r);
  console.log(`\n${rows.length} article(s), ${errors} error(s)`);
  process.exit(errors ? 1 : 0);
} else {
  console.error(`usage: npm run gold -- locate FILE... | check [DIR...]   (in ${dirname(GOLD)})`);
  process.exit(2);
}
