#!/usr/bin/env node
// Verifies the gold evaluation set in tests/fixtures/gold/ (precis).
// usage: node scripts/check-gold.mjs [dir]   (default tests/fixtures/gold)
import fs from 'node:fs';
import path from 'node:path';

const DIR = process.argv[2] || new URL('../tests/fixtures/gold', import.meta.url).pathname;
let errors = 0, warnings = 0;
const err = (f, m) => { errors++; console.log(`ERROR ${f}: ${m}`); };
const warn = (f, m) => { warnings++; console.log(`warn  ${f}: ${m}`); };

const CURRENCIES = new Set(['KRW', 'USD', 'CAD', 'EUR', 'JPY', 'CNY', 'GBP', 'CHF']);
const TYPES = new Set(['PERSON', 'ORG', 'LOC']);
const PER_NOUNS = ['mois', 'an', 'année', 'heure', 'jour', 'semaine', 'tonne', 'baril', 'action', 'navire', 'kilowattheure', 'million de BTU', 'litre', 'personne', 'habitant'];
// plausible cross rates: value(first ISO, alphabetical) / value(second ISO)
const PLAUSIBLE = {
  'KRW/USD': [1350, 1500], 'CAD/USD': [1.3, 1.45], 'EUR/USD': [0.84, 0.98], 'CNY/USD': [6.8, 7.5],
  'JPY/USD': [135, 165], 'CNY/KRW': [1 / 215, 1 / 185], 'EUR/KRW': [1 / 1700, 1 / 1450],
  'GBP/KRW': [1 / 1950, 1 / 1650], 'CHF/USD': [0.78, 0.95], 'JPY/KRW': [1 / 10.5, 1 / 8.5],
};
const isWordChar = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

// ---------- independent amount parser (French + English "$N billion") ----------
const WORDS = { un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, cent: 100, mille: 1000 };
function shift(intStr, fracStr, exp) { // decimal string of int.frac * 10^exp
  let digits = intStr + fracStr, point = intStr.length + exp;
  if (point >= digits.length) digits += '0'.repeat(point - digits.length);
  const i = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const f = digits.slice(point).replace(/0+$/, '');
  return f ? `${i}.${f}` : i;
}
function parseAmount(raw) {
  const s = raw.replace(/[\u00A0\u202F]/g, ' ');
  let m, rest, intStr, fracStr = '', english = false;
  if ((m = /^\$(\d+)(?:\.(\d+))?\s+(billion|million|thousand)\b/.exec(s))) {
    const e = { billion: 9, million: 6, thousand: 3 }[m[3]];
    return { value: shift(m[1], m[2] || '', e), currency: 'USD', english: true };
  }
  if ((m = /^(\d{1,3}(?: \d{3})+|\d+)(?:,(\d+))?/.exec(s))) {
    intStr = m[1].replace(/ /g, ''); fracStr = m[2] || ''; rest = s.slice(m[0].length);
  } else if ((m = /^(\p{L}+)/u.exec(s)) && WORDS[m[1].toLowerCase()] !== undefined) {
    intStr = String(WORDS[m[1].toLowerCase()]); rest = s.slice(m[0].length);
  } else return null;
  let exp = 0;
  const r = rest.trimStart();
  if (/^mille milliards?\b/.test(r)) exp = 12;
  else if (/^billions?\b/.test(r)) exp = english ? 9 : 12; // French billion = 10^12
  else if (/^milliards?\b/.test(r)) exp = 9;
  else if (/^millions?\b/.test(r)) exp = 6;
  else if (/^mille\b/.test(r)) exp = 3;
  else if (/^G\$/.test(r)) exp = 9;
  else if (/^M(\$|€)/.test(r)) exp = 6;
  else if (/^k\$/.test(r)) exp = 3;
  let currency = null, bare = false;
  if (/wons?\b|₩|KRW/.test(r)) currency = 'KRW';
  else if (/\$ ?US\b|US\$|USD|dollars? américains?/.test(r)) currency = 'USD';
  else if (/\$ ?CA\b|CAD|dollars? canadiens?/.test(r)) currency = 'CAD';
  else if (/euros?\b|€|EUR/.test(r)) currency = 'EUR';
  else if (/yens?\b|¥|JPY/.test(r)) currency = 'JPY';
  else if (/yuans?\b|renminbi|CNY/.test(r)) currency = 'CNY';
  else if (/livres? sterling|£|GBP/.test(r)) currency = 'GBP';
  else if (/francs? suisses?|CHF/.test(r)) currency = 'CHF';
  else if (/\$|dollars?\b/.test(r)) bare = true;
  const hasScaleOrCur = exp > 0 || currency || bare;
  return { value: shift(intStr, fracStr, exp), currency, bare, exp, hasScaleOrCur };
}

// ---------- per-file checks ----------
const files = fs.readdirSync(DIR).filter((f) => /^\d\d-[a-z0-9-]+\.txt$/.test(f)).sort();
const summary = [];
const features = new Map();
const feat = (k, f) => { if (!features.has(k)) features.set(k, new Set()); features.get(k).add(f); };
let inconsistentCount = 0;

for (const f of files) {
  const base = f.replace(/\.txt$/, '');
  const buf = fs.readFileSync(path.join(DIR, f));
  let text;
  try { text = new TextDecoder('utf-8', { fatal: true }).decode(buf); } catch { err(f, 'not valid UTF-8'); continue; }
  if (text !== fs.readFileSync(path.join(DIR, f), 'utf8')) err(f, 'decoder mismatch');
  if (text.charCodeAt(0) === 0xfeff) err(f, 'BOM');
  if (text.includes('\r')) err(f, 'CR line ending');
  if (text !== text.normalize('NFC')) err(f, 'not NFC');
  if (/Début du contenu principal|Fin du contenu principal/.test(text)) err(f, 'boilerplate line');
  const lines = text.split('\n');
  lines.forEach((l, i) => {
    if (!l.trim()) err(f, `empty line ${i + 1}`);
    if (/\s$/.test(l) || /^\s/.test(l)) err(f, `leading/trailing whitespace on line ${i + 1}`);
  });
  const isSeed = base.startsWith('00-');
  if (!isSeed && (text.length < 1800 || text.length > 4500)) err(f, `length ${text.length} outside 1800–4500`);
  if (text.includes('\u00A0')) feat('U+00A0 in text', base);
  if (text.includes('\u202F')) feat('U+202F in text', base);

  const gp = path.join(DIR, base + '.gold.json');
  if (!fs.existsSync(gp)) { err(f, 'missing .gold.json'); continue; }
  let gold;
  try { gold = JSON.parse(fs.readFileSync(gp, 'utf8')); } catch (e) { err(gp, 'bad JSON ' + e.message); continue; }
  for (const k of ['amounts', 'pairs', 'entities', 'notMoney']) if (!Array.isArray(gold[k])) err(base, `missing array ${k}`);
  const { amounts = [], pairs = [], entities = [], notMoney = [] } = gold;

  // amounts
  let prevEnd = -1;
  amounts.forEach((a, i) => {
    const tag = `${base} amount[${i}] "${a.text}"`;
    for (const k of ['text', 'start', 'end', 'currency', 'value', 'approx', 'per', 'range'])
      if (!(k in a)) err(tag, `missing field ${k}`);
    if (text.slice(a.start, a.end) !== a.text) { err(tag, `span mismatch: "${text.slice(a.start, a.end)}"`); return; }
    if (a.start < prevEnd) err(tag, 'overlaps/out of order with previous amount');
    prevEnd = a.end;
    if (isWordChar(text[a.start - 1]) || isWordChar(text[a.end])) err(tag, 'span not on word boundary');
    if (!CURRENCIES.has(a.currency)) err(tag, `bad currency ${a.currency}`);
    if (typeof a.value !== 'string' || !/^(0|[1-9]\d*)(\.\d*[1-9])?$/.test(a.value)) err(tag, `bad value format ${a.value}`);
    if (typeof a.approx !== 'boolean') err(tag, 'approx not boolean');
    if (!(a.per === null || typeof a.per === 'string')) err(tag, 'per must be null or string');
    if (!(a.range === null || a.range === 'low' || a.range === 'high')) err(tag, 'bad range');
    if ('ambiguous' in a && !(a.ambiguous === true && a.currency === 'USD')) err(tag, 'ambiguous only as true with USD');
    if (/^(environ|près|plus|moins|quelque|soit|about|nearly)\b/i.test(a.text)) err(tag, 'qualifier inside span');

    // value/currency via independent parser
    const p = parseAmount(a.text);
    if (!p) err(tag, 'parser cannot read amount');
    else {
      let { value, currency } = p;
      if (a.range === 'low' && !p.hasScaleOrCur) {
        const hi = amounts[i + 1];
        const ph = hi && parseAmount(hi.text);
        if (!hi || hi.range !== 'high' || !ph) err(tag, 'range low without following high');
        else {
          value = shift(...(value.includes('.') ? value.split('.') : [value, '']), ph.exp);
          currency = ph.currency;
          const between = text.slice(a.end, hi.start);
          if (!/^ (et|à) $/.test(between)) err(tag, `range low/high separated by "${between}"`);
          const before = text.slice(Math.max(0, a.start - 8), a.start);
          if (!/(entre|de|d'|d’) $/.test(before)) err(tag, `range low not preceded by entre/de: "${before}"`);
        }
      }
      if (value !== a.value) err(tag, `value ${a.value} but parser reads ${value}`);
      if (currency && currency !== a.currency) err(tag, `currency ${a.currency} but parser reads ${currency}`);
      if (!currency && !p.bare && a.range !== 'low') err(tag, 'no currency marker in span');
      if (p.bare) {
        feat(a.ambiguous ? 'bare $ ambiguous' : 'bare $/dollars resolved by context', base);
        if (!['USD', 'CAD'].includes(a.currency)) err(tag, 'bare dollar must be USD or CAD');
      } else if (a.ambiguous) err(tag, 'ambiguous set on explicit currency');
      if (p.english) feat('English $N billion', base);
    }
    if (a.range === 'high' && amounts[i - 1]?.range !== 'low') err(tag, 'range high without low');

    // approx heuristic
    const before = text.slice(Math.max(0, a.start - 16), a.start).replace(/[\u00A0\u202F]/g, ' ');
    const q = /(environ|près de|plus de|moins de|quelque|about|nearly|almost)\s*(«\s*)?$/i.test(before);
    if (q !== a.approx) err(tag, `approx=${a.approx} but preceding text is "…${before}"`);
    // per heuristic
    const after = text.slice(a.end, a.end + 30);
    const pm = /^ (par |l'|l’|la |le |de l'|de l’)/.exec(after);
    const nouns = pm && /^ de l/.test(pm[0]) ? ['heure'] : PER_NOUNS; // "3,6 G$ de l'année en cours" is not per-unit
    const perFound = pm && nouns.find((n) => after.slice(pm[0].length).startsWith(n) && !isWordChar(after[pm[0].length + n.length]));
    if (perFound && a.per !== perFound) err(tag, `per=${a.per} but text continues "${after}"`);
    if (!perFound && a.per !== null) err(tag, `per=${a.per} but no per-unit phrase follows: "${after}"`);

    // feature bookkeeping
    for (const [k, re] of [['₩', /₩/], ['US$', /US\$/], ['USD', /USD/], ['KRW', /KRW/], ['€', /€/], ['EUR', /\bEUR\b/], ['£', /£/],
      ['livres sterling', /livres sterling/], ['francs suisses', /francs suisses/], ['CHF', /CHF/], ['yens', /yens/], ['¥', /¥/],
      ['yuans', /yuans/], ['renminbi', /renminbi/], ['G$', /G\$/], ['M$', /M\$/], ['k$', /k\$/], ['$ CA', /\$ CA/], ['CAD', /CAD/],
      ['French billion', /billion de/], ['mille milliards', /mille milliards/], ['written-out number', /^(un|une|deux|trois|cent|mille|dix) /],
      ['U+00A0 in amount', /\u00A0/], ['U+202F in amount', /\u202F/], ['decimal comma', /\d,\d/]])
      if (re.test(a.text)) feat(k, base);
    if (a.per) feat(`per:${a.per}`, base);
    if (a.range) feat('range', base);
    if (a.approx) feat(`approx:${(/(environ|près de|plus de|moins de|quelque|about|nearly)\s*(«\s*)?$/i.exec(before) || [])[1]}`, base);
  });

  // pairs
  const groups = new Map();
  pairs.forEach((p, i) => {
    const tag = `${base} pair[${i}]`;
    const A = amounts[p.a], B = amounts[p.b];
    if (!A || !B) { err(tag, 'index out of range'); return; }
    if (!(p.a < p.b)) err(tag, 'a must be the first printed');
    if (typeof p.consistent !== 'boolean') err(tag, 'consistent not boolean');
    if (A.currency === B.currency) err(tag, 'same currency');
    const between = text.slice(A.end, B.start).replace(/[\u00A0\u202F]/g, ' ');
    if (between.length > 20) warn(tag, `amounts far apart: "${between}"`);
    if (/^ \($/.test(between)) feat('pair A (B)', base);
    else if (/^ \(environ $/.test(between)) feat('pair A (environ B)', base);
    else if (/^, soit (environ )?$/.test(between)) feat('pair A, soit B', base);
    else if (/^, ou $/.test(between)) feat('pair A, ou B', base);
    else warn(tag, `unusual pair connector "${between}"`);
    if (A.currency === 'USD' && B.currency === 'KRW') feat('pair USD first then KRW', base);
    const [c1, c2] = [A.currency, B.currency].sort();
    const v = (x) => Number(x.value);
    const rate = (A.currency === c1 ? v(A) / v(B) : v(B) / v(A));
    const key = `${c1}/${c2}`;
    feat(`pair ${key}`, base);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push({ i, rate, ok: p.consistent, rough: p.rough === true, A, B });
    const pl = PLAUSIBLE[key];
    if (pl && (rate < pl[0] || rate > pl[1])) warn(tag, `implausible ${key} rate ${rate}`);
  });
  for (const [key, g] of groups) {
    const ok = g.filter((x) => x.ok);
    for (let x = 0; x < ok.length; x++) for (let y = x + 1; y < ok.length; y++) {
      const d = Math.abs(ok[x].rate / ok[y].rate - 1);
      // A pair marked rough is consistent only because its printed figures are too coarse to tell.
      if (d > 0.02 && !ok[x].rough && !ok[y].rough) err(base, `consistent pairs ${ok[x].i} and ${ok[y].i} (${key}) differ by ${(d * 100).toFixed(2)} %`);
    }
    const med = ok.map((x) => x.rate).sort((p, q) => p - q)[Math.floor((ok.length - 1) / 2)];
    for (const x of g.filter((x) => !x.ok)) {
      inconsistentCount++;
      if (!ok.length) { err(base, `inconsistent pair ${x.i} has no consistent ${key} pair to compare to`); continue; }
      const d = Math.abs(x.rate / med - 1) * 100;
      if (d < 2 || d > 8) (isSeed ? warn : err)(base, `inconsistent pair ${x.i} deviates ${d.toFixed(2)} % (expected 2–8 %)`);
      x.dev = d;
    }
    g.forEach((x) => { x.key = key; });
    g.report = g.map((x) => `${x.rate < 0.05 ? '1/' + (1 / x.rate).toFixed(1) : x.rate.toFixed(4)}${x.ok ? '' : `(off ${x.dev?.toFixed(1)}%)`}`);
  }

  // entities
  const spans = [];
  let mentionCount = 0;
  entities.forEach((e, i) => {
    const tag = `${base} entity "${e.text}"`;
    if (!TYPES.has(e.type)) err(tag, `bad type ${e.type}`);
    if (typeof e.optional !== 'boolean') err(tag, 'optional not boolean');
    if (!Array.isArray(e.mentions) || !e.mentions.length) { err(tag, 'no mentions'); return; }
    if (!e.mentions.some((m) => m.text === e.text)) warn(tag, 'canonical text is not one of its mentions');
    if (e.mentions.some((m) => m.text.length > e.text.length)) err(tag, 'a mention is longer than the canonical text');
    e.mentions.forEach((m) => {
      mentionCount++;
      if (text.slice(m.start, m.end) !== m.text) { err(tag, `mention span mismatch "${m.text}" vs "${text.slice(m.start, m.end)}"`); return; }
      if (isWordChar(text[m.start - 1]) || isWordChar(text[m.end])) err(tag, `mention "${m.text}" at ${m.start} not on word boundary`);
      if (/^(la |le |les |l'|l’|M\. |Mme |MM\. |Dr |président |ministre )/.test(m.text)) err(tag, `mention includes article/title: "${m.text}"`);
      spans.push([m.start, m.end, `${e.text}:${m.text}`]);
    });
    const mts = e.mentions.map((m) => m.start);
    if (mts.some((s, k) => k && s <= mts[k - 1])) err(tag, 'mentions not sorted');
  });
  const all = [...spans, ...amounts.map((a) => [a.start, a.end, `amount:${a.text}`])].sort((x, y) => x[0] - y[0]);
  for (let k = 1; k < all.length; k++) if (all[k][0] < all[k - 1][1]) err(base, `overlap ${all[k - 1][2]} / ${all[k][2]}`);
  // every occurrence of a (non-optional) mention string should be annotated, unless part of a longer annotated span
  for (const e of entities) {
    for (const mt of new Set(e.mentions.map((m) => m.text))) {
      let from = 0, idx;
      while ((idx = text.indexOf(mt, from)) >= 0) {
        from = idx + 1;
        const end = idx + mt.length;
        if (isWordChar(text[idx - 1]) || isWordChar(text[end])) continue;
        const inNotMoney = notMoney.some((nm) => { let j = text.indexOf(nm); while (j >= 0) { if (idx >= j && end <= j + nm.length) return true; j = text.indexOf(nm, j + 1); } return false; });
        if (!inNotMoney && !all.some(([s, en]) => idx >= s && end <= en)) warn(`${base}`, `unannotated occurrence of "${mt}" at ${idx}: "${text.slice(idx - 15, end + 15)}"`);
      }
    }
  }

  // notMoney
  notMoney.forEach((s) => {
    if (typeof s !== 'string' || !s) { err(base, 'bad notMoney entry'); return; }
    let idx = text.indexOf(s), free = false;
    while (idx >= 0) {
      if (!amounts.some((a) => idx < a.end && a.start < idx + s.length)) { free = true; break; }
      idx = text.indexOf(s, idx + 1);
    }
    if (!free) err(base, `notMoney "${s}" not found outside amount spans`);
  });

  const inc = pairs.filter((p) => p.consistent === false).length;
  summary.push({ file: base, chars: text.length, amounts: amounts.length, pairs: pairs.length, inconsistent: inc, entities: entities.length,
    optional: entities.filter((e) => e.optional).length, mentions: mentionCount, notMoney: notMoney.length,
    rates: [...groups.entries()].map(([k, g]) => `${k} ${g.report.join(' ')}`).join('; ') });
}

// ---------- set-level coverage ----------
const required = ['₩', 'US$', 'USD', 'KRW', '€', 'EUR', '£', 'livres sterling', 'francs suisses', 'CHF', 'yens', '¥', 'yuans', 'renminbi',
  'G$', 'M$', 'k$', '$ CA', 'French billion', 'mille milliards', 'written-out number', 'U+00A0 in amount', 'U+202F in amount', 'decimal comma',
  'English $N billion', 'bare $ ambiguous', 'range', 'per:mois', 'per:heure', 'pair A (B)', 'pair A, soit B', 'pair A, ou B', 'pair A (environ B)',
  'pair USD first then KRW', 'pair KRW/USD', 'pair EUR/USD', 'pair EUR/KRW', 'pair CAD/USD',
  'approx:environ', 'approx:près de', 'approx:plus de', 'approx:moins de', 'approx:quelque'];
for (const r of required) if (!features.has(r)) err('SET', `feature missing: ${r}`);
const nonSeed = summary.filter((s) => !s.file.startsWith('00-'));
if (nonSeed.length !== 14) err('SET', `expected 14 articles, found ${nonSeed.length}`);
const incArticles = nonSeed.filter((s) => s.inconsistent > 0).length;
if (incArticles < 6) err('SET', `${incArticles} articles with an inconsistent pair, expected at least 6`);
if (nonSeed.some((s) => s.inconsistent > 1)) err('SET', 'an article has more than one inconsistent pair');
if (!fs.existsSync(path.join(DIR, 'README.md'))) err('SET', 'README.md missing');
const extra = fs.readdirSync(DIR).filter((f) => !/^\d\d-[a-z0-9-]+\.(txt|gold\.json)$/.test(f) && f !== 'README.md');
if (extra.length) warn('SET', `unexpected files: ${extra.join(', ')}`);

console.log('\nfile                              chars amts pairs(off) ents(opt) ments notMoney  rates');
for (const s of summary)
  console.log(`${s.file.padEnd(33)} ${String(s.chars).padStart(5)} ${String(s.amounts).padStart(4)} ${String(s.pairs).padStart(3)}(${s.inconsistent}) ${String(s.entities).padStart(6)}(${s.optional}) ${String(s.mentions).padStart(5)} ${String(s.notMoney).padStart(5)}   ${s.rates}`);
const tot = (k) => summary.reduce((n, s) => n + s[k], 0);
console.log(`TOTAL ${summary.length} files: ${tot('amounts')} amounts, ${tot('pairs')} pairs (${tot('inconsistent')} inconsistent), ${tot('entities')} entities, ${tot('mentions')} mentions, ${tot('notMoney')} notMoney`);
if (process.env.VERBOSE) for (const [k, v] of [...features.entries()].sort()) console.log(`  feature ${k}: ${[...v].join(' ')}`);
console.log(`\n${errors} error(s), ${warnings} warning(s)`);
process.exit(errors ? 1 : 0);
