import { describe, expect, test } from 'vitest';
import { alignPieces, isPunctuation, splitWords } from '../../src/entities/word-pieces.js';

const texts = (text: string) => splitWords(text).map((w) => w.text);

describe('splitWords: words as the BERT pre-tokenizer cuts them, with offsets in the text', () => {
  test.for([
    ["l'Élysée a reçu M. Lee", ['l', "'", 'Élysée', 'a', 'reçu', 'M', '.', 'Lee']],
    ['aujourd’hui, à Séoul', ['aujourd', '’', 'hui', ',', 'à', 'Séoul']],
    ['Samsung Electronics (005930.KS) +3,2 %', ['Samsung', 'Electronics', '(', '005930', '.', 'KS', ')', '+', '3', ',', '2', '%']],
    ['삼성전자 이재용 회장은 서울에서', ['삼성전자', '이재용', '회장은', '서울에서']],
    ['中国人民银行 a dit', ['中', '国', '人', '民', '银', '行', 'a', 'dit']],
    ['728\u202f000\u00a0wons « Corée »', ['728', '000', 'wons', '«', 'Corée', '»']],
  ] as const)('%s', ([text, expected]) => {
    expect(texts(text)).toEqual(expected);
    for (const w of splitWords(text)) expect(text.slice(w.start, w.end)).toBe(w.text);
  });

  test('offsets are into the whole text when a range is given', () => {
    const text = 'Avant. Macron à Paris.';
    const words = splitWords(text, 7, text.length);
    expect(words[0]).toEqual({ start: 7, end: 13, text: 'Macron' });
    for (const w of words) expect(text.slice(w.start, w.end)).toBe(w.text);
  });

  test('NFC text keeps its composed letters in one word; decomposed accents stay in their word', () => {
    const nfc = 'Élisabeth Borne'.normalize('NFC');
    const nfd = 'Élisabeth Borne'.normalize('NFD');
    expect(texts(nfc)).toEqual(['Élisabeth', 'Borne']);
    expect(texts(nfd)).toEqual(['É'.normalize('NFD') + 'lisabeth', 'Borne']);
  });

  test('punctuation marks', () => {
    for (const p of ['.', ',', "'", '’', '«', '(', '$', '%', '-', '·']) expect(isPunctuation(p), p).toBe(true);
    for (const w of ['a', 'É', '원', '中', '12']) expect(isPunctuation(w), w).toBe(false);
  });
});

describe('alignPieces: where each sub-word piece lies in its word', () => {
  test.for([
    ['Macronie', ['Macron', '##ie'], [[0, 6], [6, 8]]],
    ['Élysée', ['É', '##l', '##y', '##s', '##é', '##e'], [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 6]]],
    ['삼성전자는', ['삼성전자', '##는'], [[0, 4], [4, 5]]],
    ['Łódź', ['[UNK]'], [[0, 4]]],
    ['Zürichsee', ['Z', '[UNK]', '##see'], [[0, 1], [1, 9], [9, 9]]],
    ['a', [], []],
  ] as const)('%s', ([word, pieces, spans]) => {
    expect(alignPieces(word, pieces)).toEqual(spans);
  });

  test('a piece in NFC matches a word in NFC; a word the tokenizer changed falls back to the rest of the word', () => {
    expect(alignPieces('Séoul'.normalize('NFC'), ['S', '##é', '##oul'])).toEqual([[0, 1], [1, 2], [2, 5]]);
    const nfd = 'é'.normalize('NFD');
    expect(alignPieces(`S${nfd}oul`, ['S', '##é', '##oul'])).toEqual([[0, 1], [1, 6], [6, 6]]);
  });

  test('pieces that stop short of the end leave the rest to the last one', () => {
    expect(alignPieces('abc\u200b', ['abc'])).toEqual([[0, 4]]);
    expect(alignPieces('ab\u200bc', ['ab', '##c'])).toEqual([[0, 2], [2, 4]]);
  });
});
