/**
 * Linear-time reading of HTML too deep for a DOM and Readability (thousands of nested elements
 * make both recurse past the stack): tags are dropped, block tags become line breaks, scripts and
 * styles are skipped, and entities are decoded. Every step moves forward: no regex backtracks.
 */

/** Elements after which a new line starts. */
const BLOCKS = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'tr', 'td', 'th', 'dd', 'dt', 'section', 'article', 'header', 'footer', 'figcaption', 'table', 'ul', 'ol']);
/** Elements whose content is not text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg']);
/** Elements that never take content, so never deepen the tree. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** How deep the page's elements nest, read in one pass over the tags. */
export function htmlDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    const closing = html[i + 1] === '/';
    const name = tagName(html, closing ? i + 2 : i + 1);
    if (!name) continue;
    const end = html.indexOf('>', i);
    if (end === -1) break;
    if (closing) depth = Math.max(0, depth - 1);
    else if (!VOID.has(name) && html[end - 1] !== '/') {
      depth++;
      if (depth > max) max = depth;
    }
    i = end;
  }
  return max;
}

/** The page's title and its text, one block per line. */
export function flattenHtml(html: string): { title: string | null; text: string } {
  const lower = html.toLowerCase();
  const parts: string[] = [];
  let title: string | null = null;
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open === -1) {
      parts.push(html.slice(i));
      break;
    }
    parts.push(html.slice(i, open));
    const closing = html[open + 1] === '/';
    const name = tagName(html, closing ? open + 2 : open + 1);
    const end = html.indexOf('>', open);
    if (end === -1) break;
    i = end + 1;
    if (!name) continue;
    if (!closing && name === 'title') {
      // The title is kept apart from the body's text.
      const close = lower.indexOf('</title', i);
      if (title === null) title = decodeEntities(html.slice(i, close === -1 ? html.length : close)).trim() || null;
      if (close === -1) break;
      i = lower.indexOf('>', close) + 1 || html.length;
      continue;
    }
    if (!closing && SKIPPED.has(name)) {
      const close = lower.indexOf(`</${name}`, i);
      if (close === -1) break;
      i = lower.indexOf('>', close) + 1 || html.length;
      continue;
    }
    if (BLOCKS.has(name)) parts.push('\n');
  }
  const text = decodeEntities(parts.join(''))
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return { title, text };
}

function tagName(html: string, at: number): string | null {
  let end = at;
  while (end < html.length && end - at < 16 && /[A-Za-z0-9]/.test(html[end]!)) end++;
  return end > at && /[A-Za-z]/.test(html[at]!) ? html.slice(at, end).toLowerCase() : null;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', laquo: '«', raquo: '»', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', ndash: '–', mdash: '—', hellip: '…', euro: '€', eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,8});/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}
