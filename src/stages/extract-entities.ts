import type { Diagnostic, Document } from '../document.js';
import { isAbortError, isPrecisError } from '../errors.js';
import type { EntitiesMode } from '../entities/entities-mode.js';
import type { Entity } from '../entities/entity-types.js';
import { findEntities } from '../entities/find-entities.js';
import { findQuantities } from '../entities/find-quantities.js';
import { mergeEntities } from '../entities/merge-entities.js';
import { findModelEntities } from '../entities/model-entities.js';
import { type Manifest, nerModel } from '../models/manifest.js';
import type { ModelStore } from '../summarise/model-store.js';
import type { Stage, StageContext } from './stage.js';

export interface ExtractEntitiesOptions {
  /** @default 'rules' */
  mode?: EntitiesMode;
  /** Where the NER model is loaded from, for `model` and `both`. */
  store?: ModelStore;
  manifest?: Manifest;
  /** Most model windows per article. @default MAX_NER_WINDOWS */
  maxWindows?: number;
}

export function extractEntitiesStage(options: ExtractEntitiesOptions = {}): Stage {
  const mode = options.mode ?? 'rules';
  return {
    name: 'extract-entities',
    requires: ['text', 'sentences', 'amounts'],
    assigns: ['entities'],
    run(doc, ctx) {
      const rules = ruleEntities(doc);
      // The rules alone stay synchronous; the model runs in the model thread.
      if (mode === 'rules') return void finish(doc, rules);
      return withModel(doc, ctx, rules).then((named) => finish(doc, named));
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

function ruleEntities(doc: Document): Entity[] {
  // The cues of the article's language and of its quotations in other languages.
  const article = doc.language ? (doc.language.code === 'und' ? doc.language.guess : doc.language.code) : undefined;
  const languages = [article, ...(doc.language?.paragraphs ?? []).map((p) => p.code)].filter((c): c is string => !!c);
  return findEntities(doc.text, { sentences: doc.sentences, exclude: doc.amounts, languages });
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
  doc.entities = [...named, ...money.values(), ...findQuantities(doc.text, doc.amounts)];
}
