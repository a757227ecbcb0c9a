import type { Diagnostic, RouteAction } from '../document.js';
import { LanguageError } from '../errors.js';
import type { Detection } from './detect-language.js';
import { languageName } from './detect-language.js';

export interface RouteDecision {
  action: RouteAction;
  /** The language the rest of the pipeline treats the text as (the guess when `code` is `und`). */
  language: string;
  warnings: Diagnostic[];
}

/**
 * English needs no translation; a language with a declared translation model is translated; a
 * language precis can read (it has a language pack) but not translate gets an extractive summary;
 * anything else is an error on that article alone.
 */
export function routeLanguage(detection: Detection, translatable: ReadonlySet<string>, readable: ReadonlySet<string> = new Set()): RouteDecision {
  const warnings: Diagnostic[] = [];
  let language = detection.code;
  if (language === 'und') {
    if (!detection.guess || (detection.guess !== 'eng' && !translatable.has(detection.guess) && !readable.has(detection.guess))) {
      throw new LanguageError(
        'LANGUAGE_UNDETERMINED',
        `The article's language could not be determined (${detection.reason ?? 'no evidence'}). Check that the file holds article text, or pass --languages to narrow the candidates.`,
      );
    }
    language = detection.guess;
    warnings.push({
      code: 'LANGUAGE_UNRELIABLE',
      stage: 'detect-language',
      message: `Language detection is unreliable (${detection.reason}); treating the article as ${languageName(language)} (${language}).`,
    });
  }
  if (language === 'eng') return { action: 'none', language, warnings };
  if (translatable.has(language)) return { action: 'translate', language, warnings };
  if (readable.has(language)) return { action: 'extractive', language, warnings };
  const supported = [...new Set(['eng', ...translatable, ...readable])].map((c) => `${languageName(c)} (${c})`).join(', ');
  throw new LanguageError(
    'UNSUPPORTED_LANGUAGE',
    `The article is in ${languageName(language)} (${language}), which precis can neither read nor translate: it has no language pack and no translation model is declared for it. Supported: ${supported}. Add a pack in src/lang/ or declare a translation model in models/manifest.json.`,
  );
}
