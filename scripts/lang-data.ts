// Writes the generated part of each language pack from the Unicode CLDR (cldr-numbers-full):
//   src/lang/<code>/cldr.json     decimal and grouping marks, scale words, currency names
//   src/lang/shared/symbols.json  currency signs ("₩", "US$", "€") and the currency each denotes
// The reviewed part of a pack (words.json) adds and overrides; nothing here is edited by hand.
// Usage: npm run lang-data
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const cldrVersion = (require('cldr-numbers-full/package.json') as { version: string }).version;
const SOURCE = `Unicode CLDR via the npm package cldr-numbers-full ${cldrVersion}`;
const LICENCE = 'Unicode-3.0 (https://www.unicode.org/license.txt)';

/** Pack code → CLDR locale. */
const LOCALES: Record<string, string> = { fra: 'fr', eng: 'en', spa: 'es', deu: 'de', ita: 'it', kor: 'ko' };
/** Where the noun of a currency name stands: "forints hongrois", "Hungarian Forint", "헝가리 포린트". */
const HEAD_FIRST: Record<string, boolean> = { fra: true, spa: true, ita: true, eng: false, deu: false, kor: false };
/** Currencies of today's news: the ones precis has a rate magnitude for. Only their nouns stand alone. */
const CURRENT = new Set(Object.keys((JSON.parse(readFileSync(join(root, 'src', 'money', 'data', 'typical-rates.json'), 'utf8')) as { perUsd: Record<string, number> }).perUsd));

interface CldrCurrency {
  displayName?: string;
  symbol?: string;
  'symbol-alt-narrow'?: string;
  [count: `displayName-count-${string}`]: string | undefined;
}

// Codes that are not money a newspaper prices things in: precious metals, testing and
// accounting units, "unknown currency".
const EXCLUDED = /^X(?!OF$|AF$|PF$|CD$)[A-Z]{2}$/;

function currencies(locale: string): Record<string, CldrCurrency> {
  return (require(`cldr-numbers-full/main/${locale}/currencies.json`) as { main: Record<string, { numbers: { currencies: Record<string, CldrCurrency> } }> }).main[locale]!.numbers.currencies;
}

function numbers(locale: string) {
  return (require(`cldr-numbers-full/main/${locale}/numbers.json`) as { main: Record<string, { numbers: Record<string, unknown> }> }).main[locale]!.numbers;
}

/** "0 milliards" under key 1000000000 → {form: "milliards", power: 9}; "00 mil M" under 1e10 → 9. */
function scalesFrom(patterns: Record<string, string>, caseSensitive: boolean) {
  const out = new Map<string, { form: string; power: number; caseSensitive?: boolean }>();
  for (const [key, pattern] of Object.entries(patterns)) {
    const magnitude = /^(1(?:0*))-count-/.exec(key)?.[1];
    if (!magnitude) continue;
    const zeros = /0+/.exec(pattern)?.[0].length;
    if (!zeros) continue; // "mille" alone stands for 1000 itself: a number word, not a scale
    const form = pattern.replace(/0+/, '').replace(/'/g, '').trim();
    if (!form) continue;
    const power = magnitude.length - 1 - (zeros - 1);
    if (power < 3) continue;
    out.set(form, { form, power, ...(caseSensitive ? { caseSensitive: true } : {}) });
  }
  return [...out.values()].sort((a, b) => a.power - b.power || a.form.localeCompare(b.form));
}

function writeJson(path: string, data: unknown): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
}

for (const [code, locale] of Object.entries(LOCALES)) {
  const n = numbers(locale) as {
    'symbols-numberSystem-latn': { decimal: string; group: string };
    'decimalFormats-numberSystem-latn': { long: { decimalFormat: Record<string, string> }; short: { decimalFormat: Record<string, string> } };
  };
  const symbols = n['symbols-numberSystem-latn'];
  const formats = n['decimalFormats-numberSystem-latn'];
  // Myriad languages compose 만/억/조 in the number grammar itself.
  const scales = code === 'kor' ? [] : [...scalesFrom(formats.long.decimalFormat, false), ...scalesFrom(formats.short.decimalFormat, true)];
  const names: Array<{ form: string; code: string; head?: true }> = [];
  const heads = new Map<string, Set<string>>();
  for (const [iso, c] of Object.entries(currencies(locale))) {
    if (EXCLUDED.test(iso)) continue;
    const forms = new Set<string>();
    for (const [k, v] of Object.entries(c)) if ((k === 'displayName' || k.startsWith('displayName-count-')) && typeof v === 'string') forms.add(v);
    for (const form of [...forms].sort()) {
      names.push({ form, code: iso });
      const words = form.split(' ');
      if (words.length < 2 || /[()]/.test(form) || !CURRENT.has(iso)) continue;
      const head = HEAD_FIRST[code] ? words[0]! : words[words.length - 1]!;
      const key = head.toLowerCase();
      heads.set(key, (heads.get(key) ?? new Set()).add(`${iso} ${head}`));
    }
  }
  // A currency's noun alone ("forints", "Forint", "포린트") names it when no other currency of the
  // language uses that noun ("dollars", "couronnes", "pesos" are shared and stay qualified).
  for (const [, entries] of heads) {
    const codes = new Set([...entries].map((e) => e.split(' ')[0]));
    if (codes.size !== 1) continue;
    for (const entry of entries) {
      const [iso, head] = entry.split(' ') as [string, string];
      if ([...head].length >= (code === 'kor' ? 2 : 4)) names.push({ form: head, code: iso, head: true });
    }
  }
  writeJson(join(root, 'src', 'lang', code, 'cldr.json'), {
    source: `${SOURCE}: main/${locale}/numbers.json, main/${locale}/currencies.json`,
    licence: LICENCE,
    generated: 'by scripts/lang-data.ts (npm run lang-data); do not edit: words.json adds and overrides',
    decimal: symbols.decimal,
    // CLDR prints French and German thin or no-break spaces; the grammar folds every space to one.
    group: /\s/u.test(symbols.group) ? ' ' : symbols.group,
    scales,
    currencies: names,
  });
}

// Currency signs: a sign that is some currency's own symbol in English denotes that currency; a
// narrow sign several currencies share ("$", "£") denotes none of them here (words.json and the
// grammar resolve "$" and "¥" from context).
const english = currencies('en');
const own = new Map<string, string>();
const narrow = new Map<string, Set<string>>();
for (const [iso, c] of Object.entries(english)) {
  if (EXCLUDED.test(iso)) continue;
  if (c.symbol && /\p{Sc}/u.test(c.symbol)) own.set(c.symbol, iso);
  const n = c['symbol-alt-narrow'];
  if (n && /\p{Sc}/u.test(n)) narrow.set(n, (narrow.get(n) ?? new Set()).add(iso));
}
const signs: Record<string, string> = {};
for (const [sign, iso] of own) signs[sign] = iso;
for (const [sign, codes] of narrow) if (!(sign in signs) && codes.size === 1) signs[sign] = [...codes][0]!;
writeJson(join(root, 'src', 'lang', 'shared', 'symbols.json'), {
  source: `${SOURCE}: main/en/currencies.json (symbol, symbol-alt-narrow)`,
  licence: LICENCE,
  generated: 'by scripts/lang-data.ts (npm run lang-data); do not edit: src/lang/shared/words.json overrides',
  symbols: Object.fromEntries(Object.entries(signs).sort(([a], [b]) => a.localeCompare(b))),
});
console.log(`wrote ${Object.keys(LOCALES).length} cldr.json files and shared/symbols.json from cldr-numbers-full ${cldrVersion}`);
