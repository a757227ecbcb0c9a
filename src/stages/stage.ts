import type { Document } from '../document.js';
import type { Nlp } from '../text/wink.js';
import type { Token } from '../text/segment-sentences.js';

/** Everything a stage may read besides the document: resolved options and shared resources. */
export interface StageContext {
  signal: AbortSignal | undefined;
  nlp(): Nlp;
  /** Per-document scratch space shared between stages (tokens, routing), never output. */
  scratch: Scratch;
}

export interface Scratch {
  tokens?: Token[];
  /** Language the text is treated as (ISO 639-3), the detection's guess when it was `und`. */
  workingLanguage?: string;
}

/**
 * One step of the pipeline. `requires` and `assigns` name Document fields so the pipeline can
 * check, when it is built, that every stage runs after the stages it depends on.
 */
export interface Stage {
  name: string;
  requires: readonly string[];
  assigns: readonly string[];
  run(doc: Document, ctx: StageContext): void | Promise<void>;
}
