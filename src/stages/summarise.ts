import type { Manifest } from '../models/manifest.js';
import type { ModelStore } from '../summarise/model-store.js';
import { summariseArticle, type SummariseOptions } from '../summarise/summarise-article.js';
import type { Stage } from './stage.js';

export function summariseStage(store: ModelStore, manifest: Manifest, options: SummariseOptions): Stage {
  return {
    name: 'summarise',
    requires: ['keySentences', 'amounts', 'pairs', 'entities', 'language'],
    assigns: ['summary'],
    async run(doc, ctx) {
      doc.summary = await summariseArticle(doc, ctx.scratch.workingLanguage ?? 'und', store, manifest, options, ctx.signal);
      // The summary's own warnings stay in summary.warnings; a missing model is also an article
      // warning, so a batch run shows it without opening the summaries.
      for (const w of doc.summary.warnings) if (w.code === 'MODEL_MISSING') doc.warnings.push(w);
    },
  };
}
