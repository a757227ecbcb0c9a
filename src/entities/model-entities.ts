import type { Diagnostic, Span } from '../document.js';
import { throwIfAborted } from '../errors.js';
import type { TokenClassifier } from '../summarise/model-store.js';
import type { Entity, EntityType, Mention } from './entity-types.js';
import { alignPieces, isPunctuation, splitWords, type Word } from './word-pieces.js';

/** Most model windows read per article; the rest of a longer article is left to the rules. */
export const MAX_NER_WINDOWS = 32;

/** What the recogniser needs of a loaded token classifier (the model store's, or a test's). */
export type NerClassifier = Pick<TokenClassifier, 'maxTokens' | 'tokenize' | 'classify'>;

export interface ModelEntitiesOptions {
  /** Sentence spans: windows are cut between sentences, and no entity spans two. */
  sentences: readonly Span[];
  /** Spans already taken (money amounts): a model mention overlapping one is dropped. */
  exclude?: readonly Span[];
  /** @default MAX_NER_WINDOWS */
  maxWindows?: number;
  /** Checked between model calls. */
  signal?: AbortSignal;
}

export interface ModelEntities {
  entities: Entity[];
  /** `NER_TRUNCATED` when the article needs more windows than `maxWindows`. */
  warnings: Diagnostic[];
  /** The text each model call read, in order. */
  windows: Span[];
  /** Every token the model tagged: the characters of the text it stands for, and its label. */
  tokens: Array<{ start: number; end: number; label: string }>;
}

/** One sub-word token: its word (an index into the words), its id, and the characters of the text it stands for. */
interface Token {
  word: number;
  id: number;
  start: number;
  end: number;
}

/** A token with the label the model gave it. */
export interface TaggedToken {
  word: number;
  start: number;
  end: number;
  label: string;
}

/** A run of tokens the model tagged as one entity, as a range of words. */
interface Tagged {
  type: string;
  first: number;
  last: number;
}

const TYPES: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC' };
// Windows sent to the model thread per call; the signal is checked between calls.
const WINDOWS_PER_CALL = 4;

/**
 * Named entities found by a token-classification model (BERT NER with B-/I- tags). The text is
 * cut into windows of whole sentences that fit the model (a sentence longer than a window is cut
 * between words, never inside one); each token's label comes back with the characters of the
 * original text it stands for; B-/I- tags are joined into spans (a span starts at a B-X, or at
 * an I-X that does not continue an X) that always cover whole words; DATE (and any type other
 * than PER, ORG, LOC) is dropped; mentions of the same text are one entity, and a shorter form
 * joins the name it shortens, as with the rules.
 */
export async function findModelEntities(text: string, classifier: NerClassifier, options: ModelEntitiesOptions): Promise<ModelEntities> {
  const maxWindows = options.maxWindows ?? MAX_NER_WINDOWS;
  const maxTokens = Math.max(1, classifier.maxTokens);
  const words = splitWords(text);
  // Every word has a token or more, so no more words than this can fit in the windows read.
  const readable = words.slice(0, maxWindows * maxTokens);
  const { pieces, ids } = await classifier.tokenize(readable.map((w) => w.text));
  const wordTokens = readable.map((word, i) => tokensOf(word, i, pieces[i] ?? [], ids[i] ?? [], maxTokens));
  const unitOf = sentenceUnits(readable, options.sentences);
  const windows = packWindows(wordTokens, unitOf, maxTokens);

  const warnings: Diagnostic[] = [];
  let unreadFrom: number | null = readable.length < words.length ? words[readable.length]!.start : null;
  if (windows.length > maxWindows) {
    unreadFrom = readable[windows[maxWindows]![0]!]!.start;
    windows.length = maxWindows;
  }
  if (unreadFrom !== null) {
    warnings.push({
      code: 'NER_TRUNCATED',
      stage: 'extract-entities',
      message: `The article is longer than the entity model reads (${maxWindows} windows of ${maxTokens} tokens); entities after character ${unreadFrom} are found by the rules only.`,
      start: unreadFrom,
      end: text.length,
    });
  }

  const tokens: Token[] = [];
  const labels: string[] = [];
  for (let i = 0; i < windows.length; i += WINDOWS_PER_CALL) {
    throwIfAborted(options.signal);
    const batch = windows.slice(i, i + WINDOWS_PER_CALL).map((w) => w.flatMap((word) => wordTokens[word]!));
    const tagged = await classifier.classify(batch.map((w) => w.map((t) => t.id)));
    for (const [b, window] of batch.entries()) {
      tokens.push(...window);
      // A model that answers fewer labels than tokens leaves the rest untagged.
      labels.push(...window.map((_, t) => tagged[b]?.[t] ?? 'O'));
    }
  }

  const tagged = tokens.map((t, i) => ({ word: t.word, start: t.start, end: t.end, label: labels[i]! }));
  return {
    entities: entitiesFromTags(text, readable, tagged, options),
    warnings,
    windows: windows.map((w) => ({ start: readable[w[0]!]!.start, end: readable[w[w.length - 1]!]!.end })),
    tokens: tagged.map(({ start, end, label }) => ({ start, end, label })),
  };
}

/**
 * The entities of tagged tokens (in text order) of `words` (from `splitWords(text)`): B-/I- tags
 * joined into spans of whole words, punctuation trimmed, types mapped, mentions in `exclude`
 * dropped, mentions linked into entities.
 */
export function entitiesFromTags(text: string, words: readonly Word[], tokens: readonly TaggedToken[], options: Pick<ModelEntitiesOptions, 'sentences' | 'exclude'>): Entity[] {
  const unitOf = sentenceUnits(words, options.sentences);
  const spans = trimPunctuation(mergeOverlaps(aggregate(tokens, unitOf)), words);
  const mentions = spans
    .filter((s) => TYPES[s.type])
    .map((s) => ({ type: TYPES[s.type]!, start: words[s.first]!.start, end: words[s.last]!.end }))
    .filter((m) => /[\p{L}\p{N}]/u.test(text.slice(m.start, m.end)))
    .filter((m) => !(options.exclude ?? []).some((x) => x.start < m.end && m.start < x.end));
  return linkMentions(text, mentions);
}

/** A word's tokens with their offsets in the text; a word longer than a window keeps what fits. */
function tokensOf(word: Word, index: number, pieces: readonly string[], ids: readonly number[], maxTokens: number): Token[] {
  const spans = alignPieces(word.text, pieces);
  return ids.slice(0, maxTokens).map((id, t) => ({ word: index, id, start: word.start + (spans[t]?.[0] ?? 0), end: word.start + (spans[t]?.[1] ?? word.text.length) }));
}

/**
 * Which sentence each word belongs to, as a number that changes between sentences: the index of
 * the sentence holding its start, or, for words between sentences, a number of their own.
 */
function sentenceUnits(words: readonly Word[], sentences: readonly Span[]): number[] {
  const sorted = [...sentences].sort((a, b) => a.start - b.start);
  const units: number[] = [];
  let s = 0;
  for (const word of words) {
    while (s < sorted.length && sorted[s]!.end <= word.start) s++;
    const inside = s < sorted.length && sorted[s]!.start <= word.start;
    units.push(inside ? 2 * s + 1 : 2 * s);
  }
  return units;
}

/**
 * Words grouped into windows of at most `maxTokens` tokens: whole sentences while they fit, a
 * sentence longer than a window cut between words. Returns the word indices of each window.
 */
function packWindows(wordTokens: readonly Token[][], unitOf: readonly number[], maxTokens: number): number[][] {
  const windows: number[][] = [];
  let current: number[] = [];
  let size = 0;
  const flush = () => {
    if (current.length > 0) windows.push(current);
    current = [];
    size = 0;
  };
  for (let i = 0; i < wordTokens.length; ) {
    let j = i;
    let unitSize = 0;
    while (j < wordTokens.length && unitOf[j] === unitOf[i]) unitSize += wordTokens[j++]!.length;
    if (size + unitSize > maxTokens) flush();
    for (let w = i; w < j; w++) {
      const n = wordTokens[w]!.length;
      if (size + n > maxTokens) flush();
      current.push(w);
      size += n;
    }
    i = j;
  }
  flush();
  return windows;
}

/**
 * B-/I- tags to spans, token by token ("simple" aggregation): a span starts at B-X, or at an I-X
 * that does not continue an X (a tag without prefix counts as I-); O, and a new sentence, end it.
 * Spans are widened to the whole words of their first and last token.
 */
function aggregate(tokens: readonly TaggedToken[], unitOf: readonly number[]): Tagged[] {
  const spans: Tagged[] = [];
  let open: Tagged | null = null;
  for (const token of tokens) {
    const label = token.label;
    if (open && unitOf[open.last] !== unitOf[token.word]) open = null;
    if (label === 'O') {
      open = null;
      continue;
    }
    const m = /^([BI])-(.+)$/.exec(label);
    const begins = m?.[1] === 'B';
    const type = m ? m[2]! : label;
    if (open && !begins && open.type === type) {
      open.last = token.word;
      continue;
    }
    open = { type, first: token.word, last: token.word };
    spans.push(open);
  }
  return spans;
}

/** Spans that share a word (two tags inside one word) become one, of the first one's type. */
function mergeOverlaps(spans: Tagged[]): Tagged[] {
  const merged: Tagged[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.first <= last.last) last.last = Math.max(last.last, span.last);
    else merged.push({ ...span });
  }
  return merged;
}

/** Punctuation at either end of a span is not part of the name; a span of punctuation only is dropped. */
function trimPunctuation(spans: Tagged[], words: readonly Word[]): Tagged[] {
  const out: Tagged[] = [];
  for (const s of spans) {
    let { first, last } = s;
    while (first <= last && isPunctuation(words[first]!.text)) first++;
    while (last >= first && isPunctuation(words[last]!.text)) last--;
    if (first <= last) out.push({ type: s.type, first, last });
  }
  return out;
}

interface Linked {
  text: string;
  type: EntityType;
  words: string[];
  mentions: Mention[];
}

/**
 * Mentions grouped into entities the way the rules group theirs: the same text is the same
 * entity; a shorter form joins the nearest earlier name of its type it shortens (a person's
 * surname ends the full name, an organisation's or place's short form begins it).
 */
function linkMentions(text: string, mentions: ReadonlyArray<{ type: EntityType; start: number; end: number }>): Entity[] {
  const items = mentions.map((m) => {
    const mentionText = text.slice(m.start, m.end);
    const key = mentionText.replace(/\s+/g, ' ');
    return { ...m, text: mentionText, key, words: key.split(' ') };
  });
  // Longer names first, so that shorter forms can join them.
  const order = [...items].sort((a, b) => b.words.length - a.words.length || a.start - b.start);
  const built: Linked[] = [];
  for (const m of order) {
    const mention: Mention = { start: m.start, end: m.end, text: m.text };
    const host =
      built.find((e) => e.text === m.key) ??
      nearest(
        built.filter((e) => e.type === m.type && m.words.length < e.words.length && (m.type === 'PERSON' ? endsWith(e.words, m.words) : startsWith(e.words, m.words))),
        m.start,
      );
    if (host) host.mentions.push(mention);
    else built.push({ text: m.key, type: m.type, words: m.words, mentions: [mention] });
  }
  return built
    .map((e) => ({ text: e.text, type: e.type, mentions: e.mentions.sort((a, b) => a.start - b.start) }))
    .sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

/** The entity first mentioned nearest before `at` (else the nearest after). */
function nearest(candidates: Linked[], at: number): Linked | undefined {
  const distance = (e: Linked) => {
    const first = Math.min(...e.mentions.map((m) => m.start));
    return first <= at ? at - first : 1e9 + first - at;
  };
  return candidates.sort((a, b) => distance(a) - distance(b))[0];
}

function endsWith(xs: string[], ys: string[]): boolean {
  return ys.every((y, i) => xs[xs.length - ys.length + i] === y);
}

function startsWith(xs: string[], ys: string[]): boolean {
  return ys.every((y, i) => xs[i] === y);
}
