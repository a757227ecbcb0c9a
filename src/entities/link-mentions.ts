import type { Candidate } from './find-candidates.js';
import type { Entity, EntityType, Mention } from './entity-types.js';
import { gazetteer } from './gazetteer.js';
import { foldName, type Token } from './tokens.js';

interface Built {
  type: EntityType;
  text: string;
  tokens: string[];
  /** The words folded (lower case, no accents), for comparing mentions. */
  keys: string[];
  mentions: Mention[];
  evidence: Candidate['evidence'];
}

/**
 * Groups mentions into entities: a surname or a shorter form joins the person or organisation it
 * shortens ("Lee" → "Lee Jae Myung", the nearest preceding one when several share it), an acronym
 * or short name in brackets joins the name it follows, and untyped names take the type of what
 * they join; untyped names that join nothing are dropped.
 */
export function link(text: string, tokens: readonly Token[], candidates: Candidate[]): Entity[] {
  candidates.sort((a, b) => a.first - b.first);
  const built: Built[] = [];
  // A Korean name ends before its particle ("서울에서"): `end` cuts the last token.
  const endOf = (c: Candidate) => c.end ?? tokens[c.last]!.end;
  const startOf = (c: Candidate) => c.start ?? tokens[c.first]!.start;
  const mentionOf = (c: Candidate): Mention => ({ start: startOf(c), end: endOf(c), text: text.slice(startOf(c), endOf(c)) });
  const words = (c: Candidate) =>
    tokens
      .slice(c.first, c.last + 1)
      .filter((t) => t.word)
      .map((t) => text.slice(Math.max(t.start, startOf(c)), Math.min(t.end, endOf(c))));
  // Typed multi-word names first, so that shorter forms can join them.
  const order = [...candidates].sort((a, b) => Number(b.type !== null) - Number(a.type !== null) || (b.last - b.first) - (a.last - a.first) || a.first - b.first);
  const acronymOf = new Map<string, Built>();
  for (const c of order) {
    const w = words(c);
    const mention = mentionOf(c);
    const key = w.join(' ');
    // "LE BOURGET" (a dateline) then "Le Bourget": the same name is the same entity, whatever
    // weaker evidence typed the later mention.
    const joined = findHost(built, w, c.type, mention.start) ?? (c.evidence !== 'gazetteer' ? sameName(built, w) : null);
    if (joined) {
      joined.mentions.push(mention);
      // "SEOUL" (a dateline) then "Seoul": the entity is named as the text writes it in prose.
      if (joined.text === joined.text.toUpperCase() && key !== key.toUpperCase() && joined.keys.join(' ') === w.map(foldName).join(' ')) {
        joined.text = key;
        joined.tokens = w;
      }
      continue;
    }
    const acronymHost = acronymOf.get(key);
    if (acronymHost) {
      acronymHost.mentions.push(mention);
      continue;
    }
    // A capitalised name with no evidence and nothing to join is left out: unknown
    // capitalised words in news are as often products, laws or events as organisations.
    const type = c.type;
    if (!type) continue;
    const entity: Built = { type, text: key, tokens: w, keys: w.map(foldName), mentions: [mention], evidence: c.evidence };
    built.push(entity);
    // "Fonds monétaire international (FMI)": the acronym names the same organisation.
    const open = tokens[c.last + 1];
    const alias = tokens[c.last + 2];
    if (type === 'ORG' && open?.text === '(' && alias?.cap && alias.word && tokens[c.last + 3]?.text === ')') acronymOf.set(alias.text, entity);
  }
  return built
    .map((e) => ({
      text: e.text,
      type: e.type,
      mentions: e.mentions.sort((a, b) => a.start - b.start),
    }))
    .sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

function findHost(built: Built[], w: string[], type: EntityType | null, at: number): Built | null {
  // Compared without case or accents: "MONTRÉAL" is "Montréal", "Etats-Unis" "États-Unis".
  const keys = w.map(foldName);
  const key = keys.join(' ');
  let best: Built | null = null;
  let bestDistance = Infinity;
  for (const e of built) {
    // A typed mention joins an entity of its own type only; an untyped one joins any.
    if (type && e.type !== type) continue;
    const same = e.keys.join(' ') === key;
    const shorter =
      keys.length < e.keys.length &&
      (e.type === 'PERSON'
        ? endsWith(e.keys, keys) || (gazetteer().eastAsianSurnames.has(w[0]!) && e.tokens[0] === w[0] && w.length === 1)
        : startsWith(e.keys, keys));
    // "김 연구위원" after "김태훈": a Korean surname alone names the person it opens.
    const surname = e.type === 'PERSON' && w.length === 1 && e.tokens.length === 1 && /^\p{Script=Hangul}{1,2}$/u.test(w[0]!) && e.tokens[0]!.length > w[0]!.length && e.tokens[0]!.startsWith(w[0]!);
    if (!same && !shorter && !surname) continue;
    const first = e.mentions[0]!.start;
    const distance = first <= at ? at - first : 1e9 + first - at;
    if (distance < bestDistance) {
      best = e;
      bestDistance = distance;
    }
  }
  return best;
}

function sameName(built: Built[], w: string[]): Built | null {
  const key = w.map(foldName).join(' ');
  return built.find((e) => e.keys.join(' ') === key) ?? null;
}

function endsWith(xs: string[], ys: string[]): boolean {
  return ys.every((y, i) => xs[xs.length - ys.length + i] === y);
}

function startsWith(xs: string[], ys: string[]): boolean {
  return ys.every((y, i) => xs[i] === y);
}
