import { isWordUnit, matchKey } from './match-key.js';

interface Node<T> {
  next: Map<number, Node<T>>;
  entries: Array<Entry<T>> | null;
}

interface Entry<T> {
  value: T;
  phrase: string;
  caseSensitive: boolean;
}

export interface PhraseMatch<T> {
  /** Offset just past the phrase (forward), or of its first unit (backward). */
  end: number;
  value: T;
  /** The phrase as listed. */
  phrase: string;
}

export interface MatchOptions<T> {
  /** Accepts or refuses a candidate ending at `end` (a word boundary is checked before). */
  accept?: (end: number, value: T) => boolean;
  /** A phrase ending in Hangul may touch the Hangul that follows (Korean particles). */
  hangulAttach?: boolean;
  /** A phrase ending in a letter may touch a digit ("USD115", "KRW3.4 trillion"). */
  digitAttach?: boolean;
  /** Phrases are stems: the word may go on after them ("échang" finds "s'échangeaient"). */
  prefix?: boolean;
}

/**
 * Phrases (currency names, scale words, connectors…) in a character trie over their match key,
 * so that finding the longest phrase at a position costs the length of the phrase, however many
 * phrases there are. A space in a phrase matches one or more spaces in the text. Matching is
 * case- and accent-insensitive unless a phrase is case-sensitive; then the text must show it as
 * written. A `backward` trie matches phrases that end at a position (qualifiers before a number).
 */
export class PhraseTrie<T> {
  private readonly root: Node<T> = { next: new Map(), entries: null };
  private size = 0;

  constructor(private readonly backward = false) {}

  get count(): number {
    return this.size;
  }

  add(phrase: string, value: T, caseSensitive = false): void {
    const normalised = phrase.replace(/\s+/g, ' ').trim();
    if (normalised === '') return;
    const key = matchKey(normalised.replace(/[\u2019\u2018\u02BC]/g, "'"));
    let node = this.root;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(this.backward ? key.length - 1 - i : i);
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map(), entries: null };
        node.next.set(code, child);
      }
      node = child;
    }
    (node.entries ??= []).push({ value, phrase: normalised, caseSensitive });
    this.size++;
  }

  /**
   * The longest phrase at `at` (forward) or ending at `at` (backward), on word boundaries.
   * `key` is the text's match key, `text` the text itself (both the same length).
   */
  longest(key: string, text: string, at: number, options: MatchOptions<T> = {}): PhraseMatch<T> | null {
    let node = this.root;
    let best: PhraseMatch<T> | null = null;
    let i = at;
    const step = this.backward ? -1 : 1;
    // Backward, `at` is exclusive: the phrase's last unit is at at - 1.
    if (this.backward) i = at - 1;
    const limit = this.backward ? -1 : key.length;
    while (i !== limit) {
      const code = key.charCodeAt(i);
      const child = node.next.get(code);
      if (!child) break;
      node = child;
      let next = i + step;
      if (code === 0x20) {
        // One space in the phrase stands for any run of spaces in the text.
        while (next !== limit && key.charCodeAt(next) === 0x20) next += step;
      }
      if (node.entries) {
        const start = this.backward ? next + 1 : at;
        const end = this.backward ? at : next;
        if (options.prefix || this.onBoundary(key, start, end, options.hangulAttach ?? false, options.digitAttach ?? false)) {
          for (const entry of node.entries) {
            if (entry.caseSensitive && text.slice(start, end).replace(/ +/g, ' ') !== entry.phrase) continue;
            if (options.accept && !options.accept(this.backward ? start : end, entry.value)) continue;
            best = { end: this.backward ? start : end, value: entry.value, phrase: entry.phrase };
            break;
          }
        }
      }
      i = next;
    }
    return best;
  }

  /** Boundary at the far end of the match (the near end is the caller's position). */
  private onBoundary(key: string, start: number, end: number, hangulAttach: boolean, digitAttach: boolean): boolean {
    if (this.backward) {
      const first = key.charCodeAt(start);
      const before = start > 0 ? key.charCodeAt(start - 1) : -1;
      return !(before !== -1 && isWordUnit(before) && isWordUnit(first));
    }
    const last = key.charCodeAt(end - 1);
    const after = end < key.length ? key.charCodeAt(end) : -1;
    if (after === -1 || !isWordUnit(after) || !isWordUnit(last)) return true;
    if (digitAttach && after >= 0x30 && after <= 0x39) return true;
    return hangulAttach && isHangulUnit(last) && isHangulUnit(after);
  }
}

function isHangulUnit(code: number): boolean {
  return code >= 0xac00 && code <= 0xd7a3;
}
