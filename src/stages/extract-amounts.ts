import type { Diagnostic } from '../document.js';
import { languageName } from '../language/detect-language.js';
import { languagePack, packLanguages } from '../lang/registry.js';
import { extractMoney, type LanguageRegion } from '../money/extract-money.js';
import type { ReferenceTable } from '../money/reference-rates.js';
import { InputError } from '../errors.js';
import type { Stage } from './stage.js';

/**
 * Amounts one document may hold: far above any article (a long budget report has hundreds), and
 * a bound on the size of its record, which a service serialises for the client.
 */
export const MAX_AMOUNTS = 5_000;

export interface ExtractAmountsOptions {
  defaultDollar: string;
  tolerance: number;
  /** Reference exchange rates (`--reference-rates`), or null. */
  referenceRates: ReferenceTable | null;
  /** Date of articles whose own date is unknown (`--date`), YYYY-MM-DD, or null. */
  date: string | null;
}

/**
 * Amounts, exchange-rate quotes and currency pairs, each paragraph read with its own language's
 * pack (an English quotation in a French article uses English scales). A language without a pack
 * is named in a `NO_LANGUAGE_PACK` warning rather than giving a silently empty list.
 */
export function extractAmountsStage(options: ExtractAmountsOptions): Stage {
  return {
    name: 'extract-amounts',
    requires: ['text', 'matchText', 'language', 'paragraphs', 'sentences'],
    assigns: ['amounts', 'pairs', 'rates'],
    run(doc, ctx) {
      const article = ctx.scratch.workingLanguage ?? doc.language?.code ?? 'und';
      const byParagraph = new Map((doc.language?.paragraphs ?? []).map((p) => [p.index, p.code]));
      const regions: LanguageRegion[] = [];
      const unread = new Map<string, number>();
      doc.paragraphs.forEach((p, index) => {
        const language = byParagraph.get(index) ?? article;
        if (languagePack(language)) regions.push({ start: p.start, end: p.end, language });
        else unread.set(language, (unread.get(language) ?? 0) + 1);
      });
      for (const [language, count] of unread) doc.warnings.push(noPack(language, count, language === article));

      doc.date ??= options.date;
      if (options.referenceRates && !doc.date) {
        doc.warnings.push({
          code: 'NO_ARTICLE_DATE',
          stage: 'extract-amounts',
          message: 'Reference rates were given, but the article has no date, so its pairs are not compared with them. Pass --date YYYY-MM-DD, or give the date in the article (HTML metadata, a JSON "date" field).',
        });
      }
      const reference = options.referenceRates && doc.date ? { table: options.referenceRates, date: doc.date } : null;
      const { amounts, pairs, rates, diagnostics } = extractMoney(doc.text, doc.matchText, {
        regions,
        sentences: doc.sentences,
        defaultDollar: options.defaultDollar,
        tolerance: options.tolerance,
        reference,
      });
      if (amounts.length > MAX_AMOUNTS) {
        throw new InputError(
          'INPUT_TOO_COMPLEX',
          `The article holds ${amounts.length.toLocaleString('en')} amounts of money, more than the ${MAX_AMOUNTS.toLocaleString('en')} one document may hold, so its record was not made. Is it a table or a data dump? Split it into articles.`,
        );
      }
      const sentenceOf = sentenceFinder(doc.text, doc.sentences);
      doc.amounts = amounts.map((a) => ({ ...a, sentence: sentenceOf(a.start, a.end) }));
      doc.pairs = pairs;
      doc.rates = rates.map((r) => ({ ...r, sentence: sentenceOf(r.start, r.end) }));
      doc.warnings.push(...diagnostics);
      for (const pair of pairs) {
        if (pair.consistent) continue;
        doc.warnings.push({
          code: 'INCONSISTENT_PAIR',
          stage: 'extract-amounts',
          message: `${pair.english} implies ${pair.rate} ${pair.quote}/${pair.base}, ${pair.deviation > 0 ? '+' : ''}${pair.deviation} % from the rate the article's other figures agree on (${pair.consensus}); one of the two figures may be wrong.`,
          start: amounts[pair.a]!.start,
          end: amounts[pair.b]!.end,
        });
      }
    },
  };
}

/** Longest sentence context kept on a figure: a run-on "sentence" (a table) is cut around it. */
const MAX_SENTENCE = 400;

/** The sentence holding a span, found by binary search over the sentences in text order. */
function sentenceFinder(text: string, sentences: ReadonlyArray<{ start: number; end: number }>): (start: number, end: number) => string {
  return (start, end) => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = sentences[mid]!;
      if (s.end <= start) lo = mid + 1;
      else if (s.start > start) hi = mid - 1;
      else return clip(text, s.start, Math.max(s.end, end), start, end);
    }
    return clip(text, start, end, start, end);
  };
}

function clip(text: string, from: number, to: number, start: number, end: number): string {
  if (to - from <= MAX_SENTENCE) return text.slice(from, to).trim();
  const room = Math.max(0, MAX_SENTENCE - (end - start));
  const a = Math.max(from, start - Math.floor(room / 2));
  const b = Math.min(to, a + MAX_SENTENCE);
  return `${a > from ? '…' : ''}${text.slice(a, b).trim()}${b < to ? '…' : ''}`;
}

function noPack(language: string, paragraphs: number, whole: boolean): Diagnostic {
  const name = language === 'und' ? 'an undetermined language' : `${languageName(language)} (${language})`;
  const packs = packLanguages().join(', ');
  return {
    code: 'NO_LANGUAGE_PACK',
    stage: 'extract-amounts',
    message: whole
      ? `The article is in ${name}, for which precis has no language pack, so its amounts, currency pairs and exchange rates were not read. Packs exist for ${packs}; src/lang/README.md says how to add one.`
      : `${paragraphs} paragraph(s) in ${name} were not read for amounts: precis has no language pack for it (packs: ${packs}).`,
  };
}
