import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { normaliseText, paragraphSpans } from '../../src/ingest/normalise-text.js';
import { stripBoilerplate } from '../../src/ingest/strip-boilerplate.js';
import { segmentSentences } from '../../src/text/segment-sentences.js';
import { createNlp } from '../../src/text/wink.js';
import { SEED } from '../helpers.js';

const nlp = createNlp();

function split(text: string): string[] {
  const { sentences } = segmentSentences(nlp, text, paragraphSpans(text));
  return sentences.map((s) => text.slice(s.start, s.end));
}

describe('segmentSentences on French typography', () => {
  test.for([
    ['M. Lee a parlé. Il a dit non.', ['M. Lee a parlé.', 'Il a dit non.']],
    ['Cet accord entre MM. Lee et Jensen Huang a été annoncé. La suite est inconnue.', ['Cet accord entre MM. Lee et Jensen Huang a été annoncé.', 'La suite est inconnue.']],
    ['Mme Choi et le Dr. Kim ont voté. Le texte passe.', ['Mme Choi et le Dr. Kim ont voté.', 'Le texte passe.']],
    ['Il a affirmé : «Nous ne fournissons pas cette puce à d\'autres.» Puis il est parti.', ['Il a affirmé : «Nous ne fournissons pas cette puce à d\'autres.»', 'Puis il est parti.']],
    ['Il a dit « Non. » Le débat continue.', ['Il a dit « Non. »', 'Le débat continue.']],
    ['Le budget atteint 506 milliards $ US. La hausse est de 8,2 %.', ['Le budget atteint 506 milliards $ US.', 'La hausse est de 8,2 %.']],
    ['Sa dépendance vis-à-vis des États-Unis, c.-à-d. de Washington, baisse. Fin.', ['Sa dépendance vis-à-vis des États-Unis, c.-à-d. de Washington, baisse.', 'Fin.']],
    ['Selon J. Smith, le plan tient. Il ajoute.', ['Selon J. Smith, le plan tient.', 'Il ajoute.']],
    // A German date writes its day as an ordinal; a figure ending a sentence before a capital is no date.
    ['Am 1. Januar kostete ein Dollar 1.103,50 Won. Danach fiel er.', ['Am 1. Januar kostete ein Dollar 1.103,50 Won.', 'Danach fiel er.']],
    ['Der Umsatz stieg um 12. Mai kam der Einbruch.', ['Der Umsatz stieg um 12. Mai kam der Einbruch.']],
    ['Die Zahl der Filialen sank auf 12. Viele schlossen.', ['Die Zahl der Filialen sank auf 12.', 'Viele schlossen.']],
  ] as Array<[string, string[]]>)('%s', ([text, expected]) => {
    expect(split(text)).toEqual(expected);
  });

  test('never runs a sentence across a paragraph break (a headline without a period)', () => {
    expect(split('Le président Lee appelle à investir\nIl a parlé mardi.')).toEqual(['Le président Lee appelle à investir', 'Il a parlé mardi.']);
  });

  test('offsets point into the text, tokens carry their sentence', () => {
    const text = 'Le won a chuté de 1,2 % mardi.\nM. Lee a réagi. Il a parlé.';
    const { sentences, tokens } = segmentSentences(nlp, text, paragraphSpans(text));
    expect(sentences.map((s) => [s.index, s.paragraph])).toEqual([[0, 0], [1, 1], [2, 1]]);
    for (const t of tokens) expect(text.slice(t.start, t.end).length).toBe(t.end - t.start);
    const lee = tokens.find((t) => text.slice(t.start, t.end) === 'Lee')!;
    expect(lee.sentence).toBe(1);
    expect(tokens.find((t) => text.slice(t.start, t.end) === '1,2')?.kind).toBe('number');
  });

  test('the seed article has at most 30 sentences, none starting with a closing guillemet', () => {
    const text = stripBoilerplate(normaliseText(readFileSync(SEED, 'utf8'))).text;
    const sentences = split(text);
    expect(sentences.length).toBeLessThanOrEqual(30);
    expect(sentences.length).toBeGreaterThanOrEqual(25);
    expect(sentences.filter((s) => /^[»)]/.test(s))).toEqual([]);
    expect(sentences.filter((s) => /\b(M|MM)\.$/.test(s))).toEqual([]);
  });
});

describe('the shared sentence splitter', () => {
  test('any number of pipelines can split sentences (each used to re-load wink’s model and grow a string without bound)', async () => {
    const { createPipeline } = await import('../../src/index.js');
    for (let i = 0; i < 40; i++) {
      const record = await createPipeline({ summarise: false }).process(`Pipeline ${i}. Le budget est présenté. Les députés votent.`);
      expect(record.error).toBeUndefined();
    }
  });
});

describe('runs without white space', () => {
  test('a 60 KB "word" and a long run of elisions are split for the tokenizer, offsets unchanged', async () => {
    const { createPipeline } = await import('../../src/index.js');
    const pipeline = createPipeline({ summarise: false });
    for (const run of ['a'.repeat(60_000), "d'".repeat(20_000)]) {
      const text = `Le gouvernement a présenté son budget. ${run} Le ministre a parlé.`;
      const record = await pipeline.extract({ id: 'x', text });
      expect(record.error).toBeUndefined();
      const last = record.keySentences.at(-1)!;
      expect(text.slice(last.start, last.end)).toBe(last.text);
    }
    await pipeline.close();
  });
});
