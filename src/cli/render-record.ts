import type { PrecisRecord } from '../document.js';
import { languageName } from '../language/detect-language.js';

/**
 * Warnings about the run rather than the article (a model missing): in one stream of briefs they
 * are shown with the first article they concern, not repeated under every other one. `shown`
 * collects them across the records of one stream.
 */
const RUN_LEVEL = new Set(['MODEL_MISSING']);

function notesOf(record: PrecisRecord, shown?: Set<string>): PrecisRecord['warnings'] {
  return record.warnings.filter((w) => {
    if (w.code === 'BOILERPLATE_REMOVED') return false;
    if (!shown || !RUN_LEVEL.has(w.code)) return true;
    if (shown.has(w.message)) return false;
    shown.add(w.message);
    return true;
  });
}

/** A record as a Markdown brief, for reading in a terminal or pasting into notes. */
export function recordToMarkdown(record: PrecisRecord, shown?: Set<string>): string {
  const lines: string[] = [];
  lines.push(`## ${record.title ?? record.id}`, '');
  lines.push(`_${describe(record)}_`, '');
  const about = metaLine(record);
  if (about) lines.push(about, '');
  if (record.error) {
    lines.push(`**Failed** (${record.error.code}): ${record.error.message}`, '');
    return lines.join('\n');
  }
  if (record.keySentences.length > 0) {
    lines.push('**Key sentences**', '');
    record.keySentences.forEach((s, i) => lines.push(`${i + 1}. ${s.text}`));
    lines.push('');
  }
  const figures = figureLines(record);
  if (figures.length > 0) {
    lines.push('**Figures**', '');
    for (const f of figures) lines.push(`- ${f}`);
    lines.push('');
  }
  for (const [type, label] of [['PERSON', 'People'], ['ORG', 'Organisations'], ['LOC', 'Places']] as const) {
    const names = record.entities.filter((e) => e.type === type).map((e) => e.text);
    if (names.length > 0) lines.push(`**${label}:** ${names.join(', ')}`, '');
  }
  const notes = notesOf(record, shown);
  if (notes.length > 0) {
    lines.push('**Warnings**', '');
    for (const w of notes) lines.push(`- ${w.code}: ${w.message}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** A record as plain text: a header line and the key sentences. */
export function recordToText(record: PrecisRecord, shown?: Set<string>): string {
  const lines = [`${record.title ?? record.id} — ${describe(record)}`];
  const about = metaLine(record);
  if (about) lines.push(`  ${about}`);
  if (record.error) lines.push(`  FAILED ${record.error.code}: ${record.error.message}`);
  for (const s of record.keySentences) lines.push(`  * ${s.text}`);
  for (const f of figureLines(record)) lines.push(`  $ ${f}`);
  for (const w of notesOf(record, shown)) lines.push(`  ! ${w.code}: ${w.message}`);
  return lines.join('\n') + '\n';
}

/** Pairs first ("₩728 trillion (US$506 billion), 1,438.7 KRW/USD"), then unpaired amounts. */
function figureLines(record: PrecisRecord): string[] {
  const paired = new Set(record.pairs.flatMap((p) => [p.a, p.b]));
  const lines = record.pairs.map((p) => {
    const flag = p.consistent ? '' : ` — inconsistent, ${p.deviation > 0 ? '+' : ''}${p.deviation} % from the article's other pairs`;
    return `${p.english}: ${p.rate} ${p.quote}/${p.base}${flag}`;
  });
  record.amounts.forEach((a, i) => {
    if (paired.has(i)) return;
    lines.push(a.estimated ? `${a.english} (≈ ${a.estimated.english.replace(/^about /, '')} at ${a.estimated.rate})` : a.english);
  });
  return lines;
}

/** "Published 2025-03-14 · Author Jeanne Martin · Outlet Le Quotidien", with the fields known. */
function metaLine(record: PrecisRecord): string {
  // Records stored before the field existed (--resume) have no meta.
  const meta = record.meta as PrecisRecord['meta'] | undefined;
  if (!meta) return '';
  const parts: string[] = [];
  if (meta.published) parts.push(`Published ${meta.published}`);
  if (meta.author) parts.push(`Author ${meta.author}`);
  if (meta.outlet) parts.push(`Outlet ${meta.outlet}`);
  return parts.join(' · ');
}

function describe(record: PrecisRecord): string {
  const parts = [record.source.path ?? record.id];
  if (record.language) {
    const l = record.language;
    const code = l.code === 'und' ? `und${l.guess ? `, guess ${l.guess}` : ''}` : l.code;
    parts.push(`${l.code === 'und' ? 'language undetermined' : languageName(l.code)} (${code}, confidence ${l.confidence.toFixed(2)})`);
  }
  if (!record.error) parts.push(`${record.sentences} sentences`);
  return parts.join(' · ');
}
