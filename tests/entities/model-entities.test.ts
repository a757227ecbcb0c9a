import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Span } from '../../src/document.js';
import { entitiesFromTags, findModelEntities, type ModelEntities, type TaggedToken } from '../../src/entities/model-entities.js';
import { splitWords } from '../../src/entities/word-pieces.js';
import { nerModel, readManifest } from '../../src/models/manifest.js';
import { ModelStore, type TokenClassifier } from '../../src/summarise/model-store.js';
import { CORPUS, FIXTURES } from '../helpers.js';

/** The labels of the real model, which the tiny one declares too. */
const LABELS = ['O', 'B-DATE', 'I-DATE', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'];
const TEXTS = {
  fra: "Emmanuel Macron a reçu Yoon Suk Yeol à l'Élysée mardi, à Paris. Le président de Samsung Electronics, Lee Jae-yong, était présent aujourd’hui. « L'Europe et la Corée du Sud » : Élisabeth Borne a parlé de Séoul.".normalize('NFC'),
  eng: 'Samsung Electronics said on Tuesday that its chairman, Lee Jae-yong, met President Yoon Suk Yeol in Seoul. The Bank of Korea kept its rate at 3.5%. Reuters reported it from London.',
  kor: '삼성전자 이재용 회장은 서울에서 윤석열 대통령과 만났다고 발표했다. 한국은행은 기준금리를 동결했다. 부산시는 새 계획을 밝혔다.',
};

/** Sentence spans the way the pipeline gives them: from the start of a sentence to its final mark. */
function sentencesOf(text: string): Span[] {
  return [...text.matchAll(/[^.!?。\s][^.!?。]*[.!?。]?/g)].map((m) => ({ start: m.index, end: m.index + m[0].trimEnd().length }));
}

let store: ModelStore;
let classifier: TokenClassifier;

beforeAll(async () => {
  // No test here may reach the network: any fetch is a failure.
  vi.stubGlobal('fetch', () => Promise.reject(new Error('network access attempted in a test')));
  store = new ModelStore({ modelsDir: join(FIXTURES, 'models'), allowRemote: false });
  classifier = await store.loadTokenClassifier(nerModel(readManifest())!);
});
afterAll(async () => {
  await store.close();
  vi.unstubAllGlobals();
});

/** What holds whatever labels the random model gives: offsets, types, tokens, whole words. */
function expectValid(text: string, found: ModelEntities): void {
  const words = splitWords(text);
  const starts = new Set(words.map((w) => w.start));
  const ends = new Set(words.map((w) => w.end));
  for (const e of found.entities) {
    expect(['PERSON', 'ORG', 'LOC']).toContain(e.type);
    expect(e.mentions.length).toBeGreaterThan(0);
    for (const m of e.mentions) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(starts.has(m.start) && ends.has(m.end), `"${m.text}" cuts a word`).toBe(true);
    }
  }
  for (const t of found.tokens) expect(LABELS).toContain(t.label);
  // The tokens tile the words they belong to: in order, each inside one word, every character of
  // a word read in exactly one token ([UNK] covers its whole word).
  const tokens = found.tokens.filter((t) => t.end > t.start);
  for (const [i, t] of tokens.entries()) {
    if (i > 0) expect(t.start).toBeGreaterThanOrEqual(tokens[i - 1]!.end);
    expect(words.some((w) => w.start <= t.start && t.end <= w.end), `token ${t.start}-${t.end}`).toBe(true);
  }
  const read = words.filter((w) => tokens.some((t) => w.start <= t.start && t.end <= w.end));
  const length = (xs: Span[]) => xs.reduce((n, x) => n + x.end - x.start, 0);
  expect(length(tokens)).toBe(length(read));
}

/** Every word of the text has a token. */
function expectAllRead(text: string, found: ModelEntities): void {
  const tokens = found.tokens.filter((t) => t.end > t.start);
  for (const w of splitWords(text)) expect(tokens.some((t) => w.start <= t.start && t.end <= w.end), w.text).toBe(true);
}

describe('findModelEntities on the tiny BERT model (the real code path, random weights)', () => {
  test.for(Object.entries(TEXTS))('%s: valid offsets, types and tokens; the same output twice', async ([, text]) => {
    const first = await findModelEntities(text, classifier, { sentences: sentencesOf(text) });
    expectValid(text, first);
    expectAllRead(text, first);
    expect(first.warnings).toEqual([]);
    const again = await findModelEntities(text, classifier, { sentences: sentencesOf(text) });
    expect(again).toEqual(first);
  });

  test('a second copy of the model, loaded by another store, tags the same way', async () => {
    const other = new ModelStore({ modelsDir: join(FIXTURES, 'models'), allowRemote: false });
    try {
      const copy = await other.loadTokenClassifier(nerModel(readManifest())!);
      for (const text of Object.values(TEXTS)) {
        expect(await findModelEntities(text, copy, { sentences: sentencesOf(text) })).toEqual(await findModelEntities(text, classifier, { sentences: sentencesOf(text) }));
      }
    } finally {
      await other.close();
    }
  });

  test('the seed was chosen so that the tiny model tags something: these tests are not vacuous', async () => {
    // The labels themselves are random; only that some are not O is a property of the fixture.
    const all = await Promise.all(Object.values(TEXTS).map((t) => findModelEntities(t, classifier, { sentences: sentencesOf(t) })));
    expect(all.flatMap((f) => f.tokens).some((t) => t.label !== 'O')).toBe(true);
    expect(all.flatMap((f) => f.entities).length).toBeGreaterThan(0);
  });

  test('tokens stand for the characters of the original text: accents, apostrophes, Hangul, [UNK]', async () => {
    const text = "l'Élysée, aujourd’hui : Macronie, Zürichsee, 삼성전자는 이재용 회장의 Łódź.";
    const found = await findModelEntities(text, classifier, { sentences: [{ start: 0, end: text.length }] });
    expectValid(text, found);
    const pieces = found.tokens.map((t) => text.slice(t.start, t.end));
    // The tiny vocabulary spells Élysée letter by letter and knows "Macron" and "삼성전자".
    expect(pieces.slice(0, 9)).toEqual(['l', "'", 'É', 'l', 'y', 's', 'é', 'e', ',']);
    expect(pieces).toContain('Macron');
    expect(pieces).toContain('ie');
    expect(pieces).toContain('삼성전자');
    // A word with a character outside the vocabulary is one [UNK] token covering it whole.
    expect(pieces).toContain('Łódź');
  });

  test('a long article is read in windows of whole sentences that fit the model', async () => {
    const article = readFileSync(join(CORPUS, 'kr-budget-ai-fr.txt'), 'utf8');
    const text = [article, article].join('\n\n');
    const sentences = sentencesOf(text);
    // The tiny vocabulary spells most words letter by letter: more windows than the default cap.
    const found = await findModelEntities(text, classifier, { sentences, maxWindows: 500 });
    expectValid(text, found);
    expect(found.windows.length).toBeGreaterThan(3);
    const words = splitWords(text);
    const sentenceEnds = new Set(sentences.map((s) => s.end));
    for (const [i, w] of found.windows.entries()) {
      expect(words.some((x) => x.start === w.start)).toBe(true);
      if (i > 0) expect(w.start).toBeGreaterThan(found.windows[i - 1]!.end - 1);
      const tokens = found.tokens.filter((t) => t.start >= w.start && t.end <= w.end);
      expect(tokens.length).toBeLessThanOrEqual(classifier.maxTokens);
      // A window ends with a sentence unless that sentence alone is longer than a window.
      const next = found.windows[i + 1];
      if (next && !sentenceEnds.has(w.end)) {
        const within = sentences.find((s) => s.start <= w.end && w.end < s.end)!;
        expect(next.start).toBeLessThan(within.end);
      }
    }
    expectAllRead(text, found);
    expect(found.warnings).toEqual([]);
  });

  test('a sentence longer than a window is cut between words, never inside one', async () => {
    const text = `${Array.from({ length: 200 }, (_, i) => `Macron${i % 10}`).join(' ')}.`;
    const found = await findModelEntities(text, classifier, { sentences: [{ start: 0, end: text.length }] });
    expectValid(text, found);
    expect(found.windows.length).toBeGreaterThan(1);
    const words = splitWords(text);
    for (const w of found.windows) {
      expect(words.some((x) => x.start === w.start)).toBe(true);
      expect(words.some((x) => x.end === w.end)).toBe(true);
    }
  });

  test('windows are capped per article: the rest is left to the rules, with a warning', async () => {
    const article = readFileSync(join(CORPUS, 'kr-budget-ai-fr.txt'), 'utf8');
    const found = await findModelEntities(article, classifier, { sentences: sentencesOf(article), maxWindows: 2 });
    expect(found.windows).toHaveLength(2);
    expect(found.warnings).toHaveLength(1);
    const [warning] = found.warnings;
    expect(warning).toMatchObject({ code: 'NER_TRUNCATED', stage: 'extract-entities', end: article.length });
    expect(warning!.start).toBeGreaterThanOrEqual(found.windows[1]!.end);
    for (const e of found.entities) for (const m of e.mentions) expect(m.end).toBeLessThanOrEqual(warning!.start!);
  });

  test('nothing is found inside excluded spans (amounts)', async () => {
    const text = TEXTS.fra;
    const found = await findModelEntities(text, classifier, { sentences: sentencesOf(text), exclude: [{ start: 0, end: text.length }] });
    expect(found.entities).toEqual([]);
  });

  test('an aborted signal stops before the model is called', async () => {
    const text = TEXTS.eng;
    await expect(findModelEntities(text, classifier, { sentences: sentencesOf(text), signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

describe('entitiesFromTags: B-/I- tags to entities', () => {
  const text = "M. Emmanuel Macron a reçu l'ONU à Paris, puis Macron est parti. Samsung Electronics a vu Samsung.";
  const words = splitWords(text);
  const sentences = sentencesOf(text);
  /** One token per word, with the given labels by word text (each occurrence in turn); others O. */
  function tag(labels: Record<string, string[]>): TaggedToken[] {
    const seen = new Map<string, number>();
    return words.map((w, i) => {
      const n = seen.get(w.text) ?? 0;
      seen.set(w.text, n + 1);
      return { word: i, start: w.start, end: w.end, label: labels[w.text]?.[n] ?? 'O' };
    });
  }
  const view = (tokens: TaggedToken[], exclude: Span[] = []) =>
    entitiesFromTags(text, words, tokens, { sentences, exclude }).map((e) => `${e.type}:${e.text}=${e.mentions.map((m) => m.text).join('|')}`);

  test('B-X starts a span, I-X continues it; DATE and O are dropped; PER, ORG, LOC become PERSON, ORG, LOC', () => {
    expect(view(tag({ Emmanuel: ['B-PER'], Macron: ['I-PER', 'B-PER'], ONU: ['B-ORG'], Paris: ['B-LOC'], puis: ['B-DATE'] }))).toEqual([
      'PERSON:Emmanuel Macron=Emmanuel Macron|Macron',
      'ORG:ONU=ONU',
      'LOC:Paris=Paris',
    ]);
  });

  test('an I-X that does not continue an X starts a span; B-X after X starts a new one', () => {
    expect(view(tag({ Emmanuel: ['I-PER'], Macron: ['I-ORG'] }))).toEqual(['PERSON:Emmanuel=Emmanuel', 'ORG:Macron=Macron']);
    expect(view(tag({ Emmanuel: ['B-PER'], Macron: ['B-PER'] }))).toEqual(['PERSON:Emmanuel=Emmanuel', 'PERSON:Macron=Macron']);
  });

  test('punctuation at the ends of a span is trimmed; a span never crosses a sentence', () => {
    expect(view(tag({ Paris: ['B-LOC'], ',': ['I-LOC'], "'": ['B-ORG'], ONU: ['I-ORG'] }))).toEqual(['ORG:ONU=ONU', 'LOC:Paris=Paris']);
    expect(view(tag({ parti: ['B-ORG'], '.': ['I-ORG', 'I-ORG'], Samsung: ['I-ORG', 'B-ORG'], Electronics: ['I-ORG'] }))).toEqual(['ORG:parti=parti', 'ORG:Samsung Electronics=Samsung Electronics|Samsung']);
  });

  test('two tags inside one word make one span of whole words', () => {
    const w = words.findIndex((x) => x.text === 'Macron');
    const tokens: TaggedToken[] = [
      { word: w - 1, start: words[w - 1]!.start, end: words[w - 1]!.end, label: 'B-PER' },
      { word: w, start: words[w]!.start, end: words[w]!.start + 3, label: 'I-PER' },
      { word: w, start: words[w]!.start + 3, end: words[w]!.end, label: 'B-ORG' },
    ];
    expect(view(tokens)).toEqual(['PERSON:Emmanuel Macron=Emmanuel Macron']);
  });

  test('a shorter form joins the name it shortens; excluded spans are dropped', () => {
    const tokens = tag({ Samsung: ['B-ORG', 'B-ORG'], Electronics: ['I-ORG'], Macron: ['I-PER', 'B-PER'], Emmanuel: ['B-PER'] });
    expect(view(tokens)).toEqual(['PERSON:Emmanuel Macron=Emmanuel Macron|Macron', 'ORG:Samsung Electronics=Samsung Electronics|Samsung']);
    const samsung = text.indexOf('Samsung');
    expect(view(tokens, [{ start: samsung, end: samsung + 7 }])).toEqual(['PERSON:Emmanuel Macron=Emmanuel Macron|Macron', 'ORG:Samsung=Samsung']);
  });
});
