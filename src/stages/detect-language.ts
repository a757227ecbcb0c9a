import { detectLanguage, detectParagraphLanguages } from '../language/detect-language.js';
import { routeLanguage } from '../language/route-language.js';
import { packLanguages } from '../lang/registry.js';
import type { Stage } from './stage.js';

export interface DetectLanguageOptions {
  candidates?: readonly string[];
  translatable: ReadonlySet<string>;
}

const READABLE: ReadonlySet<string> = new Set(packLanguages());

export function detectLanguageStage(options: DetectLanguageOptions): Stage {
  const only = options.candidates && options.candidates.length > 0 ? options.candidates : undefined;
  return {
    name: 'detect-language',
    requires: ['text', 'paragraphs'],
    assigns: ['language'],
    run(doc, ctx) {
      const detection = detectLanguage(doc.text, only ? { only } : {});
      // Route before recording, so an unsupported language fails with the detection attached.
      const paragraphs =
        detection.code !== 'und' && doc.paragraphs.length > 1
          ? detectParagraphLanguages(doc.text, doc.paragraphs, detection, only ? { only } : {})
          : [];
      const { runnersUp: _unused, ...shown } = detection;
      doc.language = {
        ...shown,
        route: 'none',
        ...(paragraphs.length > 0 ? { paragraphs } : {}),
      };
      const route = routeLanguage(detection, options.translatable, READABLE);
      doc.language.route = route.action;
      doc.warnings.push(...route.warnings);
      ctx.scratch.workingLanguage = route.language;
    },
  };
}
