import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { Diagnostic } from '../document.js';
import { InputError } from '../errors.js';

export interface DecodedText {
  text: string;
  /** WHATWG-style label of the encoding the bytes were read as. */
  encoding: string;
  warnings: Diagnostic[];
}

export interface DecodeOptions {
  /** Charset the container declares (an HTML `<meta charset>`), tried before statistical guessing. */
  declaredCharset?: string | null;
  /**
   * Charset the transport declares (an HTTP `Content-Type: …; charset=`): it names how the bytes
   * were sent, so it is trusted over sniffing (UTF-16 without a byte-order mark included).
   */
  transportCharset?: string | null;
  path?: string;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Reads bytes as text the way a careful person would: trust a byte-order mark, then strict UTF-8,
 * then a declared charset, then statistics. French files saved by older Windows tools are
 * Windows-1252, which browsers also use for anything labelled ISO-8859-1.
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const warnings: Diagnostic[] = [];
  if (startsWith(bytes, UTF8_BOM)) {
    return { text: decodeUtf8Lenient(bytes.subarray(3), warnings), encoding: 'utf-8', warnings };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', warnings };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', warnings };
  }

  const transport = normaliseLabel(options.transportCharset);
  if (transport && transport !== 'utf-8') {
    if (/^utf-16(?:le|be)?$/.test(transport)) return { text: new TextDecoder(transport).decode(bytes), encoding: transport, warnings };
    if (iconv.encodingExists(transport)) return { text: iconv.decode(Buffer.from(bytes), transport), encoding: transport, warnings };
  }

  assertNotBinary(bytes, options.path);

  const strict = tryUtf8(bytes);
  if (strict !== null) return { text: strict, encoding: 'utf-8', warnings };

  const stats = utf8Stats(bytes);
  // Mostly well-formed UTF-8 with a few broken bytes (a truncated copy, a bad paste): keep UTF-8 so
  // the good characters stay right, and say how many bytes were replaced.
  if (stats.validMultibyte > 0 && stats.invalid <= Math.max(2, stats.validMultibyte / 4)) {
    const text = decodeUtf8Lenient(bytes, warnings);
    return { text, encoding: 'utf-8', warnings };
  }

  const declared = normaliseLabel(options.declaredCharset);
  if (declared && declared !== 'utf-8' && iconv.encodingExists(declared)) {
    return { text: iconv.decode(Buffer.from(bytes), declared), encoding: declared, warnings };
  }

  const guess = guessSingleByteEncoding(bytes);
  if (guess.confidence < 30) {
    warnings.push({
      code: 'ENCODING_GUESSED',
      stage: 'ingest',
      message: `The file is not valid UTF-8; read it as ${guess.encoding} (low confidence). If characters look wrong, convert the file to UTF-8.`,
    });
  }
  return { text: iconv.decode(Buffer.from(bytes), guess.encoding), encoding: guess.encoding, warnings };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeUtf8Lenient(bytes: Uint8Array, warnings: Diagnostic[]): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  const replaced = countChar(text, '\uFFFD');
  if (replaced > 0) {
    warnings.push({
      code: 'INVALID_UTF8',
      stage: 'ingest',
      message: `${replaced} invalid UTF-8 byte sequence(s) were replaced by U+FFFD; the file may be truncated or mixed-encoding.`,
    });
  }
  return text;
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

interface Utf8Stats {
  validMultibyte: number;
  invalid: number;
}

function utf8Stats(bytes: Uint8Array): Utf8Stats {
  let validMultibyte = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      validMultibyte++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { validMultibyte, invalid };
}

/** NUL bytes or many control characters mean this is not a text file (an image, a PDF, a zip). */
function assertNotBinary(bytes: Uint8Array, path: string | undefined): void {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) {
      throw new InputError(
        'INPUT_BINARY',
        'The file contains NUL bytes, so it is binary, not text (UTF-16 text needs a byte-order mark). Pass text, Markdown, HTML or JSON articles.',
        { path },
      );
    }
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.05) {
    throw new InputError(
      'INPUT_BINARY',
      `The file has ${control} control bytes in its first ${sample.length}, so it is binary, not text. Pass text, Markdown, HTML or JSON articles.`,
      { path },
    );
  }
}

const LATIN_FAMILY = new Set(['iso-8859-1', 'iso-8859-15', 'windows-1252', 'ascii', 'us-ascii']);

function normaliseLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().toLowerCase();
  if (l === 'utf8' || l === 'utf-8') return 'utf-8';
  // Browsers read Latin-1 labels as Windows-1252, its superset; do the same.
  if (LATIN_FAMILY.has(l) || l === 'latin1' || l === 'latin-1' || l === 'cp1252') return 'windows-1252';
  return l;
}

function guessSingleByteEncoding(bytes: Uint8Array): { encoding: string; confidence: number } {
  const usable = chardet
    .analyse(bytes)
    .map((c) => ({ encoding: normaliseLabel(c.name), confidence: c.confidence }))
    .filter((c): c is { encoding: string; confidence: number } =>
      c.encoding !== null && !c.encoding.startsWith('utf-') && iconv.encodingExists(c.encoding),
    );
  const best = usable[0];
  if (!best) return { encoding: 'windows-1252', confidence: 0 };
  // Statistics over a few hundred bytes often rank a Central European code page a hair above
  // Windows-1252 for French; in news text Western European is by far the likelier of the two.
  const western = usable.find((c) => c.encoding === 'windows-1252');
  if (western && western.confidence >= best.confidence - 15) return western;
  return best;
}
