import type { Diagnostic, Document } from '../document.js';
import { isAbortError, isPrecisError, throwIfAborted } from '../errors.js';
import { languageName, toIso1 } from '../language/detect-language.js';
import { type Manifest, summarisationModel, translationModelFor } from '../models/manifest.js';
import { checkFigures, protectSentence, restoreSentence, type ProtectedSentence } from './protect-figures.js';
import type { ModelStore, TextGenerator } from './model-store.js';

export type Strategy = 'extract-translate' | 'translate-summarise' | 'extractive';
export const STRATEGIES: readonly Strategy[] = ['extract-translate', 'translate-summarise', 'extractive'];

export interface Summary {
  /** ISO 639-1 code of the summary text: "en", or the source language for `extractive`. */
  language: string;
  text: string;
  strategy: Strategy;
  models: Array<{ id: string; revision: string }>;
  /** Each source sentence and its English text. */
  sentences: Array<{ source: string; text: string }>;
  warnings: Diagnostic[];
  ms: number;
}

export interface SummariseOptions {
  strategy: Strategy;
  beams: number;
  maxNewTokens: number;
  batchSize: number;
  maxWords: number;
}

/**
 * The English summary of one document. A missing or broken model never fails the article: the
 * summary falls back to the extractive one, with a warning that says how to get the model.
 */
export async function summariseArticle(
  doc: Document,
  language: string,
  store: ModelStore,
  manifest: Manifest,
  options: SummariseOptions,
  signal?: AbortSignal,
): Promise<Summary> {
  const started = performance.now();
  const warnings: Diagnostic[] = [];
  const done = (s: Omit<Summary, 'ms' | 'warnings'>): Summary => ({ ...s, warnings, ms: Math.round(performance.now() - started) });
  const extractive = () =>
    done({
      language: toIso1(language) ?? language,
      text: doc.keySentences.map((s) => s.text).join(' '),
      strategy: 'extractive',
      models: [],
      sentences: doc.keySentences.map((s) => ({ source: s.text, text: s.text })),
    });
  if (options.strategy === 'extractive') return extractive();

  const english = language === 'eng';
  let translator: TextGenerator | null = null;
  if (!english) {
    const model = translationModelFor(manifest, language);
    if (!model) {
      warnings.push({ code: 'MODEL_MISSING', stage: 'summarise', message: `No translation model is declared for ${languageName(language)} (${language}); the summary is extractive. Declare one in models/manifest.json.` });
      return extractive();
    }
    try {
      translator = await store.load(model);
      throwIfAborted(signal);
    } catch (error) {
      rethrowAbort(error);
      warnings.push(modelWarning(error, model.id));
      return extractive();
    }
  }

  const sourceSentences = options.strategy === 'translate-summarise' ? doc.sentences.map((s) => ({ index: s.index, start: s.start, end: s.end, text: doc.text.slice(s.start, s.end), score: 0 })) : doc.keySentences;
  let translated: Array<{ source: string; text: string }>;
  try {
    translated = translator ? await translate(doc, sourceSentences, translator, options, warnings, signal) : sourceSentences.map((s) => ({ source: s.text, text: s.text }));
  } catch (error) {
    rethrowAbort(error);
    warnings.push(modelWarning(error, translator?.declaration.id ?? 'the translation model'));
    return extractive();
  }
  const models = translator ? [{ id: translator.declaration.id, revision: translator.declaration.revision }] : [];

  if (options.strategy === 'extract-translate') {
    return done({ language: 'en', text: translated.map((s) => s.text).join(' '), strategy: 'extract-translate', models, sentences: translated });
  }

  // translate-summarise: summarise the whole English text with the summarisation model.
  const model = summarisationModel(manifest);
  let summariser: TextGenerator;
  try {
    if (!model) throw new Error('no summarisation model is declared in models/manifest.json');
    summariser = await store.load(model);
    throwIfAborted(signal);
  } catch (error) {
    rethrowAbort(error);
    warnings.push(modelWarning(error, model?.id ?? 'a summarisation model'));
    const key = new Set(doc.keySentences.map((s) => s.index));
    const kept = translated.filter((_, i) => key.has(sourceSentences[i]!.index));
    return done({ language: 'en', text: kept.map((s) => s.text).join(' '), strategy: 'extract-translate', models, sentences: kept });
  }
  const whole = translated.map((s) => s.text).join(' ');
  let raw: string;
  try {
    [raw = ''] = await summariser.generate([whole], { beams: options.beams, maxNewTokens: Math.ceil(options.maxWords * 1.6), minLength: 0 }, signal);
  } catch (error) {
    rethrowAbort(error);
    warnings.push(modelWarning(error, summariser.declaration.id));
    const key = new Set(doc.keySentences.map((s) => s.index));
    const kept = translated.filter((_, i) => key.has(sourceSentences[i]!.index));
    return done({ language: 'en', text: kept.map((s) => s.text).join(' '), strategy: 'extract-translate', models, sentences: kept });
  }
  const words = raw.trim().split(/\s+/);
  const text = words.length > options.maxWords ? `${words.slice(0, options.maxWords).join(' ')}…` : raw.trim();
  const check = checkFigures(text, doc.amounts.map((a) => ({ currency: a.currency, value: a.value, english: a.english })));
  for (const u of check.unexpected) {
    warnings.push({ code: 'FIGURE_MISMATCH', stage: 'summarise', message: `The summary states "${u}", which matches no amount of the article; check it against the source.` });
  }
  return done({ language: 'en', text, strategy: 'translate-summarise', models: [...models, { id: summariser.declaration.id, revision: summariser.declaration.revision }], sentences: translated });
}

async function translate(
  doc: Document,
  sentences: Array<{ index: number; start: number; end: number; text: string; score: number }>,
  translator: TextGenerator,
  options: SummariseOptions,
  warnings: Diagnostic[],
  signal: AbortSignal | undefined,
): Promise<Array<{ source: string; text: string }>> {
  const protectedSentences: ProtectedSentence[] = sentences.map((s) => protectSentence(doc.text, s, doc.amounts, doc.pairs, doc.entities, doc.rates));
  // All at once: the model's scheduler pools them with other articles' into full batches.
  throwIfAborted(signal);
  const outputs = await translator.generate(
    protectedSentences.map((p) => p.text),
    { beams: options.beams, maxNewTokens: options.maxNewTokens },
    signal,
  );
  return protectedSentences.map((p, i) => {
    const restored = restoreSentence(outputs[i] ?? '', p);
    const where = `sentence ${sentences[i]!.index + 1}`;
    for (const slot of restored.missing) {
      warnings.push({
        code: slot.kind === 'amount' ? 'FIGURE_DROPPED' : 'NAME_DROPPED',
        stage: 'summarise',
        message: `The translation of ${where} lost ${slot.english}; read the source sentence for it.`,
        start: sentences[i]!.start,
        end: sentences[i]!.end,
      });
    }
    const expected = p.slots.filter((s) => s.kind === 'amount' && !restored.missing.includes(s)).flatMap((s) => s.values.map((v) => ({ ...v, english: s.english })));
    const check = checkFigures(restored.text, expected);
    for (const m of check.missing) {
      warnings.push({ code: 'FIGURE_DROPPED', stage: 'summarise', message: `The translation of ${where} does not state ${m.english}.`, start: sentences[i]!.start, end: sentences[i]!.end });
    }
    for (const u of check.unexpected) {
      warnings.push({ code: 'FIGURE_MISMATCH', stage: 'summarise', message: `The translation of ${where} states "${u}", which is not a figure of the source sentence.`, start: sentences[i]!.start, end: sentences[i]!.end });
    }
    return { source: p.source, text: restored.text };
  });
}

/** A cancelled article is cancelled, not summarised extractively. */
function rethrowAbort(error: unknown): void {
  if (isAbortError(error)) throw error;
}

function modelWarning(error: unknown, id: string): Diagnostic {
  const detail = isPrecisError(error) ? error.message : `Model ${id} could not be used (${(error as Error).message}).`;
  return { code: 'MODEL_MISSING', stage: 'summarise', message: `${detail} The summary is extractive until then.` };
}
