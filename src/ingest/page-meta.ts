import type { ArticleMeta } from '../document.js';
import { firstKnown, metaText, namesOf, normalisePublished, normaliseUrl } from './article-meta.js';

/** What a page says of its article in its head: JSON-LD, Open Graph, meta and link tags. */
export interface PageMeta {
  meta: ArticleMeta;
  /** The publication date as the most trusted source writes it (kept when it is not ISO 8601). */
  date: string | null;
  /** schema.org `articleBody`: the article's text, when the page gives it. */
  articleBody: string | null;
  /** schema.org `headline`. */
  headline: string | null;
}

interface Element {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

/** The part of a DOM (linkedom's) the reader needs. */
export interface PageQueryable {
  querySelectorAll(selector: string): Iterable<Element>;
}

/** A JSON-LD block larger than this is skipped: no article's metadata comes near. */
const MAX_JSON_LD_CHARS = 2_000_000;
const MAX_JSON_LD_BLOCKS = 20;
/** Objects visited across a page's JSON-LD, so a hostile page costs bounded work. */
const MAX_NODES = 2_000;
const MAX_DEPTH = 8;

/** Types of an article in schema.org, besides every `…Article` (NewsArticle, ReportageNewsArticle…). */
const OTHER_ARTICLE_TYPES = new Set(['BlogPosting', 'LiveBlogPosting', 'Report', 'SocialMediaPosting']);

/** Meta names that carry a publication date, after JSON-LD, in order of trust. */
const DATE_KEYS = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'date',
  'pubdate',
  'publishdate',
  'dcterms.issued',
  'dcterms.date',
  'dcterms.created',
  'dc.date.issued',
  'dc.date',
];

/**
 * Reads the page's metadata, most trusted first: schema.org JSON-LD (an article object, alone,
 * in an array or in an `@graph`), then Open Graph and `article:*` meta tags, then `<meta
 * name="author">`, `<link rel="canonical">` and Dublin Core (`dcterms.*`, `dc.*`). JSON-LD that
 * does not parse is ignored: metadata never fails a page.
 */
export function readPageMeta(document: PageQueryable): PageMeta {
  const article = jsonLdArticle(document);
  const tags = metaTags(document);
  const first = (...keys: string[]) => keys.map((k) => tags.get(k)?.[0]).find((v) => v !== undefined) ?? null;

  const openGraph: ArticleMeta = {
    published: null,
    author: namesOf(tags.get('article:author') ?? []),
    outlet: metaText(first('og:site_name')),
    url: normaliseUrl(first('og:url')),
    section: metaText(first('article:section')),
  };
  const plain: ArticleMeta = {
    published: null,
    author: namesOf(tags.get('author') ?? []) ?? namesOf(tags.get('dcterms.creator') ?? tags.get('dc.creator') ?? []),
    outlet: metaText(first('dcterms.publisher', 'dc.publisher')),
    url: canonical(document) ?? normaliseUrl(first('dcterms.identifier', 'dc.identifier')),
    section: null,
  };

  // The first date that reads as ISO 8601 is the published time; failing that, the first as written.
  const dates = [article?.published, ...DATE_KEYS.map((k) => first(k)), timeElement(document)].filter((d): d is string => typeof d === 'string' && d.trim() !== '');
  let published: string | null = null;
  for (const d of dates) if ((published = normalisePublished(d))) break;

  const meta = firstKnown(article?.meta ?? openGraph, openGraph, plain);
  return {
    meta: { ...meta, published },
    date: published ?? dates[0]?.trim() ?? null,
    articleBody: article?.articleBody ?? null,
    headline: article?.headline ?? null,
  };
}

interface JsonLdArticle {
  meta: ArticleMeta;
  published: string | null;
  articleBody: string | null;
  headline: string | null;
}

type Node = Record<string, unknown>;

function jsonLdArticle(document: PageQueryable): JsonLdArticle | null {
  const nodes: Node[] = [];
  let blocks = 0;
  for (const script of document.querySelectorAll('script')) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    if (++blocks > MAX_JSON_LD_BLOCKS) break;
    const source = script.textContent ?? '';
    if (source.length > MAX_JSON_LD_CHARS) continue;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch {
      continue;
    }
    collectNodes(value, nodes, 0);
  }
  const articles = nodes.filter(isArticle);
  if (articles.length === 0) return null;
  // The page's own article says when it was published or what it says; related ones rarely do.
  const node = articles.find((n) => typeof n.datePublished === 'string' || typeof n.articleBody === 'string') ?? articles[0]!;
  const byId = new Map<string, Node>();
  for (const n of nodes) if (typeof n['@id'] === 'string' && !byId.has(n['@id'])) byId.set(n['@id'], n);
  const resolve = (id: string) => byId.get(id);
  const body = typeof node.articleBody === 'string' && node.articleBody.trim() !== '' ? node.articleBody : null;
  return {
    meta: {
      published: null,
      author: namesOf(node.author, resolve) ?? namesOf(node.creator, resolve),
      outlet: namesOf(firstOf(node.publisher), resolve),
      url: normaliseUrl(node.url) ?? normaliseUrl(pageAddress(node.mainEntityOfPage, resolve)),
      section: sectionOf(node.articleSection),
    },
    published: typeof node.datePublished === 'string' ? node.datePublished : null,
    articleBody: body,
    headline: metaText(node.headline),
  };
}

/** Every object of a JSON-LD value (top level, arrays, `@graph`, nested entities), within bounds. */
function collectNodes(value: unknown, nodes: Node[], depth: number): void {
  if (depth > MAX_DEPTH || nodes.length >= MAX_NODES || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (nodes.length >= MAX_NODES) return;
      collectNodes(item, nodes, depth + 1);
    }
    return;
  }
  const node = value as Node;
  nodes.push(node);
  for (const [key, child] of Object.entries(node)) {
    // Text fields hold no nodes; the body may be long.
    if (key === 'articleBody' || typeof child !== 'object') continue;
    collectNodes(child, nodes, depth + 1);
  }
}

function isArticle(node: Node): boolean {
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  return types.some((t) => {
    if (typeof t !== 'string') return false;
    // "NewsArticle", "schema:NewsArticle" and "https://schema.org/NewsArticle" alike.
    const name = t.slice(Math.max(t.lastIndexOf('/'), t.lastIndexOf(':')) + 1);
    return name.endsWith('Article') || OTHER_ARTICLE_TYPES.has(name);
  });
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** `mainEntityOfPage`: an address, a WebPage with an `@id` or `url`, or a reference to one. */
function pageAddress(value: unknown, resolve: (id: string) => Node | undefined): string | null {
  const page = firstOf(value);
  if (typeof page === 'string') return page;
  if (page === null || typeof page !== 'object') return null;
  const node = page as Node;
  if (typeof node.url === 'string') return node.url;
  if (typeof node['@id'] === 'string') {
    const target = resolve(node['@id']);
    return typeof target?.url === 'string' ? target.url : node['@id'];
  }
  return null;
}

function sectionOf(value: unknown): string | null {
  if (typeof value === 'string') return metaText(value);
  if (!Array.isArray(value)) return null;
  return metaText(value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').slice(0, 10).join(', '));
}

/** `<meta>` contents by lower-cased property, name or itemprop, every value in page order. */
function metaTags(document: PageQueryable): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const el of document.querySelectorAll('meta')) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = el.getAttribute('content')?.trim();
    if (!key || !content) continue;
    const values = tags.get(key);
    if (values) values.push(content);
    else tags.set(key, [content]);
  }
  return tags;
}

function canonical(document: PageQueryable): string | null {
  for (const link of document.querySelectorAll('link')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('canonical')) return normaliseUrl(link.getAttribute('href'));
  }
  return null;
}

function timeElement(document: PageQueryable): string | null {
  for (const time of document.querySelectorAll('time')) {
    const datetime = time.getAttribute('datetime')?.trim();
    if (datetime) return datetime;
  }
  return null;
}
