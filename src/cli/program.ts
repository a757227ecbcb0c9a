import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Readable, Writable } from 'node:stream';
import { isPrecisError, UsageError } from '../errors.js';
import { parseDate } from '../money/reference-rates.js';
import { DEFAULT_MAX_BYTES } from '../ingest/limits.js';
import { ARTICLE_EXTENSIONS } from '../ingest/read-file-bytes.js';
import { VERSION } from '../version.js';
import type { PipelineOptions } from '../pipeline.js';
import { ENTITY_MODES, type EntitiesMode } from '../entities/entities-mode.js';
import type { OutputFormat } from './output-sink.js';

export interface CliIO {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  signal: AbortSignal;
}

interface RecordFlags {
  languages?: string[];
  sentences: number;
  includeText?: boolean;
  defaultDollar: string;
  pairTolerance: number;
  referenceRates?: string;
  date?: string;
  entities?: EntitiesMode;
}

/** Where and how long the work of one article runs. */
interface ExecutionFlags {
  threads?: number;
  timeout: number;
}

export interface ServeFlags extends RecordFlags, SummariseFlags, ExecutionFlags {
  host: string;
  port: number;
  concurrency?: number;
  maxQueued?: number;
  bodyLimit: number;
  batchBodyLimit: number;
  maxBatch?: number;
  warmUp: boolean;
  summarise: boolean;
  logLevel: string;
  queueDashboard?: boolean;
  redis?: string;
  queue: string;
  prefix: string;
}

interface BatchFlags extends SummariseFlags, RecordFlags, ExecutionFlags {
  format?: OutputFormat;
  out?: string;
  concurrency: number;
  resume?: boolean;
  overwrite?: boolean;
  maxBytes: number;
  quiet?: boolean;
  include?: string[];
  exclude?: string[];
}

/** `summarise` flags map one to one onto the pipeline's options of the same names. */
type SummariseFlags = Pick<PipelineOptions, 'strategy' | 'modelsDir' | 'allowRemoteModels' | 'beams' | 'maxNewTokens' | 'batchSize' | 'maxWords' | 'engine'>;

/** Runs the command line and returns the exit code; never calls process.exit itself. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('precis')
    .description('Turn folders of news articles (French first) into structured English briefs.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run precis --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });

  const addBatchCommand = (name: 'summarise' | 'extract', description: string, alias?: string) => {
    const cmd = program
      .command(name)
      .description(description)
      .argument('<paths...>', 'article files, directories (read recursively), files of many articles (JSONL, .jsonl.gz, JSON arrays, WARC archives) or - for standard input')
      .addOption(new Option('-f, --format <format>', 'output format (default: md on a terminal, jsonl otherwise and with --out)').choices(['jsonl', 'json', 'md', 'text']))
      .option('-o, --out <dir>', 'write one JSON file per article and run.json into this directory')
      .option('-c, --concurrency <n>', 'articles processed at once', parsePositiveInt('--concurrency'), 2)
      .option('--resume', 'with --out: skip articles whose output exists for the same content and pipeline version')
      .option('--overwrite', 'with --out: let extract replace the records of an earlier summarise run in the folder (refused otherwise: their summaries would be lost)')
      .addOption(new Option('--max-bytes <size>', 'largest file read, e.g. 10MB or 500kB').argParser(parseSize('--max-bytes')).default(DEFAULT_MAX_BYTES, formatSize(DEFAULT_MAX_BYTES)))
      .option('--include <glob...>', `in directories, read only files matching these globs (default: ${ARTICLE_EXTENSIONS.map((e) => `*.${e}`).join(' ')}, in any case)`)
      .option('--exclude <glob...>', 'in directories, skip files matching these globs')
      .option('-q, --quiet', 'no progress bar and no summary line on stderr')
      .option('--timeout <ms>', "milliseconds one article may take; past it, its work is stopped and its record is a TIMEOUT error", parsePositiveInt('--timeout'), 60_000);
    addThreadsOption(cmd);
    addRecordOptions(cmd);
    if (name === 'summarise') addModelOptions(cmd);
    else cmd.option('--models-dir <dir>', 'where models are read from, for --entities (default: $PRECIS_MODELS_DIR, else the package models/)');
    cmd.action(async (paths: string[], flags: BatchFlags) => {
        exitCode = await runBatchCommand(name, paths, flags, io);
      });
    if (alias) cmd.alias(alias);
  };
  addBatchCommand('summarise', 'select key sentences and summarise each article', 'summarize');
  addBatchCommand('extract', 'language, sentences, key sentences, entities and amounts, without the summary');

  const serve = program
    .command('serve')
    .description('run the HTTP service: POST /v1/summarise, /v1/extract, /v1/batch; GET /healthz, /readyz, /metrics, /openapi.json')
    .option('--host <host>', 'address to listen on; anything but loopback exposes the service, which has no authentication', '127.0.0.1')
    .option('-p, --port <n>', 'port to listen on (0: any free port)', parsePort, 8080)
    .option('-c, --concurrency <n>', 'documents processed at once (default: the number of CPU cores)', parsePositiveInt('--concurrency'))
    .option('--max-queued <n>', 'documents that may wait for a worker; beyond them requests get 429 (default: 8 x concurrency)', parseNonNegativeInt('--max-queued'))
    .option('--timeout <ms>', 'milliseconds a document may take, waiting included, before 504', parsePositiveInt('--timeout'), 30_000)
    .option('--body-limit <size>', 'largest body of /v1/summarise and /v1/extract, e.g. 1MB', parseSize('--body-limit'), 1024 * 1024)
    .option('--batch-body-limit <size>', 'largest body of /v1/batch, e.g. 8MB', parseSize('--batch-body-limit'), 8 * 1024 * 1024)
    .option('--max-batch <n>', 'most documents in one /v1/batch request (default: 32, at most concurrency + max-queued)', parsePositiveInt('--max-batch'))
    .option('--no-warm-up', 'load models on the first request instead of at start')
    .option('--no-summarise', 'serve records without summaries (no model is loaded; /v1/summarise answers like /v1/extract)')
    .addOption(new Option('--log-level <level>', 'request log on stdout (JSON lines)').choices(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'));
  serve.option('--queue-dashboard', 'show a precis job queue: the bull-board dashboard at /queues (to this machine only) and its job counts in /metrics');
  addQueueConnectionOptions(serve);
  addThreadsOption(serve);
  addRecordOptions(serve);
  addModelOptions(serve);
  serve.action(async (flags: ServeFlags) => {
    const { runServe } = await import('./serve-command.js');
    exitCode = await runServe(flags, io);
  });

  addQueueCommands(program, io, (code) => {
    exitCode = code;
  });

  program
    .command('report')
    .description("write one self-contained HTML page (tables, charts; opens offline) of the records a run wrote into <out-dir>, and CSV files")
    .argument('<out-dir>', 'folder a run (summarise/extract --out, or queue workers) wrote records into')
    .option('--html <file>', 'where the page goes (default: <out-dir>/report.html)')
    .option('--csv <dir>', 'also write amounts.csv, pairs.csv and entities.csv into this folder')
    .option('--force', 'overwrite a file at --html that is not a precis report')
    .action(async (outDir: string, flags: { html?: string; csv?: string; force?: boolean }) => {
      const { runReport } = await import('./report-command.js');
      exitCode = await runReport(outDir, flags, io);
    });

  const models = program.command('models').description('list, verify and download the models summaries use');
  const modelsOptions = (cmd: Command) =>
    cmd.option('--models-dir <dir>', 'models directory (default: $PRECIS_MODELS_DIR, else the package models/)');
  modelsOptions(models.command('list').description('what the manifest declares, what is present, size on disk')).action(async (flags: { modelsDir?: string }) => {
    const { modelsList } = await import('./models-command.js');
    exitCode = await modelsList(flags, io);
  });
  modelsOptions(models.command('verify').argument('[ids...]', 'model ids (default: all)').description('check models on disk against the sizes and sha256 recorded when pulled')).action(
    async (ids: string[], flags: { modelsDir?: string }) => {
      const { modelsVerify } = await import('./models-command.js');
      exitCode = await modelsVerify(ids, flags, io);
    },
  );
  modelsOptions(models.command('pull').argument('[ids...]', 'model ids (default: all declared)').description('download the pinned model files from the Hugging Face Hub, resumably, verified'))
    .option('--hub <url>', 'Hub address (default: the manifest hub, or $PRECIS_HUB_URL)')
    .action(async (ids: string[], flags: { modelsDir?: string; hub?: string }) => {
      const { modelsPull } = await import('./models-command.js');
      exitCode = await modelsPull(ids, flags, io);
    });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`precis: ${error.message}\n`);
      return 2;
    }
    if (isPrecisError(error) && error.code === 'OUTPUT_LOCKED') {
      io.stderr.write(`precis: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

async function runBatchCommand(command: 'summarise' | 'extract', paths: string[], flags: BatchFlags, io: CliIO): Promise<number> {
  if (flags.resume && !flags.out) {
    throw new UsageError('--resume needs --out DIR: it skips articles whose output file already exists there.');
  }
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be given only once.');
  const format: OutputFormat = flags.format ?? (flags.out || !io.stdout.isTTY ? 'jsonl' : 'md');
  // Loaded here, not at the top, so --help and --version answer without loading the NLP stack.
  const [{ createPipeline }, { runBatch }] = await Promise.all([import('../pipeline.js'), import('./run-batch.js')]);
  let pipeline;
  try {
    pipeline = createPipeline(pipelineOptionsFromFlags({ ...flags, summarise: command === 'summarise' }));
  } catch (error) {
    if (error instanceof TypeError) throw new UsageError(error.message);
    // A reference-rates file that cannot be used is a problem with the command, found at once.
    if (isPrecisError(error) && error.code.startsWith('REFERENCE_RATES')) throw new UsageError(error.message, { cause: error });
    throw error;
  }
  try {
    const result = await runBatch({
      command,
      paths,
      format,
      formatExplicit: flags.format !== undefined,
      out: flags.out ?? null,
      concurrency: flags.concurrency,
      resume: flags.resume ?? false,
      overwrite: flags.overwrite ?? false,
      maxBytes: flags.maxBytes,
      quiet: flags.quiet ?? false,
      include: flags.include,
      exclude: flags.exclude,
      includeText: flags.includeText ?? false,
      pipeline,
      ...io,
    });
    return result.exitCode;
  } finally {
    await pipeline.close();
  }
}

/** Where the queue is: shared by `queue add`, `queue status`, `worker` and `serve --queue-dashboard`. */
function addQueueConnectionOptions(cmd: Command): void {
  cmd
    .option('--redis <url>', "the queue's Redis: redis://[:password@]host:port[/db], rediss:// for TLS (default: $PRECIS_REDIS_URL, else $REDIS_URL, else redis://127.0.0.1:6379)")
    .option('--queue <name>', 'queue name', 'precis')
    .option('--prefix <prefix>', 'prefix of the queue\'s Redis keys', 'precis');
}

export interface QueueFlags {
  redis?: string;
  queue: string;
  prefix: string;
}

export interface QueueAddFlags extends QueueFlags, Omit<RecordFlags, 'referenceRates'> {
  extract?: boolean;
  strategy: PipelineOptions['strategy'];
  maxWords: number;
  maxBytes: number;
  include?: string[];
  exclude?: string[];
  quiet?: boolean;
  attempts: number;
  backoff: number;
}

export interface QueueStatusFlags extends QueueFlags {
  wait?: boolean;
  failed?: boolean;
  retryFailed?: boolean;
  json?: boolean;
  interval: number;
}

export interface WorkerFlags extends QueueFlags, SummariseFlags, ExecutionFlags {
  out: string;
  concurrency: number;
  lockDuration: number;
  maxStalled: number;
  referenceRates?: string;
  logLevel: string;
}

function addQueueCommands(program: Command, io: CliIO, done: (code: number) => void): void {
  const queue = program.command('queue').description('a job queue on Redis (BullMQ) that workers on many machines share: add articles, watch, retry');
  const add = queue
    .command('add')
    .description('queue one job per article (the article travels in the job); the same article with the same options is queued once')
    .argument('<paths...>', 'article files, directories (read recursively), files of many articles (JSONL, .jsonl.gz, JSON arrays, WARC archives) or - for standard input')
    .option('--extract', 'workers extract (like precis extract) instead of summarising')
    .addOption(new Option('--max-bytes <size>', 'largest file (or JSONL line) read, e.g. 10MB or 500kB').argParser(parseSize('--max-bytes')).default(DEFAULT_MAX_BYTES, formatSize(DEFAULT_MAX_BYTES)))
    .option('--include <glob...>', `in directories, read only files matching these globs (default: ${ARTICLE_EXTENSIONS.map((e) => `*.${e}`).join(' ')}, in any case)`)
    .option('--exclude <glob...>', 'in directories, skip files matching these globs')
    .option('--attempts <n>', 'tries of a job whose failure may pass (TIMEOUT, INTERNAL); bad input is never retried', parsePositiveInt('--attempts'), 3)
    .option('--backoff <ms>', 'milliseconds before the first retry, doubled for each next one', parseNonNegativeInt('--backoff'), 5000)
    .option('-q, --quiet', 'no counts on stderr');
  addQueueConnectionOptions(add);
  addArticleOptions(add);
  addStrategyOption(add);
  addMaxWordsOption(add);
  add.action(async (paths: string[], flags: QueueAddFlags) => {
    const { runQueueAdd } = await import('./queue-command.js');
    done(await runQueueAdd(paths, flags, io));
  });

  const status = queue
    .command('status')
    .description('jobs by state, throughput and failure reasons')
    .option('--wait', 'wait until no job is left to run, then exit 0, or 1 if any job failed (like a batch run)')
    .option('--failed', 'list the failed jobs: article, error code, message')
    .option('--retry-failed', 'put every failed job back in the queue')
    .option('--json', 'print the status as JSON')
    .option('--interval <ms>', 'with --wait, milliseconds between looks at the queue', parsePositiveInt('--interval'), 1000);
  addQueueConnectionOptions(status);
  status.action(async (flags: QueueStatusFlags) => {
    const { runQueueStatus } = await import('./queue-command.js');
    done(await runQueueStatus(flags, io));
  });

  const worker = program
    .command('worker')
    .description('take jobs from the queue and write each article\'s record (as precis summarise --out does) into --out; runs until SIGTERM')
    .requiredOption('-o, --out <dir>', 'folder the records are written to (shared or per machine); a record already there is not rewritten')
    .option('-c, --concurrency <n>', 'jobs held at once; their sentences share translation batches', parsePositiveInt('--concurrency'), 4)
    .option('--lock-duration <ms>', 'how long a dead worker holds its jobs before another takes them back', parsePositiveInt('--lock-duration'), 30_000)
    .option('--max-stalled <n>', 'times a job is taken back from a dead worker before it fails (an article that crashes every worker)', parseNonNegativeInt('--max-stalled'), 1)
    .option('--timeout <ms>', "milliseconds one article may take; past it, it is tried again later, then its record is a TIMEOUT error", parsePositiveInt('--timeout'), 60_000)
    .addOption(new Option('--log-level <level>', 'job log on stdout (JSON lines)').choices(['error', 'warn', 'info', 'silent']).default('info'));
  addQueueConnectionOptions(worker);
  addThreadsOption(worker);
  addReferenceRatesOption(worker);
  addGenerationOptions(worker);
  worker.action(async (flags: WorkerFlags) => {
    const { runWorker } = await import('./queue-command.js');
    done(await runWorker(flags, io));
  });
}

function addThreadsOption(cmd: Command): void {
  cmd.option('--threads <n>', 'worker threads that read and extract articles; 0 works in the main thread, without hard deadlines (default: the number of CPU cores)', parseNonNegativeInt('--threads'));
}

/** Options that shape records, shared by every command that makes them. */
function addRecordOptions(cmd: Command): void {
  addArticleOptions(cmd);
  addReferenceRatesOption(cmd);
}

function addReferenceRatesOption(cmd: Command): void {
  cmd.option('--reference-rates <file>', "the ECB's euro reference-rate CSV (eurofxref.csv or eurofxref-hist.csv): compare each currency pair with the rate of the article's date");
}

/** The record options one article may carry (a queued job carries them to its worker). */
function addArticleOptions(cmd: Command): void {
  cmd
    .option('--languages <codes>', 'ISO 639-3 codes language detection may choose among, comma-separated (e.g. fra,eng)', parseLanguages)
    .option('-n, --sentences <n>', 'key sentences per article', parsePositiveInt('--sentences'), 4)
    .option('--default-dollar <code>', 'currency of a bare $ the article does not qualify (ISO 4217)', parseCurrencyCode, 'USD')
    .option('--pair-tolerance <percent>', 'flag a currency pair further than this from the article consensus rate', parsePercent, 5)
    .option('--date <YYYY-MM-DD>', 'publication date of articles that do not give their own (for --reference-rates)', parseDateFlag)
    .option('--include-text', 'add the cleaned article text to each record')
    .addOption(
      new Option('--entities <mode>', 'how people, organisations and places are found: rules, model (the NER model) or both (default: both when the NER model is in the models directory, else rules)').choices([
        ...ENTITY_MODES,
      ]),
    );
}

/** Options of the summary and its models. */
function addModelOptions(cmd: Command): void {
  addStrategyOption(cmd);
  addGenerationOptions(cmd);
  addMaxWordsOption(cmd);
}

function addStrategyOption(cmd: Command): void {
  cmd.addOption(
    new Option('-s, --strategy <name>', 'extract-translate (key sentences, translated), translate-summarise (translate all, then summarise) or extractive (no model)')
      .choices(['extract-translate', 'translate-summarise', 'extractive'])
      .default('extract-translate'),
  );
}

function addMaxWordsOption(cmd: Command): void {
  cmd.option('--max-words <n>', 'length of a translate-summarise summary', parsePositiveInt('--max-words'), 120);
}

/** Where models come from and how they generate: the resources of a process, not of one article. */
function addGenerationOptions(cmd: Command): void {
  cmd
    .option('--models-dir <dir>', 'where models are read from (default: $PRECIS_MODELS_DIR, else the package models/)')
    .option('--allow-remote-models', 'let missing model files be downloaded from the Hugging Face Hub while running')
    .option('--beams <n>', 'beam search width (1 = greedy)', parsePositiveInt('--beams'), 1)
    .option('--max-new-tokens <n>', 'longest generated text per sentence, in tokens', parsePositiveInt('--max-new-tokens'), 256)
    .option('--batch-size <n>', 'most sentences per model call; the sentences of all articles in flight are pooled', parsePositiveInt('--batch-size'), 16)
    .addOption(new Option('--engine <name>', "who generates text: precis (batched, over onnxruntime-node) or transformers (the transformers.js pipeline, the reference)").choices(['precis', 'transformers']).default('precis'));
}

/** The pipeline options the record and model flags stand for. */
export function pipelineOptionsFromFlags(flags: RecordFlags & SummariseFlags & ExecutionFlags & { summarise: boolean }): PipelineOptions {
  return {
    timeoutMs: flags.timeout,
    ...(flags.threads !== undefined ? { threads: flags.threads } : {}),
    summarise: flags.summarise,
    strategy: flags.strategy,
    modelsDir: flags.modelsDir,
    allowRemoteModels: flags.allowRemoteModels ?? false,
    beams: flags.beams,
    maxNewTokens: flags.maxNewTokens,
    batchSize: flags.batchSize,
    engine: flags.engine,
    maxWords: flags.maxWords,
    sentences: flags.sentences,
    languages: flags.languages,
    includeText: flags.includeText ?? false,
    defaultDollar: flags.defaultDollar,
    tolerance: flags.pairTolerance,
    ...(flags.referenceRates ? { referenceRates: flags.referenceRates } : {}),
    ...(flags.date ? { date: flags.date } : {}),
    ...(flags.entities ? { entities: flags.entities } : {}),
  };
}

function parseDateFlag(value: string): string {
  const date = parseDate(value.trim());
  if (!date) throw new InvalidArgumentError(`--date takes a date like 2025-03-14, got "${value}".`);
  return date;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`--port takes a port number from 0 to 65535, got "${value}".`);
  return n;
}

function parseNonNegativeInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} takes a whole number from 0 up, got "${value}".`);
    return n;
  };
}

function parsePositiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} takes a whole number from 1 up, got "${value}".`);
    return n;
  };
}

/** "10MB" for 10 485 760: how a size reads in --help. */
function formatSize(bytes: number): string {
  for (const [unit, size] of [['GB', 1024 ** 3], ['MB', 1024 ** 2], ['kB', 1024]] as const) if (bytes % size === 0) return `${bytes / size}${unit}`;
  return String(bytes);
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

function parseSize(name: string) {
  return (value: string): number => {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
    const unit = m ? SIZE_UNITS[m[2]!.toLowerCase()] : undefined;
    if (!m || unit === undefined) throw new InvalidArgumentError(`${name} takes a size like 10MB, 500kB or 20000, got "${value}".`);
    const n = Math.floor(Number(m[1]) * unit);
    if (n < 1) throw new InvalidArgumentError(`${name} must be at least 1 byte, got "${value}".`);
    return n;
  };
}

function parseCurrencyCode(value: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new InvalidArgumentError(`--default-dollar takes an ISO 4217 code like USD, CAD or AUD, got "${value}".`);
  return code;
}

function parsePercent(value: string): number {
  const n = Number(value.replace(/%$/, ''));
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`--pair-tolerance takes a positive percentage like 5, got "${value}".`);
  return n;
}

function parseLanguages(value: string): string[] {
  const codes = value.split(',').map((c) => c.trim().toLowerCase()).filter(Boolean);
  const bad = codes.filter((c) => !/^[a-z]{3}$/.test(c));
  if (codes.length === 0 || bad.length > 0) {
    throw new InvalidArgumentError(`--languages takes ISO 639-3 codes like fra,eng,spa; not valid: ${bad.join(', ') || '(empty)'}.`);
  }
  return codes;
}
