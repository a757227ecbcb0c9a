import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `ner`: token classification of named entities (people, organisations, places). */
export type ModelRole = 'translation' | 'summarisation' | 'ner';

/** One model the pipeline uses, pinned to a Hub revision, with the files it needs. */
export interface ModelDeclaration {
  id: string;
  role: ModelRole;
  /** ISO 639-3 code of the input language (`mul`: many). */
  source: string;
  target: string;
  /** Hub commit; "main" means "resolved and recorded in manifest.lock.json on first pull". */
  revision: string;
  /** Which ONNX weights: int8 `quantized` (default, ~4× smaller) or `fp32`. */
  dtype: 'quantized' | 'fp32';
  /** Paths inside the model's directory. */
  files: string[];
  /** Approximate total bytes, for `models list` and download planning. */
  size: number;
}

export interface Manifest {
  version: number;
  hub: string;
  models: ModelDeclaration[];
}

/** The manifest shipped with the package, beside `dist/`. */
export const BUNDLED_MANIFEST_PATH = fileURLToPath(new URL('../../models/manifest.json', import.meta.url));
/** The default models directory: `models/` of the package. */
export const BUNDLED_MODELS_DIR = fileURLToPath(new URL('../../models/', import.meta.url));

export function readManifest(path: string = BUNDLED_MANIFEST_PATH): Manifest {
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** Source languages (ISO 639-3) that some declared model translates into English. */
export function translatableLanguages(manifest: Manifest): string[] {
  return manifest.models.filter((m) => m.role === 'translation' && m.target === 'eng').map((m) => m.source);
}

export function translationModelFor(manifest: Manifest, language: string): ModelDeclaration | null {
  return manifest.models.find((m) => m.role === 'translation' && m.source === language && m.target === 'eng') ?? null;
}

export function summarisationModel(manifest: Manifest): ModelDeclaration | null {
  return manifest.models.find((m) => m.role === 'summarisation') ?? null;
}

/** The token-classification model of named entities, if one is declared. */
export function nerModel(manifest: Manifest): ModelDeclaration | null {
  return manifest.models.find((m) => m.role === 'ner') ?? null;
}
