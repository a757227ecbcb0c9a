import { open, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { PrecisError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { aggregate, type ReportData } from './aggregate.js';
import { collectRecords } from './collect-records.js';
import { renderCsv } from './render-csv.js';
import { REPORT_GENERATOR, renderHtml } from './render-html.js';

export type { AmountRow, Brief, EntityRow, Overview, PairRow, RateRow, ReportData, TopEntity } from './aggregate.js';
export type { RunSummary } from './collect-records.js';
export { aggregate } from './aggregate.js';
export { collectRecords } from './collect-records.js';
export { renderCsv } from './render-csv.js';
export { renderHtml } from './render-html.js';

export interface ReportOptions {
  /** Where the page goes. @default `<outDir>/report.html` */
  html?: string;
  /** A folder to write amounts.csv, pairs.csv and entities.csv into; none when absent. */
  csv?: string;
  /** What the report is of, shown under its heading. @default the folder's name and path */
  subject?: string;
  /** Overwrite a file at `html` that is not a precis report. @default false */
  force?: boolean;
  /** Told of each file under `outDir` that is not a record, as it is passed over. */
  onSkip?: (file: string, reason: string) => void;
}

export interface ReportResult {
  /** Paths written: the page first, then the CSV files. */
  written: string[];
  records: number;
  skipped: Array<{ file: string; reason: string }>;
  data: ReportData;
}

/**
 * Reads the records a run wrote into `outDir` (and its run.json) and writes one self-contained
 * HTML page, plus CSV files with `csv`. Throws a PrecisError: NO_ARTICLES when the folder holds no
 * record, OUTPUT_WRITE_FAILED when `html` names a file that is not a report (without `force`).
 */
export async function buildReport(outDir: string, options: ReportOptions = {}): Promise<ReportResult> {
  const collected = await collectRecords(outDir);
  for (const s of collected.skipped) options.onSkip?.(s.file, s.reason);
  if (collected.records.length === 0) {
    throw new PrecisError('NO_ARTICLES', `${outDir} holds no precis records (no <id>.json file of a run). Give the folder of a run's --out.`, { path: outDir });
  }
  const htmlPath = options.html ?? join(outDir, 'report.html');
  if (!options.force && !(await replaceable(htmlPath))) {
    throw new PrecisError('OUTPUT_WRITE_FAILED', `${htmlPath} exists and is not a precis report; not overwritten. Use --force to replace it, or --html to write elsewhere.`, {
      path: htmlPath,
    });
  }
  const data = aggregate(collected.records, collected.run);
  const html = renderHtml(data, { subject: options.subject ?? `Records in ${basename(resolve(outDir))} (${outDir})`, chartJs: await readChartJs() });
  await writeFileAtomic(htmlPath, html);
  const written = [htmlPath];
  if (options.csv) {
    for (const [name, text] of Object.entries(renderCsv(data))) {
      const path = join(options.csv, name);
      await writeFileAtomic(path, text);
      written.push(path);
    }
  }
  return { written, records: collected.records.length, skipped: collected.skipped, data };
}

/** True when nothing is at `path`, or a page an earlier `precis report` wrote. */
async function replaceable(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
  try {
    // The generator tag is in the page's head, well within its first 1 kB.
    const head = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead).toString('utf8').includes(`<meta name="generator" content="${REPORT_GENERATOR}">`);
  } finally {
    await handle.close();
  }
}

let chartJs: Promise<string> | undefined;

/** Chart.js's UMD build from node_modules (its exports map names only its module builds). */
function readChartJs(): Promise<string> {
  chartJs ??= readFile(join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.js'), 'utf8');
  return chartJs;
}
