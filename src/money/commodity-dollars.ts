import type { Span } from '../document.js';
import { SHARED_CURRENCIES } from '../lang/shared/index.js';
import type { AmountSpan, TextForms } from './find-amounts.js';
import { isWordUnit } from './match-key.js';
import { PhraseTrie } from './phrase-trie.js';
import { countBelow } from '../util/span-at.js';

let commodities: PhraseTrie<true> | undefined;

function commodityTrie(): PhraseTrie<true> {
  if (!commodities) {
    commodities = new PhraseTrie<true>();
    for (const w of SHARED_CURRENCIES.dollarCommodities) commodities.add(w, true);
  }
  return commodities;
}

/**
 * "Le baril de WTI a fini à 66,75 $" in a Canadian paper, whose bare "$" is Canadian: oil, gold
 * and grain are priced in US dollars, and a sentence that names one prices them so. Re-reads the
 * bare dollars of such sentences as US dollars (in place), unless the sentence writes US dollars
 * out beside them; each sentence is read once.
 */
export function commodityDollars(forms: TextForms, amounts: readonly AmountSpan[], sentences: readonly Span[]): void {
  const trie = commodityTrie();
  const verdict = new Map<number, boolean>();
  for (const a of amounts) {
    // "Il Brent è salito di 61 centesimi a $85,41": cents several currencies share, beside a
    // commodity's price in dollars, are US cents.
    const cents = a.sharedSubunit === true && pricesInDollars(amounts, sentences, a);
    if ((a.printed !== '$' && !cents) || a.currency === 'USD') continue;
    const k = countBelow(sentences, a.start + 1, (s) => s.start) - 1;
    const sentence = sentences[k];
    if (!sentence || sentence.end < a.end) continue;
    let names = verdict.get(sentence.start);
    if (names === undefined) {
      names = false;
      for (let i = sentence.start; i < sentence.end && !names; i++) {
        if (i > 0 && isWordUnit(forms.key.charCodeAt(i - 1))) continue;
        if (trie.longest(forms.key, forms.fold, i)) names = true;
      }
      // "… 67,50 dollars (58,63 dollars américains)": a sentence that writes US dollars out keeps
      // its bare dollars for the paper's own.
      for (let j = countBelow(amounts, sentence.start, (x) => x.start); names && j < amounts.length && amounts[j]!.start < sentence.end; j++) {
        // A move in US cents ("ayant gagné 88 cents US à 74,15 $") says the price is in US dollars too.
        if (amounts[j]!.currency === 'USD' && amounts[j]!.printed === undefined && !amounts[j]!.inSubunit) names = false;
      }
      verdict.set(sentence.start, names);
    }
    if (names) a.currency = 'USD';
  }
}

/** Whether the sentence of an amount prints a price in dollars (a "$" or a US dollar amount). */
function pricesInDollars(amounts: readonly AmountSpan[], sentences: readonly Span[], a: AmountSpan): boolean {
  const sentence = sentences[countBelow(sentences, a.start + 1, (s) => s.start) - 1];
  if (!sentence) return false;
  for (let j = countBelow(amounts, sentence.start, (x) => x.start), seen = 0; j < amounts.length && amounts[j]!.start < sentence.end && seen < DOLLAR_LOOK; j++, seen++) {
    const x = amounts[j]!;
    if (x !== a && !x.inSubunit && (x.printed === '$' || x.currency === 'USD')) return true;
  }
  return false;
}

/** How many amounts of a sentence are looked at for a price in dollars. */
const DOLLAR_LOOK = 16;
