import { isPrecisError } from '../errors.js';
import { buildReport } from '../report/index.js';
import type { CliIO } from './program.js';

export interface ReportFlags {
  html?: string;
  csv?: string;
  force?: boolean;
}

/** `precis report <out-dir>`: the HTML page (and CSV files) of a run's records; paths on stderr. */
export async function runReport(outDir: string, flags: ReportFlags, io: Pick<CliIO, 'stderr'>): Promise<number> {
  try {
    const result = await buildReport(outDir, {
      ...(flags.html ? { html: flags.html } : {}),
      ...(flags.csv ? { csv: flags.csv } : {}),
      force: flags.force ?? false,
      onSkip: (file, reason) => io.stderr.write(`precis: warning: ${file}: skipped, ${reason}.\n`),
    });
    io.stderr.write(`precis: report of ${result.records} record(s):\n`);
    for (const path of result.written) io.stderr.write(`  ${path}\n`);
    return 0;
  } catch (error) {
    if (isPrecisError(error)) {
      io.stderr.write(`precis: ${error.message}\n`);
      return 1;
    }
    // A folder in the way, no permission, a full disk: say which file, not a stack.
    const e = error as NodeJS.ErrnoException;
    if (typeof e?.code === 'string' && e.message) {
      io.stderr.write(`precis: the report could not be written: ${e.message}\n`);
      return 1;
    }
    throw error;
  }
}
