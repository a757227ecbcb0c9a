import type { Entity } from '../entities/entity-types.js';
import { findEntities } from '../entities/find-entities.js';
import { findQuantities } from '../entities/find-quantities.js';
import type { Stage } from './stage.js';

export function extractEntitiesStage(): Stage {
  return {
    name: 'extract-entities',
    requires: ['text', 'sentences', 'amounts'],
    assigns: ['entities'],
    run(doc) {
      const named = findEntities(doc.text, { sentences: doc.sentences, exclude: doc.amounts });
      // Amounts are MONEY entities too, one per distinct rendering, so entities can be read alone.
      const money = new Map<string, Entity>();
      for (const a of doc.amounts) {
        const mention = { start: a.start, end: a.end, text: a.text };
        const existing = money.get(a.english);
        if (existing) existing.mentions.push(mention);
        else money.set(a.english, { text: a.english, type: 'MONEY', mentions: [mention] });
      }
      doc.entities = [...named, ...money.values(), ...findQuantities(doc.text, doc.amounts)];
    },
  };
}
