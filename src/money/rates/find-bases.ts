import type { Span } from '../../document.js';
import type { Grammar } from '../compile-grammar.js';
import { toNumber } from '../decimal.js';
import type { AmountSpan, BareNumber } from '../find-amounts.js';
import { isDigit, isHangul, isLetter, isWordUnit, matchKey } from '../match-key.js';
import { countBelow } from '../../util/span-at.js';
import type { RateSpan, Figure, RateContext } from './rate-types.js';
import { VERB_AFTER_FIGURE, clauseEnd, NAMED_SUBJECT_REACH, modelNumber, onlyMoves, onlyQualifier, phraseEndsAt, levelAfterSubject, containsPhrase, grammarAt, conjunctionEndsAt } from './clauses.js';
import { type Mention, namesAnother, NEAREST_MENTIONS, pairCuesIn, SUBJECT_REACH } from './currency-mentions.js';
import { baseUnits, NEAR_PREVIOUS, LOOKBACK, plausibleFor } from './plausible-rates.js';
import { reReadOpenDollar } from './settle-currencies.js';

// What a figure is the price of: a base after it ("pour un dollar", "달러당"), before it ("un
// dollar valait"), leading its sentence ("Pour 1 euro, on obtient"), or labelling its table row.

/** Whether an amount's per-unit phrase names a currency ("1,406.3 won per dollar", "100엔당 953원"). */
export function perCurrency(ctx: RateContext, a: AmountSpan): boolean {
  const g = grammarAt(ctx.segments, a.start);
  if (!g || !a.per) return false;
  const unit = matchKey(a.per.unit.replace(/^[\d\s.,]+/u, ''));
  const found = g.mentions.longest(unit, unit, 0, { hangulAttach: true });
  return found !== null;
}

/** Whether an amount's per-unit phrase is a bare "unit" ("por unidad", "l'unité", "per unit"). */
export function perUnitWord(ctx: RateContext, a: AmountSpan): boolean {
  const g = grammarAt(ctx.segments, a.start);
  return g !== null && a.per !== null && (g.pack.rates.unitWords ?? []).some((w) => matchKey(w) === matchKey(a.per!.unit.trim()));
}

/** How long a currency name labelling a table row may be ("Dollar américain :"). */
export const LABEL_REACH = 24;

/**
 * "Dollar : 1 402,1 wons", "Yen (100) : 932,8 wons": a row of a market table, the currency alone
 * before the colon, at the start of its line or after a full stop.
 */
export function tableLabel(ctx: RateContext, g: Grammar, f: Figure, colon: number): { code: string; units: number } | null {
  const { key, fold } = ctx.forms;
  let e = colon;
  while (e > 0 && fold[e - 1] === ' ') e--;
  let units = 1;
  const hundred = /\(100\) ?$/.exec(fold.slice(Math.max(0, e - 7), e));
  if (hundred) {
    units = 100;
    e -= hundred[0].length;
    while (e > 0 && fold[e - 1] === ' ') e--;
  }
  for (let s = Math.max(0, e - LABEL_REACH); s < e; s++) {
    if (s > 0 && isWordUnit(key.charCodeAt(s - 1)) && isWordUnit(key.charCodeAt(s))) continue;
    const mention = g.mentions.longest(key, fold, s, { hangulAttach: true, accept: (end) => end === e });
    if (!mention || mention.value.subunit) continue;
    let b = s;
    while (b > 0 && fold[b - 1] === ' ') b--;
    if (b > 0 && !'.\n;)'.includes(fold[b - 1]!)) return null;
    const code = ctx.resolve(mention.value.code);
    return code === f.currency ? null : { code, units };
  }
  return null;
}

/** How far before a subject its verb may stand ("kostete ein Dollar …"). */
export const VERB_BEFORE_SUBJECT = 30;

/**
 * A number without a currency can be a rate figure ("à 1 380,5 pour un dollar", "closed at
 * 1,370.90 as of 11:26") unless it is a year ("depuis 2009"), a time ("3:30"), counts something
 * ("2 334,23 points") or is the number of an amount already read.
 */
export function bareFigure(ctx: RateContext, b: BareNumber, amounts: readonly AmountSpan[]): boolean {
  const { fold, key } = ctx.forms;
  if (/^(?:19|20)\d\d$/.test(fold.slice(b.start, b.end))) return false;
  if (fold[b.end] === ':' || fold[b.start - 1] === ':' || fold[b.end] === '%') return false;
  // "2/3 de cent": a fraction is no level; "1 250/1 $" is one.
  const grammar = grammarAt(ctx.segments, b.start);
  if (grammar !== null && slashBase(ctx, grammar, b.end, true) !== null) return !insideAmount(amounts, b);
  if ((fold[b.end] === '/' && isDigit(key.charCodeAt(b.end + 1))) || (fold[b.start - 1] === '/' && isDigit(key.charCodeAt(b.start - 2)))) return false;
  // "Yen (100) :": the units a table row is for.
  if (fold[b.start - 1] === '(' && fold[b.end] === ')' && /^ ?:/.test(fold.slice(b.end + 1, b.end + 3))) return false;
  // "3시 10분", "9월 2일": a time or a date in Korean; "출범 2주년", "3개": a count.
  if ('시분초년월일'.includes(fold[b.end] ?? '')) return false;
  if (isHangul(key.charCodeAt(b.end))) {
    const particles = grammarAt(ctx.segments, b.start)?.pack.rates.figureParticles;
    if (particles && !particles.some((p) => key.startsWith(p, b.end))) return false;
  }
  // "vers 8 H 30", "à 9h30": the minutes of a time.
  if (/\d ?[hH] ?$/.test(fold.slice(Math.max(0, b.start - 4), b.start))) return false;
  // "a 15-year low": a number hyphened to a word qualifies it.
  if (fold[b.end] === '-' && isWordUnit(key.charCodeAt(b.end + 1))) return false;
  // "un Boeing 737", "l'Airbus A350", "le Galaxy S25": a number right after a capitalised name is a model.
  if (/^\d{1,4}$/.test(fold.slice(b.start, b.end)) && modelNumber(fold, b.start)) return false;
  let next = b.end;
  while (fold[next] === ' ') next++;
  if (fold[next] === '%') return false;
  const g = grammarAt(ctx.segments, b.start);
  if (g && g.percentWords.longest(key, fold, next)) return false;
  // "912,7 wones por cada 100 unidades": the number of units a quote is for is not a figure.
  // A number the clause goes on after ("contre 1 300 dans le budget") is a figure, though.
  const g0 = grammarAt(ctx.segments, b.start);
  const clauseGoesOn = !isWordUnit(key.charCodeAt(next)) || (g0 !== null && g0.clauseWords.longest(key, fold, next) !== null);
  if (g0 && !clauseGoesOn) {
    const before = key.slice(Math.max(0, b.start - 16), b.start).trimEnd();
    const articles = new Set([...g0.pack.rates.subjects, ...g0.pack.numbers.articles].map(matchKey));
    if (g0.pack.rates.perBase.some((p) => !articles.has(matchKey(p)) && before.endsWith(' ' + matchKey(p)))) return false;
  }
  if (isWordUnit(key.charCodeAt(next)) && next === b.end + 1) {
    if (!g || !g.bareFigureFollowers.longest(key, fold, next)) return false;
  }
  return !insideAmount(amounts, b);
}

/** Whether a number is part of an amount read already; amounts are in text order, found by halving. */
function insideAmount(amounts: readonly AmountSpan[], b: BareNumber): boolean {
  const at = countBelow(amounts, b.end, (a) => a.start);
  return at > 0 && amounts[at - 1]!.end > b.start;
}

/** How far back a quote may be for "the same amount" to name its base. */
export const SAME_BASE_REACH = 400;

/**
 * "1 380,5 pour un dollar", "1,430 won per dollar", "900 wons pour 100 yens", "per ¥100"; "pour
 * obtenir la même somme" names the base of the latest quote, when there is one.
 */
/** How many words may follow a figure's own verb before its base ("s'échangeaient encore récemment à 1 dollar"). */
const WORDS_AFTER_VERB = 3;

/** Where a base marker stands after the figure's own rate verb and a few words; null when no verb stands at `at`. */
function afterOwnVerb(ctx: RateContext, g: Grammar, at: number): number | null {
  const { key, fold } = ctx.forms;
  let p = at;
  let verb = false;
  for (let word = 0; word <= WORDS_AFTER_VERB; word++) {
    const marker = verb ? g.rateBase.longest(key, fold, p) : null;
    if (marker) {
      // One unit of the base only: "contre 412 F CFA" after "10 cedis s'échangent" is the price.
      let q = marker.end;
      while (fold[q] === ' ') q++;
      const oneUnit = !isDigit(key.charCodeAt(q)) || (key[q] === '1' && !/[\d.,]/.test(fold[q + 1] ?? ''));
      return oneUnit || isDigit(key.charCodeAt(marker.end - 1)) ? p : null;
    }
    const start = p;
    while (p < key.length && (isLetter(key.charCodeAt(p)) || fold[p] === "'" || fold[p] === '’' || fold[p] === '-')) p++;
    if (p === start) return null;
    for (let i = start; i < p && !verb; i++) if ((i === start || fold[i - 1] === "'") && g.rateSubjectVerbs.longest(key, fold, i, { prefix: true })) verb = true;
    if (word === 0 && !verb) return null;
    while (fold[p] === ' ') p++;
  }
  return null;
}

/** How long an aside between a figure and its base may be ("(monnaie locale)"). */
const ASIDE_LENGTH = 40;

export function baseAfter(
  ctx: RateContext,
  g: Grammar,
  f: Figure,
  byEnd: ReadonlyMap<number, number>,
  latest: { code: string; units: number } | null,
): { code: string; units: number; amount?: number; strong?: boolean } | null {
  const { key, fold } = ctx.forms;
  let at = f.end;
  // "255 ₩/$", "1 380 wons/dollar", "11,27 cedis / 1 dollar", "1 100 N/1 $": a pair written with a slash.
  const slashed = slashBase(ctx, g, at, f.currency === null);
  if (slashed) {
    const amount = byEnd.get(slashed.end);
    return { code: slashed.code, units: 1, strong: true, ...(amount !== undefined ? { amount } : {}) };
  }
  if (fold[at] === ' ') at++;
  // "750 nairas (monnaie locale), pour obtenir 1 $": a short aside with no figure goes on with the quote.
  if (fold[at] === '(') {
    // Looked for within reach only: bounded work in a text of many unclosed brackets.
    const within = fold.slice(at, at + ASIDE_LENGTH + 1).indexOf(')');
    const close = within === -1 ? -1 : at + within;
    if (close !== -1 && !/\d/.test(fold.slice(at, close))) {
      at = close + 1;
      while (fold[at] === ' ' || fold[at] === ',') at++;
    }
  }
  // "160,52 yens sont désormais nécessaires pour obtenir 1 dollar": the figure's own verb first.
  const need = g.rateNeedPhrases.longest(key, fold, at);
  if (need) at = need.end + (fold[need.end] === ' ' ? 1 : 0);
  // "23 200 dinars à l'achat pour 100 dollars": the side of the counter comes first.
  const side = g.rateSides.longest(key, fold, at);
  if (side) at = side.end + (fold[side.end] === ' ' ? 1 : 0);
  // "Deux mille francs congolais s'échangeaient encore récemment à 1 dollar": the figure's verb,
  // a word or two, then one unit of the base.
  if (!g.rateBase.longest(key, fold, at)) at = afterOwnVerb(ctx, g, at) ?? at;
  const marker = g.rateBase.longest(key, fold, at);
  if (!marker) return null;
  let strong = !g.rateWeakBases.has(key.slice(at, marker.end).trim());
  let p = marker.end;
  // "pour 1" before "1 000 wons": a marker ending in a digit gives the digit back to the number.
  if (isDigit(key.charCodeAt(p - 1)) && /^[ \u00a0\u202f.,']?\d/.test(fold.slice(p, p + 2))) {
    while (p > at && isDigit(key.charCodeAt(p - 1))) p--;
  }
  if (fold[p] === ' ') p++;
  let units = 1;
  // "17 580 dongs pour 1 000 wons": the units may be grouped.
  const number = /^\d{1,3}(?:[ \u00a0\u202f.,']\d{3})*(?!\d)/.exec(fold.slice(p, p + 12));
  if (number) {
    units = Number(number[0].replace(/\D/g, ''));
    p += number[0].length;
    if (/[ \u00a0\u202f]/.test(fold[p] ?? '')) p++;
  }
  const mention = g.mentions.longest(key, fold, p, { hangulAttach: true });
  // "8,0686 yuans pour 100 yens": a count of units names the base as plainly as "pour un" does.
  if (number) strong = true;
  if (!mention && !number && latest && g.rateSameBase.longest(key, fold, p)) return { code: latest.code, units: latest.units, strong };
  // "15 wones = 1 dólar" names the base after the sign; "$1 = 1,430 won" prices the dollar, and
  // is read from the other side.
  if (/^[=≈]/.test(key.slice(at, marker.end).trim()) && units !== 1 && units !== 100) return null;
  if (!mention || mention.value.subunit) return null;
  let end = mention.end;
  if (!number) {
    const after = /^\s?\d+/.exec(key.slice(mention.end, mention.end + 6));
    if (after && mention.value.sign) {
      units = Number(after[0].trim());
      end += after[0].length;
    }
  }
  // "908,46 wons pour 100 yens": the base, printed as an amount, is not money.
  const amount = byEnd.get(end);
  return { code: ctx.resolve(mention.value.code), units: units || 1, strong, ...(amount !== undefined ? { amount } : {}) };
}

/** How long an unread sign between a figure and its slash may be ("1 100 N/1 $"). */
const SLASH_SIGN = 3;

/**
 * The base of a rate written with a slash after its figure (and its currency): "255 ₩/$",
 * "11,27 cedis / 1 dollar américain", "1€/1$"; after a bare figure, a short sign precis does not
 * know may come first ("1 100 N/1 $", the naira). Null when no currency follows the slash.
 */
export function slashBase(ctx: RateContext, g: Grammar, end: number, bare: boolean): { code: string; end: number } | null {
  const { key, fold } = ctx.forms;
  let p = end;
  if (fold[p] === ' ') p++;
  if (bare) {
    let q = p;
    while (q < p + SLASH_SIGN && isWordUnit(key.charCodeAt(q)) && !isDigit(key.charCodeAt(q))) q++;
    if (q > p && !isWordUnit(key.charCodeAt(q))) p = q;
  }
  if (fold[p] === ' ') p++;
  if (fold[p] !== '/') return null;
  // Spaces may stand around the slash, and one unit after it: "/1 $", " / 1 dollar".
  p++;
  if (fold[p] === ' ') p++;
  if (fold[p] === '1' && !isDigit(key.charCodeAt(p + 1)) && fold[p + 1] !== ',' && fold[p + 1] !== '.') {
    p++;
    if (fold[p] === ' ') p++;
  }
  const base = g.mentions.longest(key, fold, p, { hangulAttach: true });
  if (!base || base.value.subunit) return null;
  return { code: ctx.resolve(base.value.code), end: base.end };
}

/**
 * "Pour 1 euro, on obtient 0,85 livre, 0,96 franc suisse et 1,48 dollar canadien": a clause that
 * opens with a base and a comma prices it in every other currency the sentence prints after it.
 * The clause may open the sentence or follow a comma in it ("Ce lundi matin, pour 1 euro, on
 * obtient …"); the nearest before the figure counts. Each sentence is read once.
 */
export type LeadBase = { at: number; code: string; units: number; amount?: number };

export function leadingBases(ctx: RateContext, g: Grammar, sentence: Span, amounts: readonly AmountSpan[]): LeadBase[] {
  const { key, fold } = ctx.forms;
  let at = sentence.start;
  while (at < sentence.end && !isWordUnit(key.charCodeAt(at))) at++;
  const starts = [at];
  // Each clause may lead with its base: after a comma, a semicolon or a colon ("L'euro s'achetait
  // 1 615,3 wons ; pour 1 euro, on obtenait 1,165 dollar").
  for (let c = sentence.start; c < sentence.end; c++) {
    if (fold[c] === ',' || fold[c] === ';' || fold[c] === ':') starts.push(c + (fold[c + 1] === ' ' ? 2 : 1));
    // "… 12,50 GH¢ et pour avoir 1 000 F CFA il faut …": after a conjunction too.
    else if (fold[c] === ' ' && c > sentence.start && conjunctionEndsAt(ctx.forms, g, c)) starts.push(c + 1);
  }
  const out: LeadBase[] = [];
  for (const start of starts) {
    const lead = g.rateLeadingBase.longest(key, fold, start);
    if (!lead) continue;
    const open = lead.end + (fold[lead.end] === ' ' ? 1 : 0);
    const base = leadAmount(ctx, amounts, open) ?? leadName(ctx, g, open);
    if (!base) continue;
    // A comma closes the lead, or a clause that takes its price: "Pour un dollar on obtient …".
    let after = base.at;
    if (fold[after] !== ',') {
      while (fold[after] === ' ') after++;
      const clause = g.rateLeadingClauses.longest(key, fold, after);
      if (!clause) continue;
      base.at = clause.end;
    }
    out.push(base);
  }
  return out;
}

/** "Pour 1 euro", "pour 100 yens": one or a hundred units printed as an amount. */
export function leadAmount(ctx: RateContext, amounts: readonly AmountSpan[], open: number): LeadBase | null {
  const i = countBelow(amounts, open + 1, (a) => a.start) - 1;
  const a = amounts[i];
  if (!a || a.start !== open || a.scale !== null) return null;
  const units = toNumber(a.decimal);
  return units === 1 || units === 100 || baseUnits(units, ctx.resolve(a.currency)) ? { at: a.end, code: ctx.resolve(a.currency), units, amount: i } : null;
}

/** "Pour un dollar", "En changeant 1 livre": an article (or 1) and a currency's name. */
export function leadName(ctx: RateContext, g: Grammar, open: number): LeadBase | null {
  const { key, fold } = ctx.forms;
  let end = open;
  while (end < key.length && isWordUnit(key.charCodeAt(end))) end++;
  const word = matchKey(key.slice(open, end));
  if (end === open || fold[end] !== ' ' || !(word === '1' || g.words?.articles.has(word))) return null;
  const mention = g.mentions.longest(key, fold, end + 1, { hangulAttach: true });
  if (!mention || mention.value.subunit) return null;
  return { at: mention.end, code: ctx.resolve(mention.value.code), units: 1 };
}

export function leadingBase(f: Figure, leads: readonly LeadBase[]): { code: string; units: number; amount?: number } | null {
  if (f.currency === null) return null;
  const n = countBelow(leads, f.start, (l) => l.at);
  return n > 0 ? leads[n - 1]! : null;
}

/**
 * A level put first, its subject after the comma: "Horlogerie : à 1 739 wons, le franc freine
 * les ventes", "At 1,450 won, the dollar…". The clause opens with a word that prices a subject.
 */
export function frontedLevel(ctx: RateContext, g: Grammar, f: Figure, sentence: Span, rates: readonly RateSpan[], amounts: readonly AmountSpan[]): { code: string; units: number } | null {
  if (f.currency === null) return null;
  const { key, fold } = ctx.forms;
  // The clause starts at the sentence or after a colon or a line break.
  let open = f.start - 1;
  while (open > sentence.start && fold[open - 1] !== ':' && fold[open - 1] !== '\n' && f.start - open < 40) open--;
  if (open > sentence.start && fold[open - 1] !== ':' && fold[open - 1] !== '\n') return null;
  // An opening quotation mark or bracket may come first ("« Au-dessus de 1 400 wons, … »").
  while (open < f.start && (fold[open] === ' ' || OPENERS.includes(fold[open]!))) open++;
  const at = g.rateAtLevel.longest(key, fold, open);
  if (!at || !(key.slice(at.end, f.start).trim() === '' || onlyQualifier(ctx.forms, g, at.end, f.start))) return null;
  let after = f.end;
  while (fold[after] === ' ') after++;
  if (fold[after] !== ',') return null;
  after++;
  while (fold[after] === ' ') after++;
  // A determiner ("le", "l'", "the"), then the currency.
  let word = after;
  while (word < key.length && word - after < 6 && isWordUnit(key.charCodeAt(word))) word++;
  if (fold[word] === ' ') word++;
  const start = g.mentions.longest(key, fold, word, { hangulAttach: true }) ? word : g.mentions.longest(key, fold, after + 2, { hangulAttach: true }) && fold[after + 1] === "'" ? after + 2 : -1;
  // "Au-dessus de 1 400 wons, chaque trimestre nous coûte …": a threshold without its subject is
  // the pair of a quote the article made near that level.
  if (start === -1) return levelOfQuoted(rates, f);
  const mention = g.mentions.longest(key, fold, start, { hangulAttach: true })!;
  let det = start;
  while (det > 0 && fold[det - 1] === ' ') det--;
  if (!g.rateSubjects.longest(key, fold, det) || mention.value.subunit) return null;
  const code = ctx.resolve(mention.value.code);
  reReadOpenDollar(f, code, amounts);
  return code === f.currency ? null : { code, units: 1 };
}

export const OPENERS = '«“"‹(\'‘';

/** The base of a same-day quote before the figure, in its currency and near its value (a level of that pair). */
export function levelOfQuoted(rates: readonly RateSpan[], f: Figure): { code: string; units: number } | null {
  if (f.currency === null) return null;
  // A scaled sum ("500 milliards de wons") is nowhere near a level.
  const value = toNumber(f.value);
  for (let i = rates.length - 1; i >= Math.max(0, rates.length - LOOKBACK); i--) {
    const r = rates[i]!;
    if (r.end > f.start || r.earlier || r.figureCurrency !== f.currency) continue;
    if (Math.abs(toNumber(r.figure) / value - 1) <= NEAR_PREVIOUS) return { code: r.base === f.currency ? r.quote : r.base, units: 1 };
  }
  return null;
}

/** Korean and equations: "달러당 1,430원", "100엔당 900원", "1달러에 1,430원", "$1 = 1,430 won". */
export function baseBefore(ctx: RateContext, g: Grammar, f: Figure, amounts: readonly AmountSpan[], byEnd: Map<number, number>): { code: string; units: number; amount?: number } | null {
  const { key, fold } = ctx.forms;
  let at = f.start;
  while (at > 0 && fold[at - 1] === ' ') at--;
  const fromAmount = (end: number) => {
    const i = byEnd.get(end);
    if (i === undefined) return null;
    const a = amounts[i]!;
    const units = toNumber(a.decimal);
    if (!(units > 0) || a.scale !== null) return null;
    return { code: ctx.resolve(a.currency), units, amount: i };
  };
  if (fold[at - 1] === '=' || fold[at - 1] === '≈') {
    let e = at - 1;
    while (e > 0 && fold[e - 1] === ' ') e--;
    return fromAmount(e);
  }
  // A market table: "Dollar : 1 402,1 wons", "Yen (100) : 932,8 wons".
  if (fold[at - 1] === ':' && f.currency !== null) return tableLabel(ctx, g, f, at - 1);
  for (const suffix of [g.pack.rates.perBaseSuffix, g.pack.rates.basePostposition]) {
    if (!suffix || key.slice(at - suffix.length, at) !== suffix) continue;
    const end = at - suffix.length;
    const amount = fromAmount(end);
    if (amount) return amount;
    // "달러당": a currency name just before the suffix.
    for (let s = Math.max(0, end - 8); s < end; s++) {
      if (s > 0 && isWordUnit(key.charCodeAt(s - 1)) && !isDigit(key.charCodeAt(s - 1))) continue;
      const mention = g.mentions.longest(key, fold, s, { hangulAttach: true, accept: (e) => e === end });
      if (mention && suffix === g.pack.rates.perBaseSuffix) return { code: ctx.resolve(mention.value.code), units: 1 };
    }
  }
  return null;
}

/** "un dollar valait 1 431,30 wons", "100 yens valaient 926,2 wons", "the dollar closed at 1,430 won". */
export function subjectBefore(
  ctx: RateContext,
  g: Grammar,
  f: Figure,
  sentence: Span,
  amounts: readonly AmountSpan[],
  byEnd: Map<number, number>,
  rates: readonly RateSpan[] = [],
): { code: string; units: number; amount?: number } | null {
  const { key, fold } = ctx.forms;
  const from = Math.max(sentence.start, f.start - NAMED_SUBJECT_REACH);
  for (let s = f.start - 1; s >= from; s--) {
    const c = key.charCodeAt(s);
    if (c === 0x2e || c === 0x3b || c === 0x3f || c === 0x21) return null;
    if (s > 0 && isWordUnit(key.charCodeAt(s - 1)) && isWordUnit(c)) continue;
    const mention = g.mentions.longest(key, fold, s, { hangulAttach: true });
    if (!mention || mention.value.subunit) continue;
    // Between the subject and the figure no other figure, but for quotes of the same subject
    // ("L'euro … à 1,1712 dollar, et s'achetait 1 604,3 wons"); a rate verb there, or just before
    // the subject (German puts the verb first: "kostete ein Dollar 1.335,2 Won").
    const gap = key.slice(mention.end, f.start);
    // Nor a move of it ("le huard a progressé de 77 centièmes à 95,83 cents US").
    if (/\d/.test(gap) && !onlyMoves(ctx.forms, g, mention.end, f.start, true) && (!onlyQuotesOf(ctx, rates, amounts, mention.end, f.start, ctx.resolve(mention.value.code)) || namesAnother(ctx, g, byEnd, mention.end, f.start))) continue;
    // Nor a pair named between ("Le dollar a cédé 9 FCFA, dans le sillage de la parité euro-dollar,
    // passée de 1,15 …": 1,15 is the pair's level, not the dollar's).
    if (pairCuesIn(ctx, g, mention.end, f.start).length > 0) continue;
    const verbFrom = Math.max(sentence.start, s - VERB_BEFORE_SUBJECT);
    // "un dollar à 1 350 wons": a word that prices the subject stands for the verb, one word after
    // the subject at most ("un dollar durablement au-dessus de 1 400 wons").
    const at = levelAfterSubject(ctx.forms, g, mention.end);
    const priced = at !== null && (key.slice(at.end, f.start).trim() === '' || onlyQualifier(ctx.forms, g, at.end, f.start));
    // German puts the participle last: "Ein Yuan wurde am Donnerstag zu 198,9 Won gehandelt".
    const verbTo = clauseEnd(ctx.forms, f.end, VERB_AFTER_FIGURE);
    if (!priced && !containsPhrase(ctx.forms, g.rateSubjectVerbs, mention.end, f.start, true) && !containsPhrase(ctx.forms, g.rateSubjectVerbs, verbFrom, s, true) && !containsPhrase(ctx.forms, g.rateSubjectVerbs, f.end, verbTo, true)) continue;
    let det = s;
    while (det > 0 && fold[det - 1] === ' ') det--;
    // "le cours de l'euro face au dollar tournait autour de 1,12": the currency priced against is no subject.
    if (phraseEndsAt(ctx.forms, g.rateAgainst, s)) continue;
    // A headline or an English sentence may open on the currency itself: "Sterling slipped below $1.25".
    const opensSentence = det <= sentence.start || fold[det - 1] === ':' || fold[det - 1] === '\n';
    // A headline drops the article: "Abre Banxico dólar a 14.09 pesos" prices the dollar as
    // plainly as "el dólar a 14.09 pesos" when the level word joins them.
    const subject = g.rateSubjects.longest(key, fold, det) ?? (opensSentence || (priced && f.currency !== null && f.currency !== ctx.resolve(mention.value.code)) ? { end: det } : null);
    const asAmount = byEnd.get(mention.end);
    if (asAmount !== undefined) {
      // "100 wons (environ 8 centimes d'euro)": an equivalent in brackets is a pair, not a price.
      if (gap.includes('(')) continue;
      const a = amounts[asAmount]!;
      const units = toNumber(a.decimal);
      if (a.scale === null && baseUnits(units, ctx.resolve(a.currency))) return { code: ctx.resolve(a.currency), units, amount: asAmount };
      // Ten, a hundred or a thousand units of any currency opening their clause, with their verb,
      // are a base too: "100 euros se vendent 24 500 dinars", "les 1000 yens valent 21,5 dinars"
      // (not "un voyageur qui achète 1 000 dollars débourse 1 410 800 wons").
      if (a.scale === null && (units === 10 || units === 100 || units === 1000) && (opensClause(ctx, g, a.start) || phraseEndsAt(ctx.forms, g.banknotes, a.start))) return { code: ctx.resolve(a.currency), units, amount: asAmount };
      // "L'euro a franchi la barre de 1,17 dollar … et valait 1 587,2 wons": an amount's currency
      // is not the subject.
      continue;
    }
    // Korean marks its subject after the noun: "유로화는 1,530원에 거래됐다".
    // ("유로화는 1유로에 1.055달러": the figure in the subject's own currency is the base of the next.)
    if (!subject && (g.pack.rates.subjectParticles ?? []).includes(key[mention.end] ?? '') && !isWordUnit(key.charCodeAt(mention.end + 1))) {
      if (f.currency === ctx.resolve(mention.value.code)) return null;
      return { code: ctx.resolve(mention.value.code), units: 1 };
    }
    if (subject) {
      // "Un euro valait 6,55957 francs": one unit of a currency and its price is a quote however
      // far from today's level (a historical one), where "le dollar … 5 000 wons" may be a sum.
      const word = matchKey(key.slice(subject.end, det).trim());
      // The verb comes right after the currency: "une livre de bœuf coûte 5 dollars" is a price.
      let verbAt = mention.end + (fold[mention.end] === ' ' ? 1 : 0);
      // A reflexive or negative particle before the verb: "s'échangeait", "ne valait".
      const particle = g.verbParticles.longest(key, fold, verbAt);
      if (particle) verbAt = particle.end + (fold[particle.end] === ' ' ? 1 : 0);
      const oneUnit =
        (word === '1' || (g.words !== null && (g.words.articles.has(word) || g.words.words.get(word) === 1))) &&
        !/\d/.test(gap) &&
        g.rateSubjectVerbs.longest(key, fold, verbAt, { hangulAttach: true, prefix: true, accept: (end) => end <= f.start }) !== null;
      // "le dollar a chuté jusqu'à 75,32 yens": the subject's verb, then a phrase that states its
      // level right before the figure, make a quote of a level further from today's (a record).
      const stated = !oneUnit && containsPhrase(ctx.forms, g.rateSubjectVerbs, mention.end, f.start, true) && (phraseEndsAt(ctx.forms, g.rateAtLevel, f.start) || phraseEndsAt(ctx.forms, g.qualifiersBefore, f.start));
      // "En 2016, à Lagos, le dollar s'échangeait à 305 nairas": a year before the subject dates the
      // quote, however far from today's level.
      const dated = !oneUnit && containsPhrase(ctx.forms, g.rateSubjectVerbs, mention.end, f.start, true) && yearBefore(fold, Math.max(sentence.start, s - YEAR_REACH), s);
      return { code: ctx.resolve(mention.value.code), units: 1, ...(oneUnit || dated ? { oneUnit: true } : {}), ...(stated ? { stated } : {}) };
    }
  }
  return null;
}

/**
 * Whether every digit between two offsets belongs to a quote of one unit of `base`, found or
 * possible: an amount without a scale that would be a plausible price of `base` in its currency.
 */
export function onlyQuotesOf(ctx: RateContext, rates: readonly RateSpan[], amounts: readonly AmountSpan[], from: number, to: number, base: string): boolean {
  const { key } = ctx.forms;
  const recent = rates.slice(Math.max(0, rates.length - LOOKBACK)).filter((r) => r.end > from && r.start < to);
  // A quote of another pair between ("… d'un dollar est de 6,98 yuans, et il faut 4,53 yuans pour
  // 100 yens, contre 4,41") ends the subject's list.
  if (recent.some((r) => r.base !== base && r.quote !== base)) return false;
  const spans: Span[] = recent.filter((r) => r.base === base);
  for (let i = countBelow(amounts, from, (a) => a.start); i < amounts.length && amounts[i]!.start < to; i++) {
    const a = amounts[i]!;
    const currency = ctx.resolve(a.currency);
    if (a.scale === null && currency !== base && plausibleFor(base, currency, toNumber(a.decimal))) spans.push(a);
  }
  if (spans.length === 0) return false;
  for (let i = from; i < to; i++) {
    if (isDigit(key.charCodeAt(i)) && !spans.some((r) => r.start <= i && i < r.end)) return false;
  }
  return true;
}

/**
 * A figure that is the subject of the next figure's quote: one or a hundred units of a currency,
 * a rate verb, then a figure in another currency ("100 yen valgono circa 977 won", "1달러는
 * 1,430원이다").
 */
/**
 * "100 yens contre 990,3 wons", "1 dollar pour 1 452 wons": an amount of one, a hundred or a thousand
 * units (of a currency quoted so), then a marker of the base ("contre", "pour", "à"), then a
 * figure in another currency: the amount is the base of the figure's quote.
 */
export function baseThenPrice(ctx: RateContext, g: Grammar, f: Figure, next: Figure | undefined, sentence: Span): { code: string; units: number; amount: number } | null {
  if (f.amount === -1 || f.currency === null || !next || next.currency === null || next.currency === f.currency || next.start >= sentence.end) return null;
  const units = toNumber(f.value);
  if (!baseUnits(units, f.currency)) return null;
  const { key, fold } = ctx.forms;
  const at = f.end + (fold[f.end] === ' ' ? 1 : 0);
  const marker = g.rateBase.longest(key, fold, at) ?? g.rateAtLevel.longest(key, fold, at);
  if (!marker || key.slice(marker.end, next.start).trim() !== '') return null;
  return { code: f.currency, units, amount: f.amount };
}

export function subjectOfNext(ctx: RateContext, g: Grammar, f: Figure, next: Figure | undefined, sentence: Span): boolean {
  if (f.amount === -1 || f.currency === null || !next || next.currency === null || next.currency === f.currency) return false;
  if (next.start >= sentence.end || next.start - f.end > SUBJECT_REACH) return false;
  const units = toNumber(f.value);
  if (units !== 1 && units !== 100) return false;
  const gap = ctx.forms.key.slice(f.end, next.start);
  if (/[\d.;!?]/.test(gap)) return false;
  // "… et 100 yens 888,6 wons": the verb of a list of quotes is left out after the first.
  return gap.trim() === '' || containsPhrase(ctx.forms, g.rateVerbs, f.end, next.start, true);
}

/** Whether an amount opens its clause, alone or after a subject word ("les 1000 yens"). */
function opensClause(ctx: RateContext, g: Grammar, start: number): boolean {
  const { key, fold } = ctx.forms;
  let at = start;
  while (at > 0 && fold[at - 1] === ' ') at--;
  // The subjects trie reads backward: a match ends at `at` and gives where it starts.
  const subject = g.rateSubjects.longest(key, fold, at);
  if (subject) {
    at = subject.end;
    while (at > 0 && fold[at - 1] === ' ') at--;
  }
  // "… et les 10 dirhams marocains valent 3,1 dinars": or after a conjunction.
  return at === 0 || ',;:.\n'.includes(fold[at - 1]!) || conjunctionEndsAt(ctx.forms, g, at);
}

/**
 * "La livre sterling a chuté mardi. En séance, elle a reculé jusqu'à 1,0410 dollar": a word that
 * stands for a currency ("elle", "la monnaie", "son record") and a rate verb before a figure, with
 * no currency named between, make the figure a quote of the currency named before it in its
 * sentence, or of the one the sentence before named first (not as an amount's unit).
 */
export function anaphorBase(ctx: RateContext, g: Grammar, f: Figure, sentence: Span, here: readonly Mention[], before: readonly Mention[], byEnd: ReadonlyMap<number, number>): { code: string; units: number } | null {
  if (f.currency === null) return null;
  const { key, fold } = ctx.forms;
  const from = Math.max(sentence.start, f.start - NAMED_SUBJECT_REACH);
  for (let i = from; i < f.start; i++) {
    if (i > 0 && isWordUnit(key.charCodeAt(i - 1)) && isWordUnit(key.charCodeAt(i))) continue;
    const anaphor = g.rateAnaphors.longest(key, fold, i, { accept: (end) => end < f.start && !isWordUnit(key.charCodeAt(end)) });
    if (!anaphor) continue;
    // "le cours du pétrole s'est redressé à 80 dollars": the word names what follows it.
    if (anaphor.value && g.rateAnaphorComplements.longest(key, fold, anaphor.end + (fold[anaphor.end] === ' ' ? 1 : 0))) continue;
    if (!containsPhrase(ctx.forms, g.rateSubjectVerbs, anaphor.end, f.start, true) || namesAnother(ctx, g, byEnd, anaphor.end, f.start)) return null;
    // The currency the word stands for: the nearest named earlier in its own sentence
    // ("L'euro reste loin de son record, lorsqu'il avait culminé à 1,60 dollar"), else the first
    // of the sentence before.
    // The nearest few only, found by halving: bounded work in a sentence of many currencies.
    const names = (m: Mention | undefined) => m !== undefined && m.code !== f.currency && !byEnd.has(m.end);
    let own: Mention | undefined;
    for (let k = countBelow(here, i + 1, (m) => m.end) - 1, seen = 0; k >= 0 && seen < NEAREST_MENTIONS && !own; k--, seen++) if (names(here[k])) own = here[k];
    let first: Mention | undefined;
    for (let k = 0; k < Math.min(before.length, NEAREST_MENTIONS) && !first; k++) if (names(before[k])) first = before[k];
    const named = own ?? first;
    return named ? { code: named.code, units: 1 } : null;
  }
  return null;
}

/** How far before a subject a year dating its quote may stand ("En 2016, à Lagos, le dollar …"). */
const YEAR_REACH = 60;

/** Whether a year from 1900 to 2099 is printed between two offsets (as a number of its own). */
function yearBefore(fold: string, from: number, to: number): boolean {
  for (let i = from; i + 4 <= to; i++) {
    if ((fold[i] === '1' && fold[i + 1] === '9') || (fold[i] === '2' && fold[i + 1] === '0')) {
      if (isDigit(fold.charCodeAt(i + 2)) && isDigit(fold.charCodeAt(i + 3)) && !isDigit(fold.charCodeAt(i - 1)) && !isDigit(fold.charCodeAt(i + 4)) && !(fold[i - 1] === ',' && isDigit(fold.charCodeAt(i - 2))) && !((fold[i + 4] === ',' || fold[i + 4] === '.') && isDigit(fold.charCodeAt(i + 5)))) return true;
    }
  }
  return false;
}
