import type { Diagnostic, Document } from '../document.js';
import { isAbortError, isPrecisError } from '../errors.js';
import type { EntitiesMode } from '../entities/entities-mode.js';
import type { Entity, EntityType } from '../entities/entity-types.js';
import { mergeEntities } from '../entities/merge-entities.js';
import { findModelEntities } from '../entities/model-entities.js';
import { type Manifest, nerModel } from '../models/manifest.js';
import type { ModelStore } from '../summarise/model-store.js';
import type { Stage, StageContext } from './stage.js';

export interface ModelEntitiesOptions {
  /** `model` or `both`. */
  mode: Exclude<EntitiesMode, 'rules'>;
  /** Where the NER model is loaded from. */
  store?: ModelStore;
  manifest?: Manifest;
  /** Most model windows per article. @default MAX_NER_WINDOWS */
  maxWindows?: number;
}

// The kinds a recogniser finds; amounts and quantities stay as the extraction found them.
const NAMED: ReadonlySet<EntityType> = new Set(['PERSON', 'ORG', 'LOC']);

/**
 * The NER model over the rules' entities (`model` replaces them, `both` adds to them). It runs
 * after the extraction, in the thread that holds the model.
 */
export function modelEntitiesStage(options: ModelEntitiesOptions): Stage {
  const { mode } = options;
  return {
    name: 'model-entities',
    requires: ['entities'],
    assigns: ['entities'],
    async run(doc, ctx) {
      const rules = doc.entities.filter((e) => NAMED.has(e.type));
      const rest = doc.entities.filter((e) => !NAMED.has(e.type));
      doc.entities = [...(await withModel(doc, ctx, rules)), ...rest];
    },
  };

  async function withModel(doc: Document, ctx: StageContext, rules: Entity[]): Promise<Entity[]> {
    const declared = options.manifest ? nerModel(options.manifest) : null;
    if (!declared || !options.store) {
      doc.warnings.push(missing('No NER model is declared in models/manifest.json.'));
      return rules;
    }
    try {
      const classifier = await options.store.loadTokenClassifier(declared);
      const found = await findModelEntities(doc.text, classifier, { sentences: doc.sentences, exclude: doc.amounts, maxWindows: options.maxWindows, signal: ctx.signal });
      doc.warnings.push(...found.warnings);
      return mode === 'model' ? found.entities : mergeEntities(rules, found.entities);
    } catch (error) {
      // A cancelled article is cancelled; a model that cannot be used leaves the rules' entities.
      if (isAbortError(error)) throw error;
      const detail = isPrecisError(error) ? error.message : `Model ${declared.id} could not be used (${(error as Error).message}).`;
      doc.warnings.push(missing(detail));
      return rules;
    }
  }
}

function missing(detail: string): Diagnostic {
  return { code: 'MODEL_MISSING', stage: 'extract-entities', message: `${detail} Entities are found by the rules only until then.` };
}

