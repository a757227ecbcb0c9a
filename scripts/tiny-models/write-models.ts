import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { serializeModel } from './onnx-graph.js';
import { quantizeGraph } from './quantize.js';
import { BERT_LAYER_NORM_EPS, buildBertTokenClassifier, type BertSpec } from './bert.js';
import { buildSeq2Seq, type Seq2SeqSpec } from './seq2seq.js';
import { bartTokenizer, bertTokenizer, marianTokenizer } from './tokenizers.js';

export interface ModelSize {
  dModel: number;
  layers: number;
  heads: number;
  ffn: number;
  /** Vocabulary size; the tokenizer is padded with filler pieces to reach it. */
  vocab?: number;
  maxPositions: number;
}

/** Small enough to write in milliseconds and run in tests. */
export const TINY: ModelSize = { dModel: 16, layers: 2, heads: 2, ffn: 32, maxPositions: 256 };
/** A BERT token classifier small enough for tests, with 128 positions, so long articles take several windows. */
export const TINY_BERT: ModelSize = { dModel: 16, layers: 2, heads: 2, ffn: 32, maxPositions: 128 };
/** opus-mt-fr-en's real dimensions, for benchmarks. */
export const OPUS_MT_FULL: ModelSize = { dModel: 512, layers: 6, heads: 8, ffn: 2048, vocab: 59514, maxPositions: 512 };

/** The config.json keys Marian and BART share, from the spec the graphs were built with. */
function architecture(spec: Seq2SeqSpec) {
  return {
    d_model: spec.dModel,
    encoder_layers: spec.encoderLayers,
    decoder_layers: spec.decoderLayers,
    encoder_attention_heads: spec.heads,
    decoder_attention_heads: spec.heads,
    encoder_ffn_dim: spec.ffn,
    decoder_ffn_dim: spec.ffn,
    vocab_size: spec.vocab,
  };
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
}

/** Writes into a temporary directory and renames it: a model directory is whole or absent. */
function atomicDirectory(dir: string, write: (tmp: string) => void): void {
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, 'onnx'), { recursive: true });
  write(tmp);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  renameSync(tmp, dir);
}

function writeOnnx(dir: string, spec: Seq2SeqSpec): void {
  const { encoder, decoder } = buildSeq2Seq(spec);
  writeFileSync(join(dir, 'onnx', 'encoder_model.onnx'), serializeModel(encoder));
  writeFileSync(join(dir, 'onnx', 'decoder_model_merged.onnx'), serializeModel(decoder));
  writeFileSync(join(dir, 'onnx', 'encoder_model_quantized.onnx'), serializeModel(quantizeGraph(encoder)));
  writeFileSync(join(dir, 'onnx', 'decoder_model_merged_quantized.onnx'), serializeModel(quantizeGraph(decoder)));
}

/** A Marian translation model laid out like Xenova/opus-mt-*: config, tokenizer, ONNX files. */
export function writeMarianModel(dir: string, size: ModelSize, seed = 1, languages: [string, string] = ['fr', 'en']): void {
  const filler = size.vocab ? Array.from({ length: size.vocab }, (_, i) => `w${i}`) : [];
  let { json, vocab, padId } = marianTokenizer([], languages[0]);
  if (size.vocab) {
    ({ json, vocab, padId } = marianTokenizer(filler.slice(0, size.vocab - vocab.length), languages[0]));
  }
  const spec: Seq2SeqSpec = { family: 'marian', dModel: size.dModel, encoderLayers: size.layers, decoderLayers: size.layers, heads: size.heads, ffn: size.ffn, vocab: vocab.length, maxPositions: size.maxPositions, seed };
  atomicDirectory(dir, (tmp) => {
    writeJson(join(tmp, 'config.json'), {
      _name_or_path: `Helsinki-NLP/opus-mt-${languages[0]}-${languages[1]}`,
      architectures: ['MarianMTModel'],
      model_type: 'marian',
      activation_function: 'swish',
      ...architecture(spec),
      decoder_vocab_size: spec.vocab,
      max_position_embeddings: spec.maxPositions,
      scale_embedding: true,
      normalize_before: false,
      static_position_embeddings: true,
      share_encoder_decoder_embeddings: true,
      is_encoder_decoder: true,
      bos_token_id: 0,
      eos_token_id: 0,
      forced_eos_token_id: 0,
      pad_token_id: padId,
      decoder_start_token_id: padId,
      bad_words_ids: [[padId]],
      max_length: 512,
      num_beams: 4,
      use_cache: true,
    });
    writeJson(join(tmp, 'generation_config.json'), {
      bad_words_ids: [[padId]],
      bos_token_id: 0,
      decoder_start_token_id: padId,
      eos_token_id: 0,
      forced_eos_token_id: 0,
      max_length: 512,
      num_beams: 4,
      pad_token_id: padId,
    });
    writeJson(join(tmp, 'tokenizer.json'), json);
    writeJson(join(tmp, 'tokenizer_config.json'), {
      model_max_length: spec.maxPositions,
      eos_token: '</s>',
      unk_token: '<unk>',
      pad_token: '<pad>',
      source_lang: languages[0],
      target_lang: languages[1],
      separate_vocabs: false,
      tokenizer_class: 'MarianTokenizer',
    });
    writeOnnx(tmp, spec);
  });
}

/** A BART summarisation model laid out like Xenova/distilbart-cnn-6-6. */
export function writeBartModel(dir: string, size: ModelSize, seed = 2): void {
  const { json, vocab } = bartTokenizer();
  const spec: Seq2SeqSpec = { family: 'bart', dModel: size.dModel, encoderLayers: size.layers, decoderLayers: size.layers, heads: size.heads, ffn: size.ffn, vocab: vocab.length, maxPositions: size.maxPositions, seed };
  atomicDirectory(dir, (tmp) => {
    writeJson(join(tmp, 'config.json'), {
      _name_or_path: 'sshleifer/distilbart-cnn-6-6',
      architectures: ['BartForConditionalGeneration'],
      model_type: 'bart',
      activation_function: 'gelu',
      ...architecture(spec),
      max_position_embeddings: spec.maxPositions,
      scale_embedding: false,
      normalize_before: false,
      add_final_layer_norm: false,
      is_encoder_decoder: true,
      bos_token_id: 0,
      pad_token_id: 1,
      eos_token_id: 2,
      decoder_start_token_id: 2,
      forced_bos_token_id: 0,
      forced_eos_token_id: 2,
      use_cache: true,
    });
    writeJson(join(tmp, 'generation_config.json'), {
      bos_token_id: 0,
      decoder_start_token_id: 2,
      eos_token_id: 2,
      forced_bos_token_id: 0,
      forced_eos_token_id: 2,
      pad_token_id: 1,
      max_length: 142,
      min_length: 56,
      no_repeat_ngram_size: 3,
      num_beams: 4,
      length_penalty: 2,
      early_stopping: true,
    });
    writeJson(join(tmp, 'tokenizer.json'), json);
    writeJson(join(tmp, 'tokenizer_config.json'), {
      model_max_length: spec.maxPositions,
      bos_token: '<s>',
      eos_token: '</s>',
      unk_token: '<unk>',
      pad_token: '<pad>',
      sep_token: '</s>',
      cls_token: '<s>',
      mask_token: '<mask>',
      add_prefix_space: false,
      tokenizer_class: 'BartTokenizer',
    });
    writeOnnx(tmp, spec);
  });
}

/** The labels of Davlan/bert-base-multilingual-cased-ner-hrl, in its id order. */
export const NER_LABELS = ['O', 'B-DATE', 'I-DATE', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'] as const;

/**
 * A BERT token classifier laid out like Xenova/bert-base-multilingual-cased-ner-hrl: config with
 * its labels, cased WordPiece tokenizer, onnx/model.onnx and onnx/model_quantized.onnx. Its
 * positions are few (`maxPositions`), so articles need several windows, as long ones do with the
 * real model's 512.
 */
export function writeBertNerModel(dir: string, size: ModelSize, seed = 7): void {
  const { json, vocab } = bertTokenizer();
  const spec: BertSpec = { hidden: size.dModel, layers: size.layers, heads: size.heads, intermediate: size.ffn, vocab: vocab.length, maxPositions: size.maxPositions, typeVocab: 2, labels: NER_LABELS.length, seed };
  const graph = buildBertTokenClassifier(spec);
  atomicDirectory(dir, (tmp) => {
    writeJson(join(tmp, 'config.json'), {
      _name_or_path: 'Davlan/bert-base-multilingual-cased-ner-hrl',
      architectures: ['BertForTokenClassification'],
      model_type: 'bert',
      attention_probs_dropout_prob: 0.1,
      classifier_dropout: null,
      directionality: 'bidi',
      hidden_act: 'gelu',
      hidden_dropout_prob: 0.1,
      hidden_size: spec.hidden,
      id2label: Object.fromEntries(NER_LABELS.map((label, i) => [String(i), label])),
      label2id: Object.fromEntries(NER_LABELS.map((label, i) => [label, i])),
      initializer_range: 0.02,
      intermediate_size: spec.intermediate,
      layer_norm_eps: BERT_LAYER_NORM_EPS,
      max_position_embeddings: spec.maxPositions,
      num_attention_heads: spec.heads,
      num_hidden_layers: spec.layers,
      pad_token_id: 0,
      position_embedding_type: 'absolute',
      type_vocab_size: spec.typeVocab,
      use_cache: true,
      vocab_size: spec.vocab,
    });
    writeJson(join(tmp, 'tokenizer.json'), json);
    writeJson(join(tmp, 'tokenizer_config.json'), {
      do_lower_case: false,
      model_max_length: spec.maxPositions,
      strip_accents: null,
      tokenize_chinese_chars: true,
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      pad_token: '[PAD]',
      unk_token: '[UNK]',
      mask_token: '[MASK]',
      tokenizer_class: 'BertTokenizer',
    });
    writeJson(join(tmp, 'special_tokens_map.json'), { cls_token: '[CLS]', mask_token: '[MASK]', pad_token: '[PAD]', sep_token: '[SEP]', unk_token: '[UNK]' });
    writeFileSync(join(tmp, 'onnx', 'model.onnx'), serializeModel(graph));
    writeFileSync(join(tmp, 'onnx', 'model_quantized.onnx'), serializeModel(quantizeGraph(graph)));
  });
}

/**
 * A Marian-shaped model with a vocabulary of a few tokens and no tokenizer, for checking the
 * engine's beam search against an exhaustive search (token ids in, token ids out). fp32 only.
 * Ids: 0 is the end token, `vocab - 1` the start and padding token (never generated).
 */
export function writeTinyVocabModel(dir: string, vocab: number, seed = 7): void {
  const spec: Seq2SeqSpec = { family: 'marian', dModel: 8, encoderLayers: 1, decoderLayers: 1, heads: 2, ffn: 16, vocab, maxPositions: 32, seed };
  atomicDirectory(dir, (tmp) => {
    writeJson(join(tmp, 'config.json'), { model_type: 'marian', ...architecture(spec), max_position_embeddings: spec.maxPositions, scale_embedding: true, is_encoder_decoder: true });
    writeJson(join(tmp, 'generation_config.json'), { decoder_start_token_id: vocab - 1, eos_token_id: 0, pad_token_id: vocab - 1, bad_words_ids: [[vocab - 1]] });
    const { encoder, decoder } = buildSeq2Seq(spec);
    writeFileSync(join(tmp, 'onnx', 'encoder_model.onnx'), serializeModel(encoder));
    writeFileSync(join(tmp, 'onnx', 'decoder_model_merged.onnx'), serializeModel(decoder));
  });
}
