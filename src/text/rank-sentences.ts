import { createRequire } from 'node:module';
import type { KeySentence, Sentence } from '../document.js';
import type { Token } from './segment-sentences.js';

export interface RankOptions {
  /** How many sentences to keep. */
  count: number;
  /** ISO 639-1 code, for the stop-word list. */
  language: string | null;
  /** Extra weight for the opening sentences, where news puts its lede. */
  leadBias?: number;
  /** 0 = pure relevance, 1 = pure novelty (maximal marginal relevance). */
  redundancy?: number;
  /** Indexes of sentences that inform the ranking but are never chosen (the headline). */
  exclude?: ReadonlySet<number>;
}

const MIN_WORDS = 6;
const LONG_WORDS = 45;
// News briefs are read for their figures: a sentence that states one is worth a little more.
const FIGURE_BONUS = 1.25;
const NEAR_DUPLICATE = 0.6;
/** Most sentences ranked by TextRank, which is quadratic in them; longer texts are ranked linearly. */
export const MAX_TEXTRANK = 400;

/**
 * Picks the sentences that best stand for the article: TextRank centrality plus closeness to the
 * article's centroid over TF-IDF bags of words, a lead bias, and maximal marginal relevance so
 * two sentences saying the same thing are not both kept. Returned in document order.
 */
export function rankSentences(
  text: string,
  sentences: Sentence[],
  tokens: Token[],
  options: RankOptions,
): KeySentence[] {
  const exclude = options.exclude ?? new Set<number>();
  const count = Math.max(0, Math.min(options.count, sentences.length - exclude.size));
  if (count === 0) return [];
  const leadBias = options.leadBias ?? 0.6;
  const lambda = 1 - (options.redundancy ?? 0.3);
  const stop = stopwordSet(options.language);

  const bags = sentences.map(() => new Map<string, number>());
  const wordCounts = sentences.map(() => 0);
  const hasFigure = sentences.map(() => false);
  for (const token of tokens) {
    if (token.kind !== 'word' && token.kind !== 'number') continue;
    const bag = bags[token.sentence];
    if (!bag) continue;
    if (token.kind === 'word') wordCounts[token.sentence]!++;
    // Years and dates are numbers too, but only figures (amounts, counts, rates) make news.
    else if (!/^(1[89]|20)\d\d$/.test(text.slice(token.start, token.end))) hasFigure[token.sentence] = true;
    const term = toTerm(text.slice(token.start, token.end), stop);
    if (term) bag.set(term, (bag.get(term) ?? 0) + 1);
  }

  const vectors = tfidf(bags);
  const n = sentences.length;
  const centroid = new Map<string, number>();
  for (const v of vectors) for (const [t, w] of v) centroid.set(t, (centroid.get(t) ?? 0) + w);
  const closeness = vectors.map((v) => cosine(v, centroid));
  // TextRank compares every pair of sentences: past MAX_TEXTRANK sentences (a long report, a
  // pathological page) closeness to the centroid alone ranks them, in linear time.
  const full = n <= MAX_TEXTRANK;
  const sim: number[][] | null = full ? vectors.map((a) => vectors.map((b) => cosine(a, b))) : null;
  const similarity = (i: number, j: number): number => (sim ? sim[i]![j]! : cosine(vectors[i]!, vectors[j]!));
  const closenessN = normalise(closeness);
  const centralityN = sim ? normalise(textRank(sim)) : closenessN;
  const relevance = sentences.map((_, i) => {
    const words = wordCounts[i]!;
    // Very long sentences dominate similarity by sheer vocabulary; short ones say too little.
    const lengthFit = words < MIN_WORDS ? 0.3 : words > LONG_WORDS ? Math.max(0.5, LONG_WORDS / words) : 1;
    const lead = 1 + leadBias * Math.exp(-i / 3);
    const figures = hasFigure[i] ? FIGURE_BONUS : 1;
    return (0.5 * centralityN[i]! + 0.5 * closenessN[i]!) * lengthFit * lead * figures;
  });

  const chosen: number[] = [];
  while (chosen.length < count) {
    let best = -1;
    let bestScore = -Infinity;
    const left = n - exclude.size - chosen.length;
    for (let i = 0; i < n; i++) {
      if (chosen.includes(i) || exclude.has(i)) continue;
      const overlap = chosen.length ? Math.max(...chosen.map((c) => similarity(i, c))) : 0;
      // A near-repeat of a chosen sentence adds nothing, unless nothing else is left to choose.
      if (overlap >= NEAR_DUPLICATE && left > count - chosen.length) continue;
      const score = lambda * relevance[i]! - (1 - lambda) * overlap;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best === -1) break;
    chosen.push(best);
  }
  return chosen
    .sort((a, b) => a - b)
    .map((i) => {
      const s = sentences[i]!;
      return { index: s.index, start: s.start, end: s.end, text: text.slice(s.start, s.end), score: round(relevance[i]!) };
    });
}

const stopwordCache = new Map<string, Set<string>>();

function stopwordSet(language: string | null): Set<string> {
  const key = language ?? 'fr';
  let set = stopwordCache.get(key);
  if (!set) {
    // The package's entry point is a JSON file, which ESM imports only with an import attribute.
    const lists = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;
    set = new Set((lists[key] ?? lists.fr ?? []).map((w) => w.toLowerCase()));
    stopwordCache.set(key, set);
  }
  return set;
}

function toTerm(raw: string, stop: Set<string>): string | null {
  let word = raw.toLowerCase().replace(/[’']/g, "'");
  // French elision: l'économie → économie, d'IA → ia.
  word = word.replace(/^(?:[ldjmnst]|qu|jusqu|lorsqu|puisqu)'/, '');
  if (word.length < 2 || stop.has(word)) return null;
  if (/^\d/.test(word)) return word.replace(/\D/g, '') || null;
  // Plural folding is enough stemming for bag-of-words similarity in French, Spanish and English.
  if (word.length > 4 && /[sx]$/.test(word)) word = word.slice(0, -1);
  return word;
}

function tfidf(bags: Array<Map<string, number>>): Array<Map<string, number>> {
  const df = new Map<string, number>();
  for (const bag of bags) for (const term of bag.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = bags.length;
  return bags.map((bag) => {
    const v = new Map<string, number>();
    for (const [term, tf] of bag) v.set(term, (1 + Math.log(tf)) * (Math.log((n + 1) / ((df.get(term) ?? 0) + 1)) + 1));
    return v;
  });
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, w] of a) {
    na += w * w;
    const o = b.get(t);
    if (o !== undefined) dot += w * o;
  }
  for (const w of b.values()) nb += w * w;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

function textRank(sim: number[][], damping = 0.85, iterations = 40): number[] {
  const n = sim.length;
  const outWeight = sim.map((row, i) => row.reduce((sum, w, j) => (i === j ? sum : sum + w), 0));
  let rank = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < iterations; it++) {
    const next = new Array<number>(n).fill((1 - damping) / n);
    for (let j = 0; j < n; j++) {
      if (!outWeight[j]) continue;
      for (let i = 0; i < n; i++) {
        if (i !== j) next[i]! += (damping * sim[j]![i]! * rank[j]!) / outWeight[j]!;
      }
    }
    rank = next;
  }
  return rank;
}

function normalise(values: number[]): number[] {
  const max = Math.max(...values);
  const min = Math.min(...values);
  return values.map((v) => (max > min ? (v - min) / (max - min) : 1));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
