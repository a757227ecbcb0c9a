import removeMarkdown from 'remove-markdown';

export interface ParsedMarkdown {
  title: string | null;
  text: string;
}

/** Markdown to plain paragraphs: the first level-1 heading, if it opens the file, is the title. */
export function parseMarkdown(source: string): ParsedMarkdown {
  const heading = /^\s*#\s+(.+?)\s*#*\s*$/m.exec(source.split('\n').find((l) => l.trim() !== '') ?? '');
  const text = removeMarkdown(source, { gfm: true, useImgAltText: false, stripListLeaders: true });
  return { title: heading?.[1]?.trim() ?? null, text };
}
