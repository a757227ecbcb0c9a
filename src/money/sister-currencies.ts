import { SHARED_CURRENCIES } from '../lang/shared/index.js';
import type { AmountSpan, TextForms } from './find-amounts.js';
import { isWordUnit } from './match-key.js';
import { PhraseTrie } from './phrase-trie.js';
import { countBelow } from '../util/span-at.js';

interface PlaceCue {
  home: string;
  /** A place of the sister's country (true) or of the home's (false). */
  sister: boolean;
}

/** The sister currencies, to tell an amount already read in one. */
const SISTERS = new Set(Object.values(SHARED_CURRENCIES.sisterCurrencies).map((s) => s.sister));

let places: PhraseTrie<PlaceCue> | undefined;

function placeTrie(): PhraseTrie<PlaceCue> {
  if (places) return places;
  places = new PhraseTrie<PlaceCue>();
  for (const [home, s] of Object.entries(SHARED_CURRENCIES.sisterCurrencies)) {
    for (const p of s.places) places.add(p, { home, sister: true }, /^\p{Lu}{2,}$/u.test(p));
    for (const p of s.homePlaces) places.add(p, { home, sister: false }, /^\p{Lu}{2,}$/u.test(p));
  }
  return places;
}

/**
 * Reads bare names two currencies share in the sister where the text is about its country: a sum
 * without a scale word printed with the open name ("13 500 wons le kilo à Pyongyang") in a
 * paragraph that names the sister's places and none of the home's is in the sister. Sums with a
 * scale word stay in the home currency (aid, trade and budgets in inter-Korean stories are South
 * Korean wons). Mutates the amounts; returns the sisters the article names, in words or places,
 * for the quotes to be read against. One pass over the text.
 */
export function readSisters(forms: TextForms, amounts: AmountSpan[]): Set<string> {
  const { key, fold } = forms;
  const trie = placeTrie();
  const named = new Set<string>();
  const paragraphStarts = [0];
  // Per paragraph, per home currency: how often each side's places are named.
  const counts: Array<Map<string, { sister: number; home: number }>> = [new Map()];
  for (let i = 0; i < key.length; i++) {
    if (key[i] === '\n') {
      paragraphStarts.push(i + 1);
      counts.push(new Map());
      continue;
    }
    if (i > 0 && isWordUnit(key.charCodeAt(i - 1)) && isWordUnit(key.charCodeAt(i))) continue;
    const found = trie.longest(key, fold, i, { hangulAttach: true });
    if (!found) continue;
    const { home, sister } = found.value;
    const here = counts[counts.length - 1]!;
    const c = here.get(home) ?? { sister: 0, home: 0 };
    if (sister) c.sister++;
    else c.home++;
    here.set(home, c);
    if (sister) named.add(SHARED_CURRENCIES.sisterCurrencies[home]!.sister);
    i = found.end - 1;
  }
  for (const a of amounts) {
    const rule = SHARED_CURRENCIES.sisterCurrencies[a.currency];
    if (rule && a.printed === rule.open && a.scale === null) {
      const c = counts[countBelow(paragraphStarts, a.start + 1, (s) => s) - 1]!.get(a.currency);
      if (c && c.sister > 0 && c.home === 0) a.currency = rule.sister;
    }
    if (SISTERS.has(a.currency)) named.add(a.currency);
  }
  return named;
}
