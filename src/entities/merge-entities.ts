import type { Entity, Mention } from './entity-types.js';

/**
 * The rules' entities with what the model found besides. Rules win where the two overlap: a
 * model mention that overlaps any rules mention is dropped. A model mention that overlaps none
 * is added, to the rules entity of the same text when there is one (its own text, else the
 * text of the model entity it belongs to), otherwise to its model entity. Pure: neither input
 * is changed.
 */
export function mergeEntities(rules: readonly Entity[], model: readonly Entity[]): Entity[] {
  const taken = rules.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
  const merged = rules.map((e) => ({ ...e, mentions: [...e.mentions] }));
  const byText = new Map<string, Entity>();
  for (const e of merged) {
    byText.set(key(e.text), e);
    for (const m of e.mentions) if (!byText.has(key(m.text))) byText.set(key(m.text), e);
  }
  for (const entity of model) {
    const kept: Mention[] = [];
    for (const mention of entity.mentions) {
      if (overlapsAny(taken, mention)) continue;
      const host = byText.get(key(mention.text)) ?? byText.get(key(entity.text));
      if (host) host.mentions.push({ ...mention });
      else kept.push({ ...mention });
    }
    if (kept.length > 0) merged.push({ text: entity.text, type: entity.type, mentions: kept });
  }
  for (const e of merged) e.mentions.sort((a, b) => a.start - b.start);
  return merged.filter((e) => e.mentions.length > 0).sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

function key(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Whether `m` overlaps a span of `sorted` (sorted by start). */
function overlapsAny(sorted: readonly Mention[], m: Mention): boolean {
  // Mentions are few per article: a scan of those starting before m ends is enough.
  for (const s of sorted) {
    if (s.start >= m.end) break;
    if (s.end > m.start) return true;
  }
  return false;
}
