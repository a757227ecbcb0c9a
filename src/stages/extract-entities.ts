import type { Document } from '../document.js';
import type { Entity } from '../entities/entity-types.js';
import { findEntities } from '../entities/find-entities.js';
import { findQuantities } from '../entities/find-quantities.js';
import type { Stage } from './stage.js';

/**
 * The recogniser of the language packs, with amounts and quantities: synchronous CPU work that
 * runs with the rest of the extraction in a worker thread.
 */
export function ruleEntitiesStage(): Stage {
  return {
    name: 'extract-entities',
    requires: ['text', 'matchText', 'sentences', 'amounts'],
    assigns: ['entities'],
    run(doc) {
      finish(doc, ruleEntities(doc));
    },
  };
}

function ruleEntities(doc: Document): Entity[] {
  return findEntities(doc.text, { sentences: doc.sentences, exclude: doc.amounts, languages: languagesOf(doc) });
}

/** The article's language and those of its quotations in other languages. */
function languagesOf(doc: Document): string[] {
  const article = doc.language ? (doc.language.code === 'und' ? doc.language.guess : doc.language.code) : undefined;
  return [article, ...(doc.language?.paragraphs ?? []).map((p) => p.code)].filter((c): c is string => !!c);
}

function finish(doc: Document, named: Entity[]): void {
  // Amounts are MONEY entities too, one per distinct rendering, so entities can be read alone.
  const money = new Map<string, Entity>();
  for (const a of doc.amounts) {
    const mention = { start: a.start, end: a.end, text: a.text };
    const existing = money.get(a.english);
    if (existing) existing.mentions.push(mention);
    else money.set(a.english, { text: a.english, type: 'MONEY', mentions: [mention] });
  }
  doc.entities = [...named, ...money.values(), ...findQuantities(doc.text, doc.amounts, { date: doc.date, languages: languagesOf(doc), matchText: doc.matchText || undefined })];
}
