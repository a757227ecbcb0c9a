import type { CollectedRecord, RunSummary } from './collect-records.js';

/** One amount of one article: a row of the amounts table and of amounts.csv. */
export interface AmountRow {
  article: string;
  text: string;
  english: string;
  currency: string;
  value: number;
  exact: string;
  approx: boolean;
  ambiguous: boolean;
  bound: 'over' | 'under' | null;
  /** English of the value in the other currency of the article's consensus rate, when estimated. */
  estimated: string | null;
  sentence: string;
}

/** One currency pair of one article. */
export interface PairRow {
  article: string;
  english: string;
  base: string;
  quote: string;
  rate: number;
  consensus: number;
  deviation: number;
  consistent: boolean;
  referenceRate: number | null;
  referenceDate: string | null;
  referenceDeviation: number | null;
}

/** One exchange-rate quote of one article. */
export interface RateRow {
  article: string;
  text: string;
  english: string;
  base: string;
  quote: string;
  value: number;
  earlier: boolean;
  sentence: string;
}

/** An entity in one article: a row of entities.csv. */
export interface EntityRow {
  article: string;
  text: string;
  type: string;
  mentions: number;
}

/** An entity across the run. */
export interface TopEntity {
  text: string;
  type: string;
  articles: string[];
  mentions: number;
}

export interface Brief {
  id: string;
  file: string;
  title: string | null;
  date: string | null;
  language: string | null;
  /** The English summary, or null when the record has none (extract, failure). */
  summary: string | null;
  strategy: string | null;
  keySentences: string[];
  warnings: Array<{ code: string; message: string }>;
  error: { code: string; message: string } | null;
}

export interface Overview {
  articles: number;
  ok: number;
  failed: number;
  /** Article counts, most first. */
  languages: Array<{ code: string; articles: number }>;
  failuresByCode: Array<{ code: string; articles: number }>;
  models: Array<{ id: string; revision: string; articles: number }>;
  pipelineVersions: Array<{ version: string; articles: number }>;
  amounts: number;
  pairs: number;
  inconsistentPairs: number;
  rates: number;
  /** Amount counts by currency, most first: the overview chart. */
  currencies: Array<{ currency: string; amounts: number }>;
  run: RunSummary | null;
}

export interface ReportData {
  overview: Overview;
  amounts: AmountRow[];
  pairs: PairRow[];
  rates: RateRow[];
  entities: EntityRow[];
  topEntities: TopEntity[];
  briefs: Brief[];
}

/** How the run's records are looked at: pure, so the page and the CSV files agree. */
export function aggregate(collected: readonly CollectedRecord[], run: RunSummary | null = null): ReportData {
  const languages = new Counter();
  const failures = new Counter();
  const versions = new Counter();
  const currencies = new Counter();
  const models = new Map<string, { id: string; revision: string; articles: number }>();
  const amounts: AmountRow[] = [];
  const pairs: PairRow[] = [];
  const rates: RateRow[] = [];
  const entities: EntityRow[] = [];
  const briefs: Brief[] = [];
  let failed = 0;

  for (const { file, record } of collected) {
    const article = record.id;
    if (record.error) {
      failed++;
      failures.add(record.error.code);
    }
    // A record without a language failed before detection; `und` would say detection ran.
    languages.add(record.language?.code ?? '(not detected)');
    versions.add(record.pipelineVersion);
    const seenModels = new Set<string>();
    for (const model of record.summary?.models ?? []) {
      const key = `${model.id}@${model.revision}`;
      if (seenModels.has(key)) continue;
      seenModels.add(key);
      const entry = models.get(key) ?? { id: model.id, revision: model.revision, articles: 0 };
      entry.articles++;
      models.set(key, entry);
    }
    for (const a of record.amounts) {
      currencies.add(a.currency);
      amounts.push({
        article,
        text: a.text,
        english: a.english,
        currency: a.currency,
        value: a.value,
        exact: a.exact,
        approx: a.approx,
        ambiguous: a.ambiguous,
        bound: a.bound ?? null,
        estimated: a.estimated?.english ?? null,
        sentence: a.sentence ?? '',
      });
    }
    for (const p of record.pairs) {
      pairs.push({
        article,
        english: p.english,
        base: p.base,
        quote: p.quote,
        rate: p.rate,
        consensus: p.consensus,
        deviation: p.deviation,
        consistent: p.consistent,
        referenceRate: p.reference?.rate ?? null,
        referenceDate: p.reference?.date ?? null,
        referenceDeviation: p.reference?.deviation ?? null,
      });
    }
    for (const r of record.rates) {
      rates.push({ article, text: r.text, english: r.english, base: r.base, quote: r.quote, value: r.value, earlier: r.earlier, sentence: r.sentence ?? '' });
    }
    for (const e of record.entities) entities.push({ article, text: e.text, type: e.type, mentions: e.mentions.length });
    briefs.push({
      id: article,
      file,
      title: record.title,
      date: record.date,
      language: record.language?.code ?? null,
      summary: record.summary?.text ?? null,
      strategy: record.summary?.strategy ?? null,
      keySentences: record.keySentences.map((k) => k.text),
      // Removed boilerplate is routine and listed in the record; it would drown the warnings that matter.
      warnings: [...record.warnings, ...(record.summary?.warnings ?? [])].filter((w) => w.code !== 'BOILERPLATE_REMOVED').map((w) => ({ code: w.code, message: w.message })),
      error: record.error ? { code: record.error.code, message: record.error.message } : null,
    });
  }

  return {
    overview: {
      articles: collected.length,
      ok: collected.length - failed,
      failed,
      languages: languages.sorted().map(([code, articles]) => ({ code, articles })),
      failuresByCode: failures.sorted().map(([code, articles]) => ({ code, articles })),
      models: [...models.values()].sort((x, y) => y.articles - x.articles || x.id.localeCompare(y.id)),
      pipelineVersions: versions.sorted().map(([version, articles]) => ({ version, articles })),
      amounts: amounts.length,
      pairs: pairs.length,
      inconsistentPairs: pairs.filter((p) => !p.consistent).length,
      rates: rates.length,
      currencies: currencies.sorted().map(([currency, n]) => ({ currency, amounts: n })),
      run,
    },
    amounts,
    pairs,
    rates,
    entities,
    topEntities: topEntities(entities),
    briefs,
  };
}

/**
 * Entities across the run, by number of articles, then mentions. The same name of two types
 * ("Washington" the place, "Washington" the government) stays two entries; case is folded.
 */
export function topEntities(rows: readonly EntityRow[]): TopEntity[] {
  const byKey = new Map<string, { entry: TopEntity; seen: Set<string> }>();
  for (const row of rows) {
    const key = `${row.type}\u0000${row.text.toLowerCase()}`;
    let found = byKey.get(key);
    if (!found) {
      found = { entry: { text: row.text, type: row.type, articles: [], mentions: 0 }, seen: new Set() };
      byKey.set(key, found);
    }
    if (!found.seen.has(row.article)) {
      found.seen.add(row.article);
      found.entry.articles.push(row.article);
    }
    found.entry.mentions += row.mentions;
  }
  return [...byKey.values()].map((f) => f.entry).sort((a, b) => b.articles.length - a.articles.length || b.mentions - a.mentions || a.text.localeCompare(b.text));
}

/** Counts by key; sorted most first, then by key, so output is stable. */
class Counter {
  private readonly counts = new Map<string, number>();
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  sorted(): Array<[string, number]> {
    return [...this.counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }
}
