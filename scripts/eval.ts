// Evaluation you can rerun: precision/recall/F1 of precis's extraction
//   - on the project's gold set (tests/fixtures/gold): amounts, pairs, entities per type;
//   - on Microsoft Recognizers-Text's own French and English currency specs (read by path,
//     default ../shared/peer-specs), exact span and value;
//   - with @microsoft/recognizers-text-suite run on the same inputs, side by side.
// Usage: npm run eval [-- --peer-specs DIR] [-- --verbose]
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createPipeline } from '../src/index.js';
import { foldForMatching } from '../src/ingest/normalise-text.js';
import { extractMoney } from '../src/money/extract-money.js';
import { readGold } from './lib/gold.js';
import { addCounts, ENTITY_TYPES, prf, scoreAmounts, scoreEntities, scorePairs, ZERO, type Counts } from './lib/score.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    'peer-specs': { type: 'string', default: join(root, '..', 'shared', 'peer-specs') },
    verbose: { type: 'boolean', default: false },
    'skip-peer': { type: 'boolean', default: false },
  },
});
const verbose = values.verbose ?? false;
const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)} %`;
const line = (label: string, c: Counts) => {
  const p = prf(c);
  return `${label.padEnd(28)} P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}   (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
};

// ---------- Recognizers-Text, loaded once (it takes seconds) ----------
interface RtResult {
  text: string;
  start: number;
  end: number;
  resolution?: { value?: string | null; unit?: string; isoCurrency?: string };
}
type Recognize = (input: string, culture: string) => RtResult[];
let rt: { recognize: Recognize; fr: string; en: string; loadMs: number } | null = null;
function recognizers() {
  if (rt) return rt;
  const started = performance.now();
  const suite = createRequire(import.meta.url)('@microsoft/recognizers-text-suite') as {
    recognizeCurrency: Recognize;
    Culture: { French: string; English: string };
  };
  suite.recognizeCurrency('warm up 5 dollars', suite.Culture.French);
  rt = { recognize: suite.recognizeCurrency, fr: suite.Culture.French, en: suite.Culture.English, loadMs: performance.now() - started };
  return rt;
}

// Recognizers-Text unit names → ISO 4217 (or a set of acceptable codes), and sub-units.
const DOLLARS = ['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'TWD', 'SGD'];
const UNIT_CODES: Record<string, { codes: string[]; divisor?: number }> = {
  dollar: { codes: DOLLARS },
  'dollar canadien': { codes: ['CAD'] },
  'canadian dollar': { codes: ['CAD'] },
  'dollar états-unis': { codes: ['USD'] },
  'united states dollar': { codes: ['USD'] },
  'dollar australien': { codes: ['AUD'] },
  'australian dollar': { codes: ['AUD'] },
  'dollar de hong kong': { codes: ['HKD'] },
  'hong kong dollar': { codes: ['HKD'] },
  'dollar néo-zélandais': { codes: ['NZD'] },
  'new zealand dollar': { codes: ['NZD'] },
  livre: { codes: ['GBP'] },
  pound: { codes: ['GBP'] },
  'british pound': { codes: ['GBP'] },
  euro: { codes: ['EUR'] },
  'yen japonais': { codes: ['JPY'] },
  'japanese yen': { codes: ['JPY'] },
  'yuan chinois': { codes: ['CNY'] },
  'chinese yuan': { codes: ['CNY'] },
  franc: { codes: ['CHF', 'FRF', 'XOF'] },
  'franc suisse': { codes: ['CHF'] },
  'swiss franc': { codes: ['CHF'] },
  'roupie indienne': { codes: ['INR'] },
  roupie: { codes: ['INR'] },
  rupee: { codes: ['INR'] },
  'mexican peso': { codes: ['MXN'] },
  'mark finlandais': { codes: ['FIM'] },
  'finnish markka': { codes: ['FIM'] },
  'florins néerlandais': { codes: ['NLG'] },
  'netherlands guilder': { codes: ['NLG'] },
  peseta: { codes: ['ESP'] },
  'turkish lira': { codes: ['TRY'] },
  cent: { codes: [...DOLLARS, 'EUR'], divisor: 100 },
  centimes: { codes: ['EUR', 'CHF', 'FRF'], divisor: 100 },
  pence: { codes: ['GBP'], divisor: 100 },
  penny: { codes: ['GBP'], divisor: 100 },
  pesewa: { codes: ['GHS'], divisor: 100 },
};

function specValue(raw: string | null | undefined, french: boolean): number | null {
  if (raw === null || raw === undefined) return null;
  return Number(french ? raw.replace(/\./g, '').replace(',', '.') : raw.replace(/,/g, ''));
}

interface Found {
  start: number;
  end: number;
  codes: string[];
  value: number | null;
}

function sameResult(expected: Found, got: { start: number; end: number; currency: string; value: number }): boolean {
  if (expected.start !== got.start || expected.end !== got.end) return false;
  if (!expected.codes.includes(got.currency)) return false;
  if (expected.value === null) return false;
  return Math.abs(expected.value - got.value) <= 1e-9 * Math.max(1, Math.abs(expected.value));
}

interface SpecCase {
  Input: string;
  Results?: Array<{ Text: string; Start?: number; End?: number; Resolution?: { value?: string | null; unit?: string } }>;
  NotSupported?: string;
}

function evaluateSpec(file: string, language: 'fra' | 'eng') {
  const french = language === 'fra';
  const cases = JSON.parse(readFileSync(file, 'utf8')) as SpecCase[];
  const tally = {
    supported: { ours: { ...ZERO }, rt: { ...ZERO }, cases: 0, oursExact: 0, rtExact: 0 },
    notSupported: { ours: { ...ZERO }, rt: { ...ZERO }, cases: 0, oursExact: 0, rtExact: 0 },
  };
  const misses: string[] = [];
  const r = recognizers();
  for (const c of cases) {
    const bucket = c.NotSupported?.includes('javascript') ? tally.notSupported : tally.supported;
    bucket.cases++;
    const expected: Found[] = (c.Results ?? []).map((res) => {
      const unit = (res.Resolution?.unit ?? '').toLowerCase();
      const mapping = UNIT_CODES[unit];
      const value = specValue(res.Resolution?.value, french);
      const start = res.Start ?? c.Input.toLowerCase().indexOf(res.Text.toLowerCase());
      return {
        start,
        end: res.End !== undefined ? res.End + 1 : start + res.Text.length,
        codes: mapping?.codes ?? [`?${unit}`],
        value: value === null ? null : mapping?.divisor ? value / mapping.divisor : value,
      };
    });
    // precis
    const { amounts } = extractMoney(c.Input, foldForMatching(c.Input), { language });
    const ours = amounts.map((a) => ({ start: a.start, end: a.end, currency: a.currency, value: a.value }));
    const oursCounts = match(expected, ours);
    bucket.ours = addCounts(bucket.ours, oursCounts);
    if (oursCounts.fp === 0 && oursCounts.fn === 0) bucket.oursExact++;
    else if (verbose) misses.push(`  ${JSON.stringify(c.Input.slice(0, 90))}\n    expected ${JSON.stringify(c.Results?.map((x) => x.Text))} got ${JSON.stringify(amounts.map((a) => `${a.text} ${a.currency} ${a.exact}`))}`);
    // Recognizers-Text
    const theirs = r.recognize(c.Input, french ? r.fr : r.en).map((x) => {
      const unit = (x.resolution?.unit ?? '').toLowerCase();
      const mapping = UNIT_CODES[unit];
      const value = specValue(x.resolution?.value ?? null, french) ?? NaN;
      return { start: x.start, end: x.end + 1, currency: mapping?.codes[0] ?? `?${unit}`, value: mapping?.divisor ? value / mapping.divisor : value, unit };
    });
    // Their resolution names a unit, not a country: score their "Dollar" as matching any dollar.
    const theirsCounts = match(
      expected,
      theirs.map((t) => ({ ...t, currency: t.unit === 'dollar' ? (expected.find((e) => e.start === t.start)?.codes.find((code) => DOLLARS.includes(code)) ?? t.currency) : t.currency })),
    );
    bucket.rt = addCounts(bucket.rt, theirsCounts);
    if (theirsCounts.fp === 0 && theirsCounts.fn === 0) bucket.rtExact++;
  }
  return { tally, misses };
}

function match(expected: Found[], got: Array<{ start: number; end: number; currency: string; value: number }>): Counts {
  const used = new Set<number>();
  let tp = 0;
  for (const e of expected) {
    const i = got.findIndex((g, k) => !used.has(k) && sameResult(e, g));
    if (i !== -1) {
      used.add(i);
      tp++;
    }
  }
  return { tp, fp: got.length - tp, fn: expected.length - tp };
}

// ---------- Gold set ----------
async function evaluateGold() {
  const articles = readGold(join(root, 'tests', 'fixtures', 'gold', 'fra'));
  const pipeline = createPipeline();
  let amounts = { ...ZERO };
  let rtAmounts = { ...ZERO };
  let pairs = { ...ZERO };
  let flagErrors = 0;
  const entities = { PERSON: { ...ZERO }, ORG: { ...ZERO }, LOC: { ...ZERO } };
  const details: string[] = [];
  for (const article of articles) {
    const record = await pipeline.process({ id: article.name, text: article.text });
    if (record.error) throw new Error(`${article.name}: ${record.error.message}`);
    const a = scoreAmounts(article.amounts, record.amounts);
    amounts = addCounts(amounts, a);
    const p = scorePairs(article, record);
    pairs = addCounts(pairs, p);
    flagErrors += p.flagErrors;
    const e = scoreEntities(article, record);
    for (const t of ENTITY_TYPES) entities[t] = addCounts(entities[t], e[t]);
    if (!values['skip-peer']) {
      const r = recognizers();
      const theirs = r.recognize(article.text, r.fr).map((x) => {
        const unit = (x.resolution?.unit ?? '').toLowerCase();
        const value = specValue(x.resolution?.value ?? null, true);
        const mapping = UNIT_CODES[unit];
        return { start: x.start, end: x.end + 1, currency: x.resolution?.isoCurrency ?? mapping?.codes[0] ?? `?${unit}`, exact: value === null ? '' : String(mapping?.divisor ? value / mapping.divisor : value) };
      });
      rtAmounts = addCounts(rtAmounts, scoreAmounts(article.amounts, theirs));
    }
    if (verbose && (a.misses.length || a.extras.length || e.misses.length || e.extras.length || p.fn || p.fp || p.flagErrors)) {
      details.push(`  ${article.name}`);
      if (a.misses.length) details.push(`    amounts missed: ${a.misses.join('; ')}`);
      if (a.extras.length) details.push(`    amounts extra:  ${a.extras.join('; ')}`);
      if (p.fn || p.fp || p.flagErrors) details.push(`    pairs: tp ${p.tp} fp ${p.fp} fn ${p.fn} flag errors ${p.flagErrors}`);
      if (e.misses.length) details.push(`    entities missed: ${e.misses.join('; ')}`);
      if (e.extras.length) details.push(`    entities extra:  ${e.extras.join('; ')}`);
    }
  }
  return { articles: articles.length, amounts, rtAmounts, pairs, flagErrors, entities, details };
}

const gold = await evaluateGold();
console.log(`Gold set (tests/fixtures/gold, ${gold.articles} French articles)`);
console.log(line('amounts (span+currency+value)', gold.amounts));
console.log(line('pairs (both spans)', gold.pairs) + `   consistency flags wrong: ${gold.flagErrors}`);
const macro = ENTITY_TYPES.reduce((s, t) => s + prf(gold.entities[t]).f1, 0) / ENTITY_TYPES.length;
for (const t of ENTITY_TYPES) console.log(line(`entities ${t}`, gold.entities[t]));
console.log(`entities macro F1 ${pct(macro)}`);
if (!values['skip-peer']) console.log(line('Recognizers-Text amounts', gold.rtAmounts));
if (verbose) console.log(gold.details.join('\n'));

const specDir = join(values['peer-specs']!, 'recognizers-text');
if (values['skip-peer']) {
  // nothing more
} else if (!existsSync(specDir)) {
  console.log(`\nPeer specs not found at ${specDir}; pass --peer-specs DIR (the folder holding recognizers-text/).`);
} else {
  for (const [file, language, label] of [
    ['NumberWithUnit-French-CurrencyModel.json', 'fra', 'French'],
    ['NumberWithUnit-English-CurrencyModel.json', 'eng', 'English'],
  ] as const) {
    const { tally, misses } = evaluateSpec(join(specDir, file), language);
    console.log(`\nRecognizers-Text ${label} currency spec (${tally.supported.cases} cases their JS port supports, ${tally.notSupported.cases} it does not)`);
    for (const [name, bucket] of [['supported', tally.supported], ['not supported by RT JS', tally.notSupported]] as const) {
      console.log(line(`  precis, ${name}`, bucket.ours) + `   exact cases ${bucket.oursExact}/${bucket.cases} (${pct(bucket.oursExact / Math.max(1, bucket.cases))})`);
      console.log(line(`  RT 1.3.1, ${name}`, bucket.rt) + `   exact cases ${bucket.rtExact}/${bucket.cases} (${pct(bucket.rtExact / Math.max(1, bucket.cases))})`);
    }
    if (verbose && misses.length) console.log(misses.join('\n'));
  }
  console.log(`\nRecognizers-Text load time: ${(recognizers().loadMs / 1000).toFixed(1)} s`);
}
