import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { type ArticleMeta, type Diagnostic, EMPTY_META } from '../document.js';
import { InputError } from '../errors.js';
import { normalisePublished } from './article-meta.js';
import { flattenHtml, htmlDepth } from './flatten-html.js';
import { type PageQueryable, readPageMeta } from './page-meta.js';

export interface ExtractedHtml {
  title: string | null;
  /** Publication date as the page gives it (JSON-LD datePublished, article:published_time…), or null. */
  date: string | null;
  /** Author, outlet, address, section and publication time the page declares. */
  meta: ArticleMeta;
  /** Article body, one paragraph per line. */
  text: string;
  /** How the page had to be read, when not by reader mode. */
  warnings?: Diagnostic[];
}

/** Finds the charset an HTML page declares, so its bytes can be decoded before parsing. */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return meta?.[1] ?? null;
}

const BLOCK_SELECTOR = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, dd, dt';
const MIN_BODY_CHARS = 80;
/** Real pages nest a few dozen elements deep; past this, reader mode is not attempted. */
const MAX_HTML_DEPTH = 400;

/**
 * Extracts the article the way browsers' reader modes do (Mozilla Readability), then turns its
 * blocks into one paragraph per line, so sentence splitting never runs across a heading.
 */
export function extractHtml(html: string, path?: string): ExtractedHtml {
  // Deeper than any real page: a DOM and Readability would recurse past the stack (or take
  // minutes), so the text is read in one linear pass instead.
  if (htmlDepth(html) > MAX_HTML_DEPTH) {
    const flat = flattenHtml(html);
    return {
      title: flat.title,
      date: null,
      meta: { ...EMPTY_META },
      text: flat.text,
      warnings: [
        {
          code: 'HTML_TOO_DEEP',
          stage: 'ingest',
          message: `The HTML page nests its elements more than ${MAX_HTML_DEPTH} deep, so it was read as plain text without reader mode: page chrome may remain in the text. Save the article page itself, or pass its text.`,
        },
      ],
    };
  }
  const { document } = parseHTML(html);
  const pageTitle = document.querySelector('title')?.textContent?.trim() || null;
  // Read before Readability, which rewrites the DOM.
  const page = readPageMeta(document as unknown as PageQueryable);
  // Readability mutates the DOM it is given and needs a documentElement; linkedom provides both.
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
  const readerText = article?.content ? blocksToText(article.content) : '';
  const bodyText = page.articleBody ? articleBodyText(page.articleBody) : '';
  const warnings: Diagnostic[] = [];
  let text = readerText;
  // Pages that draw their text with scripts, or show a teaser above a paywall, still give the
  // whole article to search engines as schema.org `articleBody`.
  if (visibleChars(bodyText) >= MIN_BODY_CHARS && visibleChars(readerText) < visibleChars(bodyText) / 2) {
    text = bodyText;
    warnings.push({
      code: 'ARTICLE_BODY_FROM_METADATA',
      stage: 'ingest',
      message: readerText
        ? "The page's visible text is much shorter than the article its schema.org metadata gives (JSON-LD articleBody), so that article was read instead."
        : "The page shows no article text, but its schema.org metadata gives the article (JSON-LD articleBody), so that was read instead.",
    });
  } else if (!article?.content) {
    throw new InputError(
      'NO_ARTICLE_BODY',
      'No article body was found in this HTML page (it looks like an index, a form or an empty page). Save the article page itself, or pass its text.',
      { path },
    );
  } else if (visibleChars(text) < MIN_BODY_CHARS) {
    throw new InputError(
      'NO_ARTICLE_BODY',
      `The HTML page's main content has fewer than ${MIN_BODY_CHARS} characters of text, so there is no article to read. Save the article page itself, or pass its text.`,
      { path },
    );
  }
  const title = article?.title?.trim() || page.headline || pageTitle;
  // Readability reads a date from JSON-LD and meta tags too; it is the fallback of the page's own.
  const readerDate = article?.publishedTime?.trim() || null;
  const published = page.meta.published ?? normalisePublished(readerDate);
  return {
    title: title || null,
    date: published ?? page.date ?? readerDate,
    meta: { ...page.meta, published },
    text,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

function visibleChars(text: string): number {
  return text.replace(/\s+/g, '').length;
}

/** schema.org `articleBody`: plain text with line breaks between paragraphs, or HTML some sites put there. */
function articleBodyText(body: string): string {
  if (/<(p|br|div|h[1-6])[\s>/]/i.test(body)) return flattenHtml(body).text;
  return body
    .split(/\r?\n/)
    .map(collapse)
    .filter(Boolean)
    .join('\n');
}

function blocksToText(content: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${content}</body></html>`);
  const lines: string[] = [];
  for (const el of document.querySelectorAll(BLOCK_SELECTOR)) {
    // A block that contains other blocks is read through its children, never twice.
    if (el.querySelector(BLOCK_SELECTOR)) continue;
    const line = collapse(el.textContent ?? '');
    if (line) lines.push(line);
  }
  if (lines.length === 0) {
    const whole = collapse(document.body?.textContent ?? '');
    if (whole) lines.push(whole);
  }
  return lines.join('\n');
}

function collapse(s: string): string {
  return s.replace(/[ \t\r\n\f]+/g, ' ').trim();
}
