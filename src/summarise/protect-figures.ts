import type { KeySentence } from '../document.js';
import type { Entity } from '../entities/entity-types.js';
import { foldForMatching } from '../ingest/normalise-text.js';
import type { Amount, CurrencyPair, RateQuote } from '../money/amount-types.js';
import { extractMoney } from '../money/extract-money.js';

export interface Slot {
  marker: string;
  /** What goes back in the English text. */
  english: string;
  kind: 'amount' | 'person';
  /** Values (currency, exact) the English text must state, for amounts and pairs. */
  values: Array<{ currency: string; value: number }>;
}

export interface ProtectedSentence {
  source: string;
  text: string;
  slots: Slot[];
}

// Bracketed numbers: every translation vocabulary has them, and models copy them through.
const marker = (n: number) => `[${n}]`;
const MARKER = /\[\s*(\d{1,3})\s*\]/g;
const TITLE_BEFORE = /(?:\b(?:M|MM|Mme|Mmes|Mlle|Dr|Pr)\.?\s)$/u;

/**
 * Replaces the figures and people of a sentence by numbered markers before translation: a pair
 * ("728 000 milliards de wons (506 milliards $ US)"), an amount or an exchange-rate figure by its
 * English rendering, a
 * person (with the title before it) by the full name, so the model can neither garble a number
 * nor translate a name.
 */
export function protectSentence(text: string, sentence: KeySentence, amounts: Amount[], pairs: CurrencyPair[], entities: Entity[], rates: RateQuote[] = []): ProtectedSentence {
  type Span = { start: number; end: number; slot: Omit<Slot, 'marker'> };
  const spans: Span[] = [];
  const inSentence = (s: { start: number; end: number }) => s.start >= sentence.start && s.end <= sentence.end;
  const pairedAmounts = new Set<number>();
  for (const p of pairs) {
    const a = amounts[p.a]!;
    const b = amounts[p.b]!;
    if (!inSentence(a) || !inSentence(b)) continue;
    pairedAmounts.add(p.a).add(p.b);
    // Include the closing bracket of "A (B)" so no stray bracket is left behind.
    const end = text[b.end] === ')' ? b.end + 1 : b.end;
    spans.push({ start: a.start, end, slot: { english: p.english, kind: 'amount', values: [a, b].map((x) => ({ currency: x.currency, value: x.value })) } });
  }
  amounts.forEach((a, i) => {
    if (pairedAmounts.has(i) || !inSentence(a)) return;
    spans.push({ start: a.start, end: a.end, slot: { english: a.english, kind: 'amount', values: [{ currency: a.currency, value: a.value }] } });
  });
  // An exchange-rate figure is protected like an amount; its English ("₩1,431.3") is what the
  // translation must then state.
  for (const r of rates) {
    if (!inSentence(r)) continue;
    const values = figureOf(r.english);
    spans.push({ start: r.start, end: r.end, slot: { english: r.english, kind: 'amount', values } });
  }
  for (const e of entities) {
    if (e.type !== 'PERSON') continue;
    for (const m of e.mentions) {
      if (!inSentence(m)) continue;
      const title = TITLE_BEFORE.exec(text.slice(Math.max(sentence.start, m.start - 5), m.start));
      spans.push({ start: m.start - (title?.[0].length ?? 0), end: m.end, slot: { english: e.text, kind: 'person', values: [] } });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const slots: Slot[] = [];
  let out = '';
  let cursor = sentence.start;
  for (const s of spans) {
    if (s.start < cursor) continue; // overlapping spans: the first wins
    const m = marker(slots.length + 1);
    out += text.slice(cursor, s.start) + m;
    slots.push({ marker: m, ...s.slot });
    cursor = s.end;
  }
  out += text.slice(cursor, sentence.end);
  return { source: sentence.text, text: out, slots };
}

export interface Restored {
  text: string;
  /** Slots the model dropped: their figure or name is not in the output. */
  missing: Slot[];
}

/** Puts the English renderings back in place of the markers the model copied through. */
export function restoreSentence(output: string, p: ProtectedSentence): Restored {
  const seen = new Set<number>();
  const text = output
    .replace(MARKER, (whole, n: string) => {
      const slot = p.slots[Number(n) - 1];
      if (!slot) return whole;
      seen.add(Number(n));
      return slot.english;
    })
    .replace(/\s+/g, ' ')
    .trim();
  return { text, missing: p.slots.filter((_, i) => !seen.has(i + 1)) };
}

export interface FigureCheck {
  /** Source amounts (currency and value) not stated in the English text. */
  missing: Array<{ currency: string; value: number; english: string }>;
  /** Amounts in the English text that match no source amount: invented or garbled. */
  unexpected: string[];
}

/**
 * Reads the English text back with the amount grammar and compares values with the source's:
 * the check that catches "728,000 billion" for "728 000 milliards".
 */
export function checkFigures(english: string, expected: Array<{ currency: string; value: number; english: string }>): FigureCheck {
  const money = extractMoney(english, foldForMatching(english), { language: 'eng' });
  // A rate quote's figure ("worth ₩1,431.3") is a figure too; its base ("one dollar") is not.
  const found = [...money.amounts, ...money.rates.flatMap((r) => figureOf(r.english))];
  const same = (a: { currency: string; value: number }, b: { currency: string; value: number }) =>
    a.currency === b.currency && Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(b.value));
  return {
    missing: expected.filter((e) => !found.some((f) => same(f, e))),
    unexpected: found.filter((f) => !expected.some((e) => same(f, e))).map((f) => f.text),
  };
}

/** The currency and value an English figure states ("₩1,431.3"), read as money. */
function figureOf(english: string): Array<{ currency: string; value: number; text: string }> {
  return extractMoney(english, foldForMatching(english), { language: 'eng', rates: false }).amounts.map((a) => ({ currency: a.currency, value: a.value, text: a.text }));
}
