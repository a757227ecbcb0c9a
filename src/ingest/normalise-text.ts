/**
 * Unicode and layout clean-up applied before any offset is taken. Every later offset points into
 * the string this returns, so it may change lengths freely.
 */
export function normaliseText(raw: string): string {
  const text = raw
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    // Zero-width characters and soft hyphens are invisible in print and break word matching.
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\t\v\f]/g, ' ')
    // Remaining C0/C1 controls carry no text.
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g, '');
  const blocks = text.split(/\n[ \u00A0]*\n+/);
  const paragraphs: string[] = [];
  for (const block of blocks) {
    const lines = block
      .split('\n')
      .map((l) => l.replace(/ {2,}/g, ' ').trim())
      .filter((l) => l !== '');
    if (lines.length === 0) continue;
    if (isHardWrapped(lines)) paragraphs.push(unwrap(lines));
    else paragraphs.push(...lines);
  }
  return paragraphs.join('\n');
}

const TERMINAL = /[.!?…:»"”)\]]$/;

/**
 * A block of three or more lines of about the same width, most of which stop mid-sentence, is one
 * paragraph wrapped at a fixed width (e-mail, plain-text wires). Anything else is one paragraph
 * per line: a headline above its first paragraph must stay a line of its own.
 */
function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 3) return false;
  const body = lines.slice(0, -1);
  const open = body.filter((l) => !TERMINAL.test(l)).length;
  const widths = body.map((l) => l.length);
  const widest = Math.max(...widths);
  const narrowest = Math.min(...widths);
  return open / body.length >= 0.5 && widest <= 120 && narrowest >= widest * 0.6;
}

function unwrap(lines: string[]): string {
  let out = lines[0] ?? '';
  for (const line of lines.slice(1)) {
    // A word hyphenated across the line break ("infra-\nstructure") is joined without the hyphen
    // only when the next part starts in lower case; "Gyu-\nback" style names keep it.
    if (/[a-zà-ÿ]-$/.test(out) && /^[a-zà-ÿ]/.test(line)) out = out.slice(0, -1) + line;
    else out += ' ' + line;
  }
  return out;
}

const FOLD: Record<string, string> = {
  '\u00A0': ' ',
  '\u202F': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2004': ' ',
  '\u2005': ' ',
  '\u2006': ' ',
  '\u2008': ' ',
  '\u200A': ' ',
  '\u2019': "'",
  '\u2018': "'",
  '\u02BC': "'",
  '\u2010': '-',
  '\u2011': '-',
};
const FOLD_RE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');

/**
 * Same-length copy of `text` for matching: no-break and thin spaces become spaces, typographic
 * apostrophes and hyphens become ASCII. One code unit maps to one, so offsets stay valid.
 */
export function foldForMatching(text: string): string {
  return text.replace(FOLD_RE, (c) => FOLD[c] ?? c);
}

/** Spans of the paragraphs (lines) of a normalised text. */
export function paragraphSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end > start) spans.push({ start, end });
    start = end + 1;
  }
  return spans;
}
