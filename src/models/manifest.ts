import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type ModelRole = 'translation' | 'summarisation';

export interface ModelDeclaration {
  id: string;
  role: ModelRole;
  /** ISO 639-3 code of the input language. */
  source: string;
  target: string;
}

export interface Manifest {
  version: number;
  models: ModelDeclaration[];
}

/** The manifest shipped with the package, beside `dist/`. */
export const BUNDLED_MANIFEST_PATH = fileURLToPath(new URL('../../models/manifest.json', import.meta.url));

export function readManifest(path: string = BUNDLED_MANIFEST_PATH): Manifest {
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** Source languages (ISO 639-3) that some declared model translates into English. */
export function translatableLanguages(manifest: Manifest): string[] {
  return manifest.models.filter((m) => m.role === 'translation' && m.target === 'eng').map((m) => m.source);
}
