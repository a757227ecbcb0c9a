import { type ContextRule, SHARED_CURRENCIES } from '../lang/shared/index.js';
import { isWordUnit } from './match-key.js';
import { PhraseTrie } from './phrase-trie.js';

export interface Resolution {
  code: string;
  /** The article does not say which currency this is; `code` is a default. */
  ambiguous: boolean;
}

interface Cue {
  rule: string;
  /** Index of the alternative, or -1 for the rule's `versus` (arguing for the default). */
  alternative: number;
  kind: 'sign' | 'local' | 'place' | 'hint';
}

let cues: PhraseTrie<Cue[]> | undefined;

/** Every rule's cues in one trie; a phrase may be evidence for several rules ("Chile": "$" and "peso"). */
function cueTrie(): PhraseTrie<Cue[]> {
  if (cues) return cues;
  const byPhrase = new Map<string, { cues: Cue[]; caseSensitive: boolean }>();
  const add = (phrase: string, cue: Cue, caseSensitive = false) => {
    const entry = byPhrase.get(phrase) ?? { cues: [], caseSensitive };
    entry.cues.push(cue);
    byPhrase.set(phrase, entry);
  };
  for (const [rule, r] of Object.entries(SHARED_CURRENCIES.contexts)) {
    r.alternatives.forEach((a, i) => {
      for (const s of a.signs) add(s, { rule, alternative: i, kind: 'sign' }, /\p{Lu}{2,}/u.test(s));
      for (const s of a.localSigns ?? []) add(s, { rule, alternative: i, kind: 'local' });
      for (const h of a.hints ?? []) add(h, { rule, alternative: i, kind: 'hint' });
      for (const p of a.places) add(p, { rule, alternative: i, kind: 'place' });
    });
    for (const s of r.versus?.signs ?? []) add(s, { rule, alternative: -1, kind: 'sign' }, /\p{Lu}{2,}/u.test(s));
    for (const p of r.versus?.places ?? []) add(p, { rule, alternative: -1, kind: 'place' });
  }
  cues = new PhraseTrie<Cue[]>();
  for (const [phrase, entry] of byPhrase) cues.add(phrase, entry.cues, entry.caseSensitive);
  return cues;
}

/** Counts of each context cue in an article: one pass over its word starts. */
export type ContextCounts = Map<string, number>;

export function countContextCues(key: string, fold: string): ContextCounts {
  const trie = cueTrie();
  const counts: ContextCounts = new Map();
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    // Signs such as "k$" start after a digit and a space; names at word starts.
    if (i > 0 && isWordUnit(key.charCodeAt(i - 1)) && isWordUnit(code)) continue;
    const found = trie.longest(key, fold, i, { hangulAttach: true });
    if (!found) continue;
    for (const cue of found.value) {
      const id = `${cue.rule}:${cue.alternative}:${cue.kind}`;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    i = found.end - 1;
  }
  return counts;
}

/**
 * What a currency the text leaves open is in this article: a bare "$" is Canadian where the
 * article writes "$ CA", or "M$" and "k$" or Canadian places a few times, the US dollar where the article writes
 * US dollars explicitly and no other dollar, else `defaultDollar` and ambiguous; "¥" is a yuan
 * where China is named more than Japan; a bare peso or franc takes the country the article names.
 */
export function resolveCurrency(code: string, counts: ContextCounts, explicit: ReadonlySet<string>, defaultDollar: string, language?: string): Resolution {
  const rule: ContextRule | undefined = SHARED_CURRENCIES.contexts[code];
  if (!rule) return { code, ambiguous: false };
  const minScore = (language !== undefined ? rule.minScoreIn?.[language] : undefined) ?? rule.minScore ?? 3;
  const local = (i: number) => cueCount(counts, code, i, 'local');
  const signs = (i: number) => cueCount(counts, code, i, 'sign') + local(i);
  const hints = (i: number) => cueCount(counts, code, i, 'hint');
  const places = (i: number) => cueCount(counts, code, i, 'place') + hints(i);
  let best = -1;
  let bestScore = 0;
  rule.alternatives.forEach((a, i) => {
    if (a.onlyIn && !(language !== undefined && a.onlyIn.includes(language))) return;
    // A sign decides; places need to be named a few times ("Canada" once is news about Canada).
    // An amount written in that currency ("1,45 dollar canadien") hints at it as a place does:
    // writers who spell the Canadian dollar out keep the bare one for the US dollar.
    // A name spelled out is counted once, as a hint or as an amount in it, not twice.
    const score = signs(i) * 3 + places(i) + (explicit.has(a.code) && hints(i) === 0 ? 1 : 0);
    // One sign and nothing else is a writer marking the one amount in that currency ("1,3581 $ CA
    // pour un dollar américain" in a European column), not the article's own dollar; a sign only
    // the country's press uses ("11,4 G$") is.
    const lone = rule.minScore === undefined && signs(i) === 1 && local(i) === 0 && places(i) === 0;
    const enough = rule.versus ? score > signs(-1) * 3 + places(-1) : score >= minScore && !lone;
    if (enough && score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  // An article that names two other dollars, by their signs, names or amounts (Canadian and Australian),
  // keeps the bare one for the US dollar.
  // Pesos printed in a Latin American paper ("37,58 pesos argentinos") are no other dollar.
  const named = code === '$' ? rule.alternatives.filter((a, i) => DOLLARS.has(a.code) && (signs(i) > 0 || hints(i) > 0 || explicit.has(a.code))).length : 0;
  if (best !== -1 && named >= 2) return { code: 'USD', ambiguous: !explicit.has('USD') };
  if (best !== -1) return { code: rule.alternatives[best]!.code, ambiguous: false };
  if (code === '$') {
    const dollars = [...explicit].filter((c) => c !== 'USD' && DOLLARS.has(c));
    if (explicit.has('USD') && dollars.length === 0) return { code: 'USD', ambiguous: false };
    return { code: defaultDollar, ambiguous: true };
  }
  if (rule.versus) return { code: rule.default, ambiguous: false };
  return { code: rule.default, ambiguous: rule.ambiguous ?? false };
}

const DOLLARS = new Set(['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'TWD', 'MXN', 'BRL']);

/**
 * The currencies an article's pairs may choose between for an open name: every alternative where
 * the name is shared alike (crowns, pesos, rupees), else the default, `defaultDollar` and those the
 * article gives some sign, hint or place of (a bare "dollar" is not a Chilean peso in a story that
 * never names Chile, whatever rate a pair implies).
 */
export function pairCandidates(code: string, counts: ContextCounts, defaultDollar: string): string[] {
  const rule: ContextRule | undefined = SHARED_CURRENCIES.contexts[code];
  if (!rule) return [code];
  const named = (i: number) => (['sign', 'local', 'hint', 'place'] as const).some((kind) => cueCount(counts, code, i, kind) > 0);
  const alternatives = rule.alternatives.filter((_, i) => rule.ambiguous || named(i)).map((a) => a.code);
  return [...new Set([rule.default, ...(code === '$' ? [defaultDollar] : []), ...alternatives])];
}

/** How often the article gives one kind of cue for a rule's alternative (-1: its `versus`). */
function cueCount(counts: ContextCounts, code: string, alternative: number, kind: Cue['kind']): number {
  return counts.get(`${code}:${alternative}:${kind}`) ?? 0;
}

/**
 * Whether the article gives cues of two or more of a shared name's alternatives ("Niger" and
 * "Cameroun" for the CFA franc): each amount is then read by the cue nearest before it.
 */
export function mixedContext(code: string, counts: ContextCounts): boolean {
  const rule: ContextRule | undefined = SHARED_CURRENCIES.contexts[code];
  if (!rule?.ambiguous) return false;
  let named = 0;
  rule.alternatives.forEach((_, i) => {
    if ((['sign', 'local', 'place'] as const).some((kind) => cueCount(counts, code, i, kind) > 0)) named++;
  });
  return named >= 2;
}

/**
 * The alternative of a shared name whose place, sign or local cue stands nearest before `to`,
 * from `from`, unless a cue of `current` (the article's reading) stands there too: "Au Mexique,
 * où l'Argentine sert de contre-exemple, le panier coûte 450 pesos" stays Mexican.
 */
export function nearestContext(code: string, current: string, key: string, fold: string, from: number, to: number): string | null {
  const rule: ContextRule | undefined = SHARED_CURRENCIES.contexts[code];
  if (!rule) return null;
  const trie = cueTrie();
  let nearest: string | null = null;
  for (let i = from; i < to; i++) {
    if (i > 0 && isWordUnit(key.charCodeAt(i - 1)) && isWordUnit(key.charCodeAt(i))) continue;
    const found = trie.longest(key, fold, i, { hangulAttach: true });
    if (!found || found.end > to) continue;
    const cue = found.value.find((c) => c.rule === code && c.alternative >= 0 && c.kind !== 'hint');
    if (cue) {
      nearest = rule.alternatives[cue.alternative]!.code;
      if (nearest === current) return null;
    }
    i = found.end - 1;
  }
  return nearest;
}
