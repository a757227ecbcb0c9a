import { findEntities } from '../entities/find-entities.js';
import type { Stage } from './stage.js';

export function extractEntitiesStage(): Stage {
  return {
    name: 'extract-entities',
    requires: ['text', 'sentences', 'amounts'],
    assigns: ['entities'],
    run(doc) {
      doc.entities = findEntities(doc.text, { sentences: doc.sentences, exclude: doc.amounts });
    },
  };
}
