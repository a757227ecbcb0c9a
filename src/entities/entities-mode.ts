import { type Manifest, nerModel } from '../models/manifest.js';
import { missingModelFiles } from '../summarise/model-store.js';

/** How entities are found: by the rules, by the NER model, or by both (rules win on overlaps). */
export const ENTITY_MODES = ['rules', 'model', 'both'] as const;
export type EntitiesMode = (typeof ENTITY_MODES)[number];

/** `both` when the manifest's NER model is whole in `modelsDir`, else `rules`. */
export function defaultEntitiesMode(modelsDir: string, manifest: Manifest): EntitiesMode {
  const model = nerModel(manifest);
  return model && missingModelFiles(modelsDir, model).length === 0 ? 'both' : 'rules';
}
