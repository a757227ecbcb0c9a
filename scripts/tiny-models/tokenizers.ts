/**
 * tokenizer.json files in the formats of the real models: SentencePiece Unigram with Metaspace
 * for Marian (</s> = 0, <unk> = 1, <pad> last), byte-level BPE for BART (<s>, <pad>, </s>,
 * <unk> first). Vocabularies are small but cover every character of French and English news.
 */
const CHARACTERS =
  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789àâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊÎÔÙÛŒ.,;:!?'’\"«»()-–—$€£¥₩%/&+*=[]_#@ ";
const WORDS = (
  'le la les de des du un une et à au aux en dans pour sur par avec que qui est a ont sont été il elle ils ' +
  'président budget milliards millions wons dollars euros gouvernement pays Corée Sud Séoul États-Unis année ' +
  'the of and to in a is that for on with as by at from was has have billion million won dollars president ' +
  'budget government country South Korea Seoul United States year said will'
).split(' ');

/** Characters of source languages that are not in Latin script, so their text is not all <unk>. */
const SOURCE_CHARACTERS: Record<string, string> = {
  ko: '원달러억조만천백년월일정부한국은행수출반도체예산환율기업투자대통령시장가격증가감소전년대비올해지난발표했다에서으로는이가을를의와과도한',
};

export function marianTokenizer(extraPieces: string[] = [], source = 'fr'): { json: object; vocab: string[]; padId: number } {
  const pieces = new Set<string>();
  for (const w of [...WORDS, ...extraPieces]) pieces.add(`▁${w}`);
  for (const c of CHARACTERS + (SOURCE_CHARACTERS[source] ?? '')) {
    if (c === ' ') continue;
    pieces.add(c);
    pieces.add(`▁${c}`);
  }
  pieces.add('▁');
  const vocab = ['</s>', '<unk>', ...[...pieces].sort(), '<pad>'];
  const padId = vocab.length - 1;
  const special = (id: number, content: string) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  const json = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [special(0, '</s>'), special(1, '<unk>'), special(padId, '<pad>')],
    normalizer: { type: 'NFKC' },
    pre_tokenizer: { type: 'Metaspace', replacement: '▁', add_prefix_space: true },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '</s>', type_id: 0 } }],
      pair: [{ Sequence: { id: 'A', type_id: 0 } }, { Sequence: { id: 'B', type_id: 0 } }, { SpecialToken: { id: '</s>', type_id: 0 } }],
      special_tokens: { '</s>': { id: '</s>', ids: [0], tokens: ['</s>'] } },
    },
    decoder: { type: 'Metaspace', replacement: '▁', add_prefix_space: true },
    model: {
      type: 'Unigram',
      unk_id: 1,
      // Longer pieces score higher, so words win over their letters.
      vocab: vocab.map((p, i) => [p, i < 2 || i === padId ? 0 : -10 + Math.min(9, [...p].length)]),
    },
  };
  return { json, vocab, padId };
}

/** GPT-2 byte-to-unicode table: every byte has a printable character. */
function byteCharacters(): string[] {
  const keep: number[] = [];
  for (let b = 33; b <= 126; b++) keep.push(b);
  for (let b = 161; b <= 172; b++) keep.push(b);
  for (let b = 174; b <= 255; b++) keep.push(b);
  const chars: string[] = new Array(256);
  let n = 0;
  for (let b = 0; b < 256; b++) chars[b] = keep.includes(b) ? String.fromCharCode(b) : String.fromCharCode(256 + n++);
  return chars;
}

export function bartTokenizer(): { json: object; vocab: string[] } {
  const vocab = ['<s>', '<pad>', '</s>', '<unk>', ...byteCharacters()];
  const words = WORDS.filter((w) => /^[a-z]+$/.test(w)).map((w) => `Ġ${w}`);
  // Merges that build a few whole words, so the vocabulary is not only bytes.
  const merges: string[] = [];
  for (const w of words) {
    let current = w[0]!;
    for (const c of w.slice(1)) {
      merges.push(`${current} ${c}`);
      current += c;
      if (!vocab.includes(current)) vocab.push(current);
    }
  }
  const ids = Object.fromEntries(vocab.map((t, i) => [t, i]));
  const special = (id: number, content: string) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: true, special: true });
  const json = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [special(0, '<s>'), special(1, '<pad>'), special(2, '</s>'), special(3, '<unk>')],
    normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
    post_processor: { type: 'RobertaProcessing', sep: ['</s>', 2], cls: ['<s>', 0], trim_offsets: true, add_prefix_space: false },
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: '', end_of_word_suffix: '', fuse_unk: false, vocab: ids, merges: [...new Set(merges)] },
  };
  return { json, vocab };
}

/** Hangul syllables of Korean news, so Korean text is not all [UNK] (others still are). */
const HANGUL = '서울삼성전자한국은행정부대통령윤석열이재용기업시장발표했다에서은는이가을를의와과도년월일원달러억조회장장관위원회국회부산';
/** Whole words and continuations of news text, so words are not all split into letters. */
const BERT_WORDS = (
  'le la les de des du un une et à au en pour sur par avec que qui est a ont président gouvernement ministre Banque banque ' +
  'France Paris Séoul Corée Sud Emmanuel Macron Élisabeth Borne Renault Airbus Lyon Marseille Bruxelles Europe européenne ' +
  'the of and to in is that for on with said President Bank Korea Seoul Samsung Electronics London Washington Reserve Federal ' +
  'Yoon Suk Yeol Lee Jae Kim Park ' +
  '서울 삼성전자 한국은행 정부 대통령 윤석열 회장 발표했다'
).split(' ');
const BERT_CONTINUATIONS = ['ment', 'ique', 'tion', 'ron', 'ing', 'ed', 'es', 's', 'er', 'al', 'ie', '은', '는', '이', '가', '을', '를', '의', '에서'];

/**
 * A cased WordPiece tokenizer.json in the format of bert-base-multilingual-cased: [PAD] = 0,
 * [unused1..99], [UNK] = 100, [CLS] = 101, [SEP] = 102, [MASK] = 103; a BertNormalizer that keeps
 * case and accents, the BERT pre-tokenizer (whitespace and punctuation), `##` continuations and
 * the `[CLS] $A [SEP]` template. Letters, digits, punctuation and some Hangul are pieces, so
 * every Latin word can be spelt; a word with a syllable outside the vocabulary is [UNK].
 */
export function bertTokenizer(): { json: object; vocab: string[] } {
  const vocab = ['[PAD]', ...Array.from({ length: 99 }, (_, i) => `[unused${i + 1}]`), '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
  const pieces = new Set<string>();
  for (const c of CHARACTERS + HANGUL) {
    if (c === ' ') continue;
    pieces.add(c);
    pieces.add(`##${c}`);
  }
  for (const w of BERT_WORDS) pieces.add(w);
  for (const w of BERT_CONTINUATIONS) pieces.add(`##${w}`);
  vocab.push(...[...pieces].filter((p) => !vocab.includes(p)));
  const special = (content: string) => ({ id: vocab.indexOf(content), content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  const json = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'].map(special),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: false },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [101], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [102], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(vocab.map((t, i) => [t, i])) },
  };
  return { json, vocab };
}
