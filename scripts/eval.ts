// Evaluation you can rerun: precision, recall and F1 of precis's extraction
//   - on the gold sets of tests/fixtures/gold/<language>/, by language and by split (dev, test):
//     amounts, currency pairs and their consistency flags, exchange-rate quotes, entities;
//   - on Microsoft Recognizers-Text's own currency specs for French, English, Spanish, German,
//     Italian and Korean (read by path, default ../shared/peer-specs), with their JS port
//     (@microsoft/recognizers-text-suite) run on the same inputs where it has the language.
// Usage: npm run eval [-- --split dev|test|all] [--language fra,kor] [--verbose] [--entity-misses] [--peer-specs DIR] [--skip-peer]
// --verbose lists the money misses of dev articles only, --entity-misses their entity misses: the
// test half is scored, never read for tuning.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createPipeline, type PrecisRecord } from '../src/index.js';
import { foldForMatching } from '../src/ingest/normalise-text.js';
import { extractMoney } from '../src/money/extract-money.js';
import { GOLD_LANGUAGES, readAllGold, type GoldArticle } from './lib/gold.js';
import { addCounts, ENTITY_TYPES, prf, scoreAmounts, scoreEntities, scorePairs, scoreRates, ZERO, type Counts } from './lib/score.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    'peer-specs': { type: 'string', default: join(root, '..', 'shared', 'peer-specs') },
    split: { type: 'string', default: 'all' },
    language: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    'entity-misses': { type: 'boolean', default: false },
    'skip-peer': { type: 'boolean', default: false },
  },
});
const verbose = values.verbose ?? false;
const entityMisses = values['entity-misses'] ?? false;
const languages = values.language ? values.language.split(',') : [...GOLD_LANGUAGES];
const splits = values.split === 'all' ? ['dev', 'test'] : [values.split!];
const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}`;
const f1 = (c: Counts) => pct(prf(c).f1);

// ---------- gold sets ----------
interface Tally {
  articles: number;
  amounts: Counts;
  pairs: Counts;
  goldPairs: number;
  flagsRight: number;
  rates: Counts;
  ratesAsAmounts: number;
  notMoney: number;
  entities: Record<string, Counts>;
}
const emptyTally = (): Tally => ({
  articles: 0,
  amounts: { ...ZERO },
  pairs: { ...ZERO },
  goldPairs: 0,
  flagsRight: 0,
  rates: { ...ZERO },
  ratesAsAmounts: 0,
  notMoney: 0,
  entities: { PERSON: { ...ZERO }, ORG: { ...ZERO }, LOC: { ...ZERO } },
});

const articles = readAllGold(join(root, 'tests', 'fixtures', 'gold')).filter((a) => languages.includes(a.language) && splits.includes(a.split));
const pipeline = createPipeline();
const tallies = new Map<string, Tally>();
const details: string[] = [];
for (const article of articles) {
  const record = await pipeline.extract({ id: article.name, text: article.text, date: article.date });
  if (record.error) {
    console.log(`${article.name}: ${record.error.code} ${record.error.message}`);
    continue;
  }
  const key = `${article.language} ${article.split}`;
  const t = tallies.get(key) ?? emptyTally();
  tallies.set(key, t);
  score(t, article, record);
}
await pipeline.close();

function score(t: Tally, article: GoldArticle, record: PrecisRecord): void {
  t.articles++;
  const a = scoreAmounts(article.amounts, record.amounts);
  t.amounts = addCounts(t.amounts, a);
  const p = scorePairs(article, record);
  t.pairs = addCounts(t.pairs, p);
  t.goldPairs += article.pairs.length;
  t.flagsRight += p.flagsRight;
  const r = scoreRates(article, record);
  t.rates = addCounts(t.rates, r);
  t.ratesAsAmounts += r.asAmounts;
  const traps = article.notMoney.filter((trap) => record.amounts.some((m) => m.text === trap));
  t.notMoney += traps.length;
  const e = scoreEntities(article, record);
  for (const type of ENTITY_TYPES) t.entities[type] = addCounts(t.entities[type]!, e[type]);
  if ((verbose || entityMisses) && article.split === 'dev') {
    const lines: string[] = [];
    if (verbose && a.misses.length) lines.push(`    amounts missed: ${a.misses.join('; ')}`);
    if (verbose && a.extras.length) lines.push(`    amounts extra:  ${a.extras.map((x) => `${x} "${article.text.slice(Number(x.split('-')[0]), Number(x.split(/[- ]/)[1]))}"`).join('; ')}`);
    if (verbose && p.misses.length) lines.push(`    pairs missed:   ${p.misses.join('; ')}`);
    if (verbose && p.extras.length) lines.push(`    pairs extra:    ${p.extras.join('; ')}`);
    if (verbose && p.flagErrors) lines.push(`    pair flags wrong: ${record.pairs.filter((x) => article.pairs.some((g) => article.amounts[g.a]!.start === record.amounts[x.a]!.start && g.consistent !== x.consistent)).map((x) => `${x.english} ${x.consistent ? 'consistent' : 'inconsistent'} (${x.deviation} %)`).join('; ')}`);
    if (verbose && r.misses.length) lines.push(`    rates missed:   ${r.misses.join('; ')}`);
    if (verbose && r.extras.length) lines.push(`    rates extra:    ${r.extras.join('; ')}`);
    if (verbose && traps.length) lines.push(`    traps read as money: ${traps.join('; ')}`);
    if (entityMisses && e.misses.length) lines.push(`    entities missed: ${e.misses.join('; ')}`);
    if (entityMisses && e.extras.length) lines.push(`    entities extra:  ${e.extras.join('; ')}`);
    if (lines.length) details.push(`  ${article.name}`, ...lines);
  }
}

console.log(`Gold sets (tests/fixtures/gold): amounts exact span+currency+value; pairs both spans; flags right over gold pairs; rates overlapping span+base/quote+value`);
console.log(`${'language split'.padEnd(16)} ${'art'.padStart(3)}  ${'amounts P/R/F1'.padEnd(20)} ${'pairs found'.padStart(11)} ${'flags right'.padStart(11)}  ${'rates P/R/F1'.padEnd(20)} ${'rate→amt'.padStart(8)} ${'traps'.padStart(5)}  entities macro F1`);
const line = (label: string, t: Tally) => {
  const am = prf(t.amounts);
  const ra = prf(t.rates);
  const ent = ENTITY_TYPES.reduce((s, type) => s + prf(t.entities[type]!).f1, 0) / ENTITY_TYPES.length;
  const pairsFound = t.goldPairs ? t.pairs.tp / t.goldPairs : 1;
  const flags = t.goldPairs ? t.flagsRight / t.goldPairs : 1;
  console.log(
    `${label.padEnd(16)} ${String(t.articles).padStart(3)}  ${`${pct(am.precision)} ${pct(am.recall)} ${pct(am.f1)}`.padEnd(20)} ${`${pct(pairsFound)} %`.padStart(11)} ${`${pct(flags)} %`.padStart(11)}  ${`${pct(ra.precision)} ${pct(ra.recall)} ${pct(ra.f1)}`.padEnd(20)} ${String(t.ratesAsAmounts).padStart(8)} ${String(t.notMoney).padStart(5)}  ${pct(ent)}   (amounts tp ${t.amounts.tp} fp ${t.amounts.fp} fn ${t.amounts.fn}; pairs ${t.pairs.tp}/${t.goldPairs}, ${t.pairs.fp} extra; rates ${t.rates.tp}/${t.rates.tp + t.rates.fn})`,
  );
};
for (const language of languages) {
  for (const split of splits) {
    const t = tallies.get(`${language} ${split}`);
    if (t) line(`${language} ${split}`, t);
  }
}
console.log(`\nEntities (PERSON, ORG, LOC mentions: exact span and type; optional gold mentions neither count nor cost)`);
console.log(`${'language split'.padEnd(16)} ${'PERSON P/R/F1'.padEnd(18)} ${'ORG P/R/F1'.padEnd(18)} ${'LOC P/R/F1'.padEnd(18)} all (micro) P/R/F1`);
for (const language of languages) {
  for (const split of splits) {
    const t = tallies.get(`${language} ${split}`);
    if (!t) continue;
    const cell = (c: Counts) => {
      const x = prf(c);
      return `${pct(x.precision)} ${pct(x.recall)} ${pct(x.f1)}`.padEnd(18);
    };
    const all = ENTITY_TYPES.reduce((sum, type) => addCounts(sum, t.entities[type]!), { ...ZERO });
    console.log(`${`${language} ${split}`.padEnd(16)} ${cell(t.entities.PERSON!)} ${cell(t.entities.ORG!)} ${cell(t.entities.LOC!)} ${cell(all)}`);
  }
}
if (details.length) console.log(`\nDev misses:\n${details.join('\n')}`);

// ---------- Recognizers-Text specs ----------
interface RtResult {
  text: string;
  start: number;
  end: number;
  resolution?: { value?: string | null; unit?: string; isoCurrency?: string };
}
type Recognize = (input: string, culture: string) => RtResult[];
let suite: { recognize: Recognize; loadMs: number } | null = null;
function recognizers(): { recognize: Recognize; loadMs: number } {
  if (suite) return suite;
  const started = performance.now();
  const s = createRequire(import.meta.url)('@microsoft/recognizers-text-suite') as { recognizeCurrency: Recognize };
  s.recognizeCurrency('warm up 5 dollars', 'en-us');
  suite = { recognize: s.recognizeCurrency, loadMs: performance.now() - started };
  return suite;
}

const DOLLARS = ['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'TWD', 'SGD', 'MXN'];
// Recognizers-Text unit names (all six languages) → acceptable ISO codes, and sub-units.
const UNITS: Record<string, { codes: string[]; divisor?: number }> = {};
const unit = (names: string[], codes: string[], divisor?: number) => {
  for (const n of names) UNITS[n.toLowerCase()] = { codes, ...(divisor ? { divisor } : {}) };
};
unit(['Dollar', 'Dólar'], DOLLARS);
unit(['United States dollar', 'Dollar États-Unis', 'Dólar estadounidense'], ['USD']);
unit(['Canadian dollar', 'Dollar Canadien', 'Dólar canadiense'], ['CAD']);
unit(['Australian dollar', 'Dollar Australien', 'Dólar australiano'], ['AUD']);
unit(['Hong Kong dollar', 'Dollar de Hong Kong', 'Dólar de Hong Kong'], ['HKD']);
unit(['New Zealand dollar', 'Dollar néo-zélandais', 'Dólar neozelandés'], ['NZD']);
unit(['Pound', 'Livre', 'Libra', 'British pound'], ['GBP']);
unit(['Euro'], ['EUR']);
unit(['Japanese yen', 'Yen Japonais', 'Yen'], ['JPY']);
unit(['Chinese yuan', 'Yuan Chinois', 'Yuan chino'], ['CNY']);
unit(['Franc', 'Franco'], ['CHF', 'FRF', 'XOF']);
unit(['Swiss franc', 'Franc Suisse', 'Franco suizo'], ['CHF']);
unit(['Indian rupee', 'Roupie indienne'], ['INR']);
unit(['Rupee', 'Roupie'], ['INR', 'LKR']);
unit(['Sri Lankan rupee'], ['LKR', 'INR']);
unit(['Mexican peso', 'Peso mexicano'], ['MXN']);
unit(['Finnish markka', 'Mark Finlandais', 'Marco finlandés'], ['FIM']);
unit(['Netherlands guilder', 'Florins Néerlandais', 'Florín neerlandés'], ['NLG']);
unit(['Peseta'], ['ESP']);
unit(['Turkish lira'], ['TRY']);
unit(['Cambodian riel'], ['KHR']);
unit(['Costa Rican colón'], ['CRC']);
unit(['Georgian lari'], ['GEL']);
unit(['Lao kip'], ['LAK']);
unit(['Bitcoin'], ['XBT', 'BTC']);
unit(['Cent', 'Centavo'], [...DOLLARS, 'EUR', 'MXN'], 100);
unit(['Centimes'], ['EUR', 'CHF', 'FRF'], 100);
unit(['Pence', 'Penny', 'Penique'], ['GBP'], 100);
unit(['Pesewa'], ['GHS'], 100);

const SPECS = [
  { file: 'NumberWithUnit-French-CurrencyModel.json', language: 'fra', label: 'French', culture: 'fr-fr', decimalComma: true },
  { file: 'NumberWithUnit-English-CurrencyModel.json', language: 'eng', label: 'English', culture: 'en-us', decimalComma: false },
  { file: 'NumberWithUnit-Spanish-CurrencyModel.json', language: 'spa', label: 'Spanish', culture: 'es-es', decimalComma: true },
  { file: 'NumberWithUnit-German-CurrencyModel.json', language: 'deu', label: 'German', culture: null, decimalComma: true },
  { file: 'NumberWithUnit-Italian-CurrencyModel.json', language: 'ita', label: 'Italian', culture: null, decimalComma: true },
  { file: 'NumberWithUnit-Korean-CurrencyModel.json', language: 'kor', label: 'Korean', culture: null, decimalComma: false },
] as const;

interface Found {
  start: number;
  end: number;
  codes: string[];
  value: number | null;
}
interface Got {
  start: number;
  end: number;
  currency: string;
  value: number;
}

function specValue(raw: string | null | undefined, decimalComma: boolean): number | null {
  if (raw === null || raw === undefined) return null;
  return Number(decimalComma ? raw.replace(/\./g, '').replace(',', '.') : raw.replace(/,/g, ''));
}

/** Matches on value and currency over overlapping spans (and, apart, on the exact span). */
function match(expected: Found[], got: Got[], exact: boolean): Counts {
  const used = new Set<number>();
  let tp = 0;
  for (const e of expected) {
    const i = got.findIndex((g, k) => {
      if (used.has(k) || e.value === null || !e.codes.includes(g.currency)) return false;
      if (Math.abs(e.value - g.value) > 1e-9 * Math.max(1, Math.abs(e.value))) return false;
      return exact ? e.start === g.start && e.end === g.end : e.start < g.end && g.start < e.end;
    });
    if (i !== -1) {
      used.add(i);
      tp++;
    }
  }
  return { tp, fp: got.length - tp, fn: expected.length - tp };
}

interface SpecCase {
  Input: string;
  Results?: Array<{ Text: string; Start?: number; End?: number; Resolution?: { value?: string | null; unit?: string } }>;
}

function evaluateSpec(spec: (typeof SPECS)[number], dir: string) {
  const cases = JSON.parse(readFileSync(join(dir, spec.file), 'utf8')) as SpecCase[];
  let ours = { ...ZERO };
  let oursExact = { ...ZERO };
  let theirs = { ...ZERO };
  const misses: string[] = [];
  for (const c of cases) {
    const expected: Found[] = (c.Results ?? []).map((res) => {
      const mapping = UNITS[(res.Resolution?.unit ?? '').toLowerCase()];
      const value = specValue(res.Resolution?.value, spec.decimalComma);
      // Some specs' offsets are off; where they do not point at the text, find the text.
      const given = res.Start !== undefined && c.Input.slice(res.Start, (res.End ?? -2) + 1).toLowerCase() === res.Text.toLowerCase();
      const start = given ? res.Start! : c.Input.toLowerCase().indexOf(res.Text.toLowerCase());
      return {
        start,
        end: given ? res.End! + 1 : start + res.Text.length,
        codes: mapping?.codes ?? [`?${res.Resolution?.unit}`],
        value: value === null ? null : mapping?.divisor ? value / mapping.divisor : value,
      };
    });
    const found = extractMoney(c.Input, foldForMatching(c.Input), { language: spec.language });
    // precis reports an exchange-rate quote ("Dollar: 143,80 yen") as a rate, not an amount; its
    // figure in the quote currency is what Recognizers-Text marks.
    const got: Got[] = [
      ...found.amounts.map((a) => ({ start: a.start, end: a.end, currency: a.currency, value: a.value })),
      ...found.rates.map((r) => ({ start: r.start, end: r.end, currency: r.quote, value: r.value })),
    ];
    const counts = match(expected, got, false);
    ours = addCounts(ours, counts);
    oursExact = addCounts(oursExact, match(expected, got, true));
    if (verbose && (counts.fp || counts.fn)) {
      misses.push(`  ${JSON.stringify(c.Input.slice(0, 110))}\n    expected ${JSON.stringify((c.Results ?? []).map((x) => `${x.Text} ${x.Resolution?.value} ${x.Resolution?.unit}`))}\n    got      ${JSON.stringify(got.map((g) => `${c.Input.slice(g.start, g.end)} ${g.value} ${g.currency}`))}`);
    }
    if (spec.culture) {
      const r = recognizers();
      const results = r.recognize(c.Input, spec.culture).map((x) => {
        const mapping = UNITS[(x.resolution?.unit ?? '').toLowerCase()];
        const value = specValue(x.resolution?.value ?? null, false) ?? NaN;
        const expectedAt = expected.find((e) => e.start < x.end + 1 && x.start < e.end);
        // Their resolution names a unit, not a country: their "Dollar" matches any dollar.
        const currency = mapping ? (mapping.codes.includes(expectedAt?.codes[0] ?? '') ? expectedAt!.codes[0]! : mapping.codes[0]!) : `?${x.resolution?.unit}`;
        return { start: x.start, end: x.end + 1, currency, value: mapping?.divisor ? value / mapping.divisor : value };
      });
      theirs = addCounts(theirs, match(expected, results, false));
    }
  }
  return { cases: cases.length, ours, oursExact, theirs, misses };
}

const specDir = join(values['peer-specs']!, 'recognizers-text');
if (values['skip-peer']) {
  // nothing more
} else if (!existsSync(specDir)) {
  console.log(`\nPeer specs not found at ${specDir}; pass --peer-specs DIR (the folder holding recognizers-text/).`);
} else {
  console.log(`\nRecognizers-Text currency specs (${specDir}): value and currency over overlapping spans; "exact span" also requires the same span`);
  console.log(`${'language'.padEnd(9)} ${'cases'.padStart(5)}  ${'precis P/R/F1'.padEnd(20)} ${'exact span F1'.padStart(13)}   ${'RT JS 1.3.1 P/R/F1'}`);
  for (const spec of SPECS) {
    if (!languages.includes(spec.language)) continue;
    const result = evaluateSpec(spec, specDir);
    const o = prf(result.ours);
    const t = prf(result.theirs);
    const rt = spec.culture ? `${pct(t.precision)} ${pct(t.recall)} ${pct(t.f1)}` : 'no port for this language';
    console.log(`${spec.label.padEnd(9)} ${String(result.cases).padStart(5)}  ${`${pct(o.precision)} ${pct(o.recall)} ${pct(o.f1)}`.padEnd(20)} ${f1(result.oursExact).padStart(13)}   ${rt}`);
    if (verbose && result.misses.length) console.log(result.misses.join('\n'));
  }
  const loaded = suite as { loadMs: number } | null;
  if (loaded) console.log(`(Recognizers-Text load time ${(loaded.loadMs / 1000).toFixed(1)} s)`);
}
