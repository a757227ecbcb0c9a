import type { AmountRow, Brief, Overview, PairRow, RateRow, ReportData, TopEntity } from './aggregate.js';
import { PAGE_CSS, PAGE_SCRIPT } from './page-assets.js';

/** Marks a page as a precis report: `precis report` overwrites such a file without --force. */
export const REPORT_GENERATOR = 'precis report';

/** Most entities the page lists (entities.csv has them all). */
const TOP_ENTITIES = 50;
/** Most pairs one chart shows: a taller canvas is past what browsers draw. The table lists all. */
const PAIRS_PER_CHART = 150;

export interface RenderOptions {
  /** What the report is of, shown under the heading (the run folder). */
  subject: string;
  /** Chart.js's UMD build, inlined. */
  chartJs: string;
}

/** The whole report as one HTML page: tables server-side, charts drawn by the inlined Chart.js. */
export function renderHtml(data: ReportData, options: RenderOptions): string {
  if (/<\/script|<!--/i.test(options.chartJs)) {
    // Either would end or confuse the inline <script> element; Chart.js's build has neither.
    throw new Error('The chart library holds "</script" or "<!--" and cannot be inlined.');
  }
  const anchors = articleAnchors(data.briefs);
  const o = data.overview;
  const title = `precis report: ${o.articles} article${o.articles === 1 ? '' : 's'}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${REPORT_GENERATOR}">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<header class="page">
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(options.subject)}</p>
<nav class="sections"><a href="#overview">Overview</a><a href="#pairs">Currency pairs</a><a href="#amounts">Amounts</a><a href="#rates">Exchange rates</a><a href="#entities">Entities</a><a href="#articles">Articles</a></nav>
</header>
<main>
${renderOverview(o)}
${renderPairs(data.pairs, anchors)}
${renderAmounts(data.amounts, anchors)}
${renderRates(data.rates, anchors)}
${renderEntities(data.topEntities, data.entities.length, anchors)}
${renderBriefs(data.briefs)}
</main>
<footer>Made by precis report. Every figure is as the records hold it; read the article for what it means.</footer>
<script type="application/json" id="precis-report-data">${jsonForScript(chartData(data))}</script>
<script>${options.chartJs}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  let out = '';
  for (const ch of text) {
    switch (ch) {
      case '&':
        out += '&amp;';
        break;
      case '<':
        out += '&lt;';
        break;
      case '>':
        out += '&gt;';
        break;
      case '"':
        out += '&quot;';
        break;
      case "'":
        out += '&#39;';
        break;
      default:
        out += ch;
    }
  }
  return out;
}

/** JSON inside a <script> element: `<`, `>` and `&` as \u escapes, so no text can end the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Anchor of each article's brief: by position, as ids may hold any character. */
function articleAnchors(briefs: readonly Brief[]): Map<string, string> {
  const anchors = new Map<string, string>();
  briefs.forEach((b, i) => {
    if (!anchors.has(b.id)) anchors.set(b.id, `article-${i + 1}`);
  });
  return anchors;
}

function articleLink(id: string, anchors: Map<string, string>): string {
  const anchor = anchors.get(id);
  return anchor ? `<a href="#${anchor}">${escapeHtml(id)}</a>` : escapeHtml(id);
}

/** "728000000000000.5" → "728,000,000,000,000.5": from the exact decimal, never a float. */
export function groupDigits(exact: string): string {
  const negative = exact.startsWith('-');
  const [int = '', frac] = (negative ? exact.slice(1) : exact).split('.');
  let grouped = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) grouped += ',';
    grouped += int[i];
  }
  return `${negative ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

function num(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : String(value);
}

/** A table the page's script sorts by a click on a column heading; `rows` are its rendered rows. */
function sortableTable(id: string, columns: ReadonlyArray<readonly [label: string, type: 'text' | 'number']>, rows: string): string {
  const head = columns.map(([label, type]) => `<th scope="col" data-type="${type}"${type === 'number' ? ' class="num"' : ''}><button type="button">${escapeHtml(label)}</button></th>`).join('');
  return `<table class="sortable" id="${id}"><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table>`;
}

/** A captioned table of the overview; without `head`, the first column heads each row. */
function smallTable(caption: string, head: readonly string[] | null, rows: ReadonlyArray<readonly string[]>, empty: string, wide = false): string {
  const open = `<div${wide ? ' class="wide"' : ''}><h3>${escapeHtml(caption)}</h3>`;
  if (rows.length === 0) return `${open}<p class="note">${escapeHtml(empty)}</p></div>`;
  if (!head) {
    return `${open}<table><tbody>${rows.map((r) => `<tr><th scope="row">${escapeHtml(r[0] ?? '')}</th>${r.slice(1).map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`;
  }
  return `${open}<table><thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table></div>`;
}

function renderOverview(o: Overview): string {
  const figure = (label: string, value: string | number) => `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(String(value))}</dd></div>`;
  const run = o.run;
  const runRows: Array<[string, string]> = [];
  if (run) {
    if (run.command) runRows.push(['command', `precis ${run.command}${run.paths ? ` ${run.paths.join(' ')}` : ''}`]);
    if (run.startedAt) runRows.push(['started', run.startedAt]);
    if (run.finishedAt) runRows.push(['finished', run.finishedAt]);
    if (typeof run.seconds === 'number') runRows.push(['seconds', String(run.seconds)]);
    if (typeof run.articlesPerSecond === 'number') runRows.push(['articles per second', String(run.articlesPerSecond)]);
    if (run.counts) runRows.push(['counts', Object.entries(run.counts).map(([k, v]) => `${k} ${v}`).join(', ')]);
    if (run.generation?.calls) runRows.push(['model calls', `${run.generation.calls} (${run.generation.sentences ?? '?'} sentences, mean batch ${run.generation.meanBatch ?? '?'})`]);
    if (run.interrupted) runRows.push(['interrupted', 'yes: some articles were not processed']);
  }
  return `<section id="overview">
<h2>Overview</h2>
<dl class="figures">${figure('Articles', o.articles)}${figure('OK', o.ok)}${figure('Failed', o.failed)}${figure('Amounts', o.amounts)}${figure('Currency pairs', o.pairs)}${figure('Inconsistent pairs', o.inconsistentPairs)}${figure('Rate quotes', o.rates)}</dl>
<div class="columns">
${smallTable('Languages', ['language', 'articles'], o.languages.map((l) => [l.code, String(l.articles)]), 'No article.')}
${smallTable('Failures by code', ['code', 'articles'], o.failuresByCode.map((f) => [f.code, String(f.articles)]), 'No article failed.')}
${smallTable('Models used in summaries', ['model', 'revision', 'articles'], o.models.map((m) => [m.id, m.revision.slice(0, 12), String(m.articles)]), 'No summary used a model.')}
${smallTable('Pipeline versions', ['version', 'articles'], o.pipelineVersions.map((v) => [v.version, String(v.articles)]), 'None.')}
${smallTable('Run (run.json)', null, runRows, 'No run.json: the records were written by queue workers, or the summary was removed.', true)}
${
  o.currencies.length > 0
    ? `<div class="wide"><h3>Amounts by currency</h3><figure class="chart"><div class="canvas" style="height:200px"><canvas id="chart-currencies" role="img" aria-label="Amounts by currency: ${escapeHtml(o.currencies.map((c) => `${c.currency} ${c.amounts}`).join(', '))}"></canvas></div></figure></div>`
    : ''
}
</div>
</section>`;
}

/** Pairs grouped by currency pair (rates of different pairs do not share a scale). */
function pairGroups(pairs: readonly PairRow[]): Array<{ base: string; quote: string; pairs: PairRow[] }> {
  const groups = new Map<string, { base: string; quote: string; pairs: PairRow[] }>();
  for (const p of pairs) {
    const key = `${p.base}/${p.quote}`;
    const group = groups.get(key) ?? { base: p.base, quote: p.quote, pairs: [] };
    group.pairs.push(p);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.pairs.length - a.pairs.length || `${a.base}/${a.quote}`.localeCompare(`${b.base}/${b.quote}`));
}

function pairLabel(p: PairRow): string {
  return `${p.article}: ${p.english}${p.consistent ? '' : '  [INCONSISTENT]'}`;
}

function renderPairs(pairs: readonly PairRow[], anchors: Map<string, string>): string {
  if (pairs.length === 0) return `<section id="pairs"><h2>Currency pairs</h2><p class="note">No article printed two amounts as equivalents.</p></section>`;
  const charts = pairGroups(pairs)
    .map((group, g) => {
      const shown = Math.min(group.pairs.length, PAIRS_PER_CHART);
      const height = 90 + shown * 26;
      const bad = group.pairs.filter((p) => !p.consistent).length;
      const more = group.pairs.length > shown ? `The chart shows the first ${shown} of ${group.pairs.length}; the table lists them all.` : '';
      return `<figure class="chart"><h3>${escapeHtml(`${group.base}/${group.quote}`)}: ${group.pairs.length} pair${group.pairs.length === 1 ? '' : 's'}${bad > 0 ? `, <span class="bad">⚠ ${bad} inconsistent</span>` : ''}</h3><div class="canvas" style="height:${height}px"><canvas id="chart-pairs-${g}" role="img" aria-label="${escapeHtml(
        `Implied ${group.quote} per ${group.base} of each pair, against the article consensus and the reference rate`,
      )}"></canvas></div>${more ? `<figcaption>${more}</figcaption>` : ''}</figure>`;
    })
    .join('\n');
  const rows = pairs
    .map((p) => {
      const state = p.consistent ? '<span class="good">✓ consistent</span>' : '<span class="bad">⚠ INCONSISTENT</span>';
      return `<tr${p.consistent ? '' : ' class="inconsistent"'}><td>${articleLink(p.article, anchors)}</td><td>${escapeHtml(p.english)}</td><td>${escapeHtml(`${p.base}/${p.quote}`)}</td><td class="num" data-sort="${num(p.rate)}">${num(p.rate)}</td><td class="num" data-sort="${num(p.consensus)}">${num(p.consensus)}</td><td class="num" data-sort="${num(p.deviation)}">${num(p.deviation)} %</td><td>${state}</td><td class="num" data-sort="${num(p.referenceRate)}">${num(p.referenceRate)}</td><td>${escapeHtml(p.referenceDate ?? '')}</td><td class="num" data-sort="${num(p.referenceDeviation)}">${p.referenceDeviation === null ? '' : `${num(p.referenceDeviation)} %`}</td></tr>`;
    })
    .join('\n');
  return `<section id="pairs">
<h2>Currency pairs</h2>
<p class="note">Two amounts printed as equivalents ("₩728 trillion (US$506 billion)") and the exchange rate they imply. A pair is inconsistent when its rate is further from the article's consensus than the tolerance of the run (--pair-tolerance): a figure or a scale word may be misprinted or misread.</p>
<p class="note">The charts show, for each currency pair, each pair's implied rate (blue circle; a red triangle and the label [INCONSISTENT] when it is inconsistent), the article consensus (black bar) and the reference rate of the article's date (green diamond) when the run was given a reference table.</p>
${charts}
${sortableTable('pairs-table', [
    ['article', 'text'],
    ['pair', 'text'],
    ['currencies', 'text'],
    ['implied rate', 'number'],
    ['consensus', 'number'],
    ['deviation', 'number'],
    ['state', 'text'],
    ['reference', 'number'],
    ['reference date', 'text'],
    ['from reference', 'number'],
  ], rows)}
</section>`;
}

/** The sentence with the amount's text marked where it first occurs. */
function sentenceWith(sentence: string, text: string): string {
  const at = text ? sentence.indexOf(text) : -1;
  if (at < 0) return escapeHtml(sentence);
  return `${escapeHtml(sentence.slice(0, at))}<mark>${escapeHtml(text)}</mark>${escapeHtml(sentence.slice(at + text.length))}`;
}

function amountFlags(a: AmountRow): string {
  const flags: string[] = [];
  if (a.approx) flags.push(a.bound ? `approx (${a.bound})` : 'approx');
  if (a.ambiguous) flags.push('ambiguous currency');
  if (a.estimated) flags.push(`estimated ≈ ${a.estimated}`);
  return flags.map((f) => `<span class="flag">${escapeHtml(f)}</span>`).join('');
}

function renderAmounts(amounts: readonly AmountRow[], anchors: Map<string, string>): string {
  if (amounts.length === 0) return `<section id="amounts"><h2>Amounts</h2><p class="note">No amount of money was found.</p></section>`;
  const rows = amounts
    .map(
      (a) =>
        `<tr><td>${articleLink(a.article, anchors)}</td><td>${escapeHtml(a.text)}</td><td>${escapeHtml(a.english)}</td><td>${escapeHtml(a.currency)}</td><td class="num" data-sort="${num(a.value)}">${escapeHtml(groupDigits(a.exact))}</td><td>${amountFlags(a)}</td><td class="sentence">${sentenceWith(a.sentence, a.text)}</td></tr>`,
    )
    .join('\n');
  return `<section id="amounts">
<h2>Amounts</h2>
<p class="note">Every amount of money, as printed and in English, with the sentence it was read in. Click a column heading to sort.</p>
${sortableTable('amounts-table', [
    ['article', 'text'],
    ['as printed', 'text'],
    ['English', 'text'],
    ['currency', 'text'],
    ['value', 'number'],
    ['flags', 'text'],
    ['sentence', 'text'],
  ], rows)}
</section>`;
}

function renderRates(rates: readonly RateRow[], anchors: Map<string, string>): string {
  if (rates.length === 0) return `<section id="rates"><h2>Exchange-rate quotes</h2><p class="note">No article quoted an exchange rate.</p></section>`;
  const rows = rates
    .map(
      (r) =>
        `<tr><td>${articleLink(r.article, anchors)}</td><td>${escapeHtml(r.text)}</td><td>${escapeHtml(r.english)}</td><td>${escapeHtml(`${r.base}/${r.quote}`)}</td><td class="num" data-sort="${num(r.value)}">${num(r.value)}</td><td>${r.earlier ? '<span class="flag">earlier date</span>' : ''}</td><td class="sentence">${sentenceWith(r.sentence, r.text)}</td></tr>`,
    )
    .join('\n');
  return `<section id="rates">
<h2>Exchange-rate quotes</h2>
<p class="note">Rates the articles quote ("one dollar was worth 1,431.3 won"), in market convention: units of the second currency for one of the first. A quote dated in the past is not used to judge pairs.</p>
${sortableTable('rates-table', [
    ['article', 'text'],
    ['as printed', 'text'],
    ['English', 'text'],
    ['currencies', 'text'],
    ['rate', 'number'],
    ['flags', 'text'],
    ['sentence', 'text'],
  ], rows)}
</section>`;
}

function renderEntities(top: readonly TopEntity[], total: number, anchors: Map<string, string>): string {
  if (top.length === 0) return `<section id="entities"><h2>Top entities</h2><p class="note">No entity was found.</p></section>`;
  const shown = top.slice(0, TOP_ENTITIES);
  const rows = shown
    .map(
      (e) =>
        `<tr><td>${escapeHtml(e.text)}</td><td>${escapeHtml(e.type)}</td><td class="num" data-sort="${e.articles.length}">${e.articles.length}</td><td class="num" data-sort="${e.mentions}">${e.mentions}</td><td>${e.articles.map((a) => articleLink(a, anchors)).join(', ')}</td></tr>`,
    )
    .join('\n');
  return `<section id="entities">
<h2>Top entities</h2>
<p class="note">People, organisations and places by the number of articles they appear in, then by mentions${top.length > shown.length ? `; the first ${shown.length} of ${top.length} (entities.csv lists all ${total} article entities)` : ''}.</p>
${sortableTable('entities-table', [
    ['entity', 'text'],
    ['type', 'text'],
    ['articles', 'number'],
    ['mentions', 'number'],
    ['in', 'text'],
  ], rows)}
</section>`;
}

function renderBriefs(briefs: readonly Brief[]): string {
  const items = briefs
    .map((b, i) => {
      const meta = [b.id, b.file !== `${b.id}.json` ? `file ${b.file}` : '', b.language ? `language ${b.language}` : '', b.date ?? '', b.strategy ? `summary: ${b.strategy}` : '']
        .filter(Boolean)
        .map(escapeHtml)
        .join(' · ');
      const body = b.error
        ? `<p class="error"><strong>${escapeHtml(b.error.code)}</strong>: ${escapeHtml(b.error.message)}</p>`
        : b.summary
          ? `<p class="summary">${escapeHtml(b.summary)}</p>`
          : b.keySentences.length > 0
            ? `<ol class="key-sentences">${b.keySentences.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>`
            : '<p class="note">No summary and no key sentences.</p>';
      return `<article class="brief" id="article-${i + 1}"><h3>${escapeHtml(b.title ?? b.id)}</h3><p class="meta">${meta}</p>${body}${renderWarnings(b.warnings)}</article>`;
    })
    .join('\n');
  return `<section id="articles">
<h2>Articles</h2>
${items}
</section>`;
}

/** Warnings by code with counts, the messages folded away: one model can raise dozens. */
function renderWarnings(warnings: Brief['warnings']): string {
  if (warnings.length === 0) return '';
  const counts = new Map<string, number>();
  for (const w of warnings) counts.set(w.code, (counts.get(w.code) ?? 0) + 1);
  const tally = [...counts].map(([code, n]) => (n > 1 ? `${code} ×${n}` : code)).join(', ');
  return `<details class="warnings"><summary>Warnings: ${escapeHtml(tally)}</summary><ul class="warnings">${warnings
    .map((w) => `<li><strong>${escapeHtml(w.code)}</strong>: ${escapeHtml(w.message)}</li>`)
    .join('')}</ul></details>`;
}

/** What the page script draws: amounts by currency and, per currency pair, its pairs' rates. */
function chartData(data: ReportData) {
  return {
    currencies: data.overview.currencies,
    pairGroups: pairGroups(data.pairs).map((group) => {
      const shown = group.pairs.slice(0, PAIRS_PER_CHART);
      return {
        base: group.base,
        quote: group.quote,
        labels: shown.map(pairLabel),
        inconsistent: shown.map((p) => !p.consistent),
        rate: shown.map((p) => (p.consistent ? p.rate : null)),
        inconsistentRate: shown.map((p) => (p.consistent ? null : p.rate)),
        consensus: shown.map((p) => p.consensus),
        reference: shown.map((p) => p.referenceRate),
      };
    }),
  };
}
