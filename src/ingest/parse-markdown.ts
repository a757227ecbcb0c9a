import removeMarkdown from 'remove-markdown';

export interface ParsedMarkdown {
  title: string | null;
  /** `date:` of a front-matter block, or null. */
  date: string | null;
  text: string;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Markdown to plain paragraphs. A front-matter block (`---` … `---`) gives `title:` and `date:`;
 * otherwise the first level-1 heading, if it opens the file, is the title.
 */
export function parseMarkdown(source: string): ParsedMarkdown {
  const front = FRONT_MATTER.exec(source);
  const field = (name: string) => (front ? (new RegExp(`^${name}:[ \t]*["']?(.*?)["']?[ \t]*$`, 'm').exec(front[1]!)?.[1] ?? null) : null);
  const body = front ? source.slice(front[0].length) : source;
  const heading = /^\s*#\s+(.+?)\s*#*\s*$/m.exec(body.split('\n').find((l) => l.trim() !== '') ?? '');
  const text = removeMarkdown(body, { gfm: true, useImgAltText: false, stripListLeaders: true });
  return { title: field('title') || heading?.[1]?.trim() || null, date: field('date') || null, text };
}
