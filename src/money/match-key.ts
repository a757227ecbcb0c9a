/**
 * The key form of a text for phrase matching: lower case and without diacritics on Latin
 * letters ("États-Unis" → "etats-unis"), one UTF-16 code unit for one, so an offset in the key is
 * the same offset in the text. Wires that print capitals without accents ("Etats-Unis") and
 * writers who drop them ("dolares") match the same phrases.
 */
export function matchKey(text: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x41) continue;
    const folded = foldUnit(code);
    if (folded === code) continue;
    out += text.slice(runStart, i) + String.fromCharCode(folded);
    runStart = i + 1;
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}

const TABLE_SIZE = 0x250;
let table: Uint16Array | undefined;

function foldUnit(code: number): number {
  if (code < TABLE_SIZE) {
    table ??= buildTable();
    return table[code]!;
  }
  // Beyond Latin Extended: lower case where it keeps one code unit (Greek, Cyrillic); Hangul,
  // CJK and symbols have no case.
  if (code >= 0x370 && code < 0x530) {
    const lower = String.fromCharCode(code).toLowerCase();
    return lower.length === 1 ? lower.charCodeAt(0) : code;
  }
  return code;
}

function buildTable(): Uint16Array {
  const t = new Uint16Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) {
    const ch = String.fromCharCode(c);
    let lower = ch.toLowerCase();
    if (lower.length !== 1) lower = ch;
    const base = lower.normalize('NFD');
    // "é" → "e" + U+0301: keep the base letter when it is a single ASCII letter.
    t[c] = base.length > 1 && /^[a-z]$/.test(base[0]!) ? base.charCodeAt(0) : lower.charCodeAt(0);
  }
  return t;
}

/** Letters and digits of any script: what a word boundary separates. */
export function isWordUnit(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return WORD_RE.test(String.fromCharCode(code));
}

const WORD_RE = /[\p{L}\p{N}\p{M}]/u;

export function isHangul(code: number): boolean {
  return (code >= 0xac00 && code <= 0xd7a3) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f);
}

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function isLetter(code: number): boolean {
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
  return LETTER_RE.test(String.fromCharCode(code));
}

const LETTER_RE = /\p{L}/u;
