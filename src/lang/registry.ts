import { pack as deu } from './deu/index.js';
import { pack as eng } from './eng/index.js';
import { pack as fra } from './fra/index.js';
import { pack as ita } from './ita/index.js';
import { pack as kor } from './kor/index.js';
import { pack as spa } from './spa/index.js';
import type { LanguagePack } from './types.js';

/** Every language pack, by ISO 639-3 code. Adding a language: a folder, and one line here. */
export const LANGUAGE_PACKS: ReadonlyMap<string, LanguagePack> = new Map([fra, eng, spa, deu, ita, kor].map((p) => [p.code, p]));

/** The pack for a language, or null when precis has none. */
export function languagePack(code: string | null | undefined): LanguagePack | null {
  return code ? (LANGUAGE_PACKS.get(code) ?? null) : null;
}

/** ISO 639-3 codes of the languages with a pack. */
export function packLanguages(): string[] {
  return [...LANGUAGE_PACKS.keys()];
}
