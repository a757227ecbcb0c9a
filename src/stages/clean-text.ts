import { InputError } from '../errors.js';
import { foldForMatching, normaliseText, paragraphSpans } from '../ingest/normalise-text.js';
import { stripBoilerplate } from '../ingest/strip-boilerplate.js';
import type { Stage } from './stage.js';

export function cleanText(): Stage {
  return {
    name: 'clean-text',
    requires: ['raw'],
    assigns: ['text', 'matchText', 'paragraphs', 'boilerplate'],
    run(doc) {
      const normalised = normaliseText(doc.raw);
      if (normalised.trim() === '') {
        throw new InputError(
          'INPUT_EMPTY',
          doc.raw.length === 0
            ? 'The article is empty. Check that the file was saved completely.'
            : 'The article holds only white space. Check that the file was saved completely.',
        );
      }
      const { text, removed } = stripBoilerplate(normalised);
      if (text.trim() === '') {
        throw new InputError(
          'INPUT_EMPTY',
          `The article holds only page boilerplate (${removed.map((r) => `"${r.text}"`).slice(0, 3).join(', ')}), no article text.`,
        );
      }
      doc.text = text;
      doc.matchText = foldForMatching(text);
      doc.paragraphs = paragraphSpans(text);
      doc.boilerplate = removed;
      doc.title ??= headline(text);
      if (removed.length > 0) {
        doc.warnings.push({
          code: 'BOILERPLATE_REMOVED',
          stage: 'clean-text',
          message: `Removed ${removed.length} boilerplate line(s): ${removed.map((r) => `"${truncate(r.text)}"`).join(', ')}.`,
        });
      }
    },
  };
}

/**
 * Plain-text articles usually open with their headline: a short first line that does not end
 * like a sentence, followed by more text.
 */
function headline(text: string): string | null {
  const newline = text.indexOf('\n');
  if (newline === -1) return null;
  const first = text.slice(0, newline).trim();
  if (first.length < 10 || first.length > 200 || /[.!?…:;,]$/.test(first)) return null;
  return first;
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
