// Throughput and memory of precis, measured, never asserted.
//   1. The built CLI (`precis extract --out`) on the corpus copied to ≥ N articles: wall time,
//      articles/s, peak RSS of the whole process.
//   2. In process, on one core: the extract pipeline and the extraction stage alone (amounts,
//      pairs, entities) on the corpus's French articles (~4–6 KB), articles/s.
//   3. Cold start: time for a fresh process to import precis, build a pipeline and extract one
//      article.
//   4. Translation, precis's engine beside transformers.js, on the full-size random Marian model
//      (--only translate; scripts/bench-translate.ts).
//   5. Scaling of money extraction with the text's length (5,000 amounts in one article and up).
// Figures 2 and 5 are printed beside the same measure of a reference build of precis (by
// default the last commit before language packs; --reference REF for another, --reference none
// to skip), built once into .bench/reference-<sha> from a git worktree.
//   6. The job queue: N `precis worker` processes on a throwaway Redis beside one
//      `precis extract --concurrency N` on the same 1,000 articles (--only queue;
//      scripts/bench-queue.ts; needs redis-server).
// Usage: npm run bench [-- --articles 1000 --concurrency 2 --runs 3 --reference REF --only cli|inprocess|size|cold|translate|queue]
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The last commit before language packs (issue 9): the money grammar hard-wired for French and English. */
const REFERENCE = 'eeedc86';
const dist = join(root, 'dist');
const cli = join(dist, 'cli', 'main.js');
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '2' },
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
    reference: { type: 'string', default: REFERENCE },
  },
});
const wanted = Number(values.articles);
const runs = Number(values.runs);
const corpus = join(root, 'corpus');
const files = readdirSync(corpus).filter((f) => /\.(txt|md|html?|json)$/.test(f));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function peakRss(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

async function cliBench() {
  const work = mkdtempSync(join(tmpdir(), 'precis-bench-'));
  const input = join(work, 'in');
  mkdirSync(input);
  const copies = Math.ceil(wanted / files.length);
  for (let c = 0; c < copies; c++) cpSync(corpus, join(input, `copy-${String(c).padStart(4, '0')}`), { recursive: true });
  const total = copies * files.length;
  const results: Array<{ seconds: number; peak: number | null }> = [];
  for (let r = 0; r < runs; r++) {
    const out = join(work, 'out');
    rmSync(out, { recursive: true, force: true });
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [cli, 'extract', input, '--out', out, '--quiet', '--concurrency', values.concurrency!], { stdio: 'inherit' });
    let peak: number | null = null;
    const poll = setInterval(() => {
      const rss = child.pid ? peakRss(child.pid) : null;
      if (rss !== null) peak = Math.max(peak ?? 0, rss);
    }, 25);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(poll);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { counts: { ok: number } };
    if (code !== 0 || run.counts.ok !== total) throw new Error(`bench run failed: exit ${code}, ${JSON.stringify(run.counts)}`);
    results.push({ seconds: Number(process.hrtime.bigint() - started) / 1e9, peak });
  }
  rmSync(work, { recursive: true, force: true });
  const secs = results.map((r) => r.seconds);
  const peaks = results.map((r) => r.peak).filter((p): p is number => p !== null);
  console.log(
    `CLI extract, ${total} articles, concurrency ${values.concurrency}: wall median ${median(secs).toFixed(2)} s (min ${Math.min(...secs).toFixed(2)}, max ${Math.max(...secs).toFixed(2)}) | ${(total / median(secs)).toFixed(1)} articles/s | peak RSS ${peaks.length ? mb(Math.max(...peaks)) : 'n/a'}`,
  );
}

/** A build of another commit, for side-by-side figures; null when it cannot be had. */
function referenceDist(ref: string | undefined): { dist: string; sha: string } | null {
  if (!ref || ref === 'none') return null;
  const sha = spawnSync('git', ['rev-parse', '--short', `${ref}^{commit}`], { cwd: root, encoding: 'utf8' }).stdout.trim();
  if (!sha) {
    console.log(`(reference ${ref} is not in this clone: figures without a reference)`);
    return null;
  }
  const dir = join(root, '.bench', `reference-${sha}`);
  if (!existsSync(join(dir, 'dist', 'index.js'))) {
    rmSync(dir, { recursive: true, force: true });
    spawnSync('git', ['worktree', 'prune'], { cwd: root });
    const add = spawnSync('git', ['worktree', 'add', '--detach', dir, sha], { cwd: root, encoding: 'utf8' });
    if (add.status !== 0) {
      console.log(`(could not check out reference ${sha}: ${add.stderr.trim()})`);
      return null;
    }
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const build = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: dir, encoding: 'utf8' });
    if (build.status !== 0) {
      console.log(`(could not build reference ${sha}: ${build.stdout.slice(0, 300)})`);
      return null;
    }
  }
  return { dist: join(dir, 'dist'), sha };
}

interface InProcessFigures {
  pipeline: number;
  extraction: number;
  scaling: Array<{ amounts: number; kb: number; ms: number }>;
}

async function inProcessFigures(distDir: string): Promise<InProcessFigures> {
  const { createPipeline } = (await import(join(distDir, 'index.js'))) as typeof import('../src/index.js');
  const { extractMoney } = (await import(join(distDir, 'money', 'extract-money.js'))) as typeof import('../src/money/extract-money.js');
  const { findEntities } = (await import(join(distDir, 'entities', 'find-entities.js'))) as typeof import('../src/entities/find-entities.js');
  const { foldForMatching, normaliseText, paragraphSpans } = (await import(join(distDir, 'ingest', 'normalise-text.js'))) as typeof import('../src/ingest/normalise-text.js');
  const { segmentSentences } = (await import(join(distDir, 'text', 'segment-sentences.js'))) as typeof import('../src/text/segment-sentences.js');
  const { createNlp } = (await import(join(distDir, 'text', 'wink.js'))) as typeof import('../src/text/wink.js');
  const texts = frenchTexts();
  const pipeline = createPipeline({ summarise: false });
  const rounds = Math.max(1, Math.ceil(1000 / texts.length));
  const n = rounds * texts.length;
  const whole = await timeIt(async () => {
    for (let r = 0; r < rounds; r++) for (const text of texts) await pipeline.process(text);
  });
  // The extraction stage alone, on the cleaned text and sentences the pipeline produced.
  const nlp = createNlp();
  const inputs = texts.map((t) => normaliseText(t));
  const sentences = inputs.map((t) => segmentSentences(nlp, t, paragraphSpans(t)).sentences);
  const extraction = await timeIt(() => {
    for (let r = 0; r < rounds; r++) {
      inputs.forEach((text, i) => {
        const money = extractMoney(text, foldForMatching(text), { language: 'fra' });
        findEntities(text, { sentences: sentences[i]!, exclude: money.amounts });
      });
    }
  });
  // Money extraction on one article of 1,250 to 10,000 amounts (a paragraph of 5 amounts, 2 pairs, repeated).
  const paragraph = 'Le budget atteint 728 000 milliards de wons (506 milliards $ US), dont 10 100 milliards de wons, soit 6,9 milliards de dollars, pour la défense et 45 000 wons par mois pour les ménages.';
  const scaling: InProcessFigures['scaling'] = [];
  for (const paragraphs of [250, 500, 1000, 2000]) {
    const text = Array.from({ length: paragraphs }, () => paragraph).join('\n');
    const fold = foldForMatching(text);
    const ms = await timeIt(() => void extractMoney(text, fold, { language: 'fra' }));
    scaling.push({ amounts: paragraphs * 5, kb: Buffer.byteLength(text) / 1024, ms });
  }
  return { pipeline: (n / whole) * 1000, extraction: (n / extraction) * 1000, scaling };
}

async function timeIt(fn: () => Promise<void> | void): Promise<number> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

function frenchTexts(): string[] {
  return files.filter((f) => f.endsWith('-fr.txt')).map((f) => readFileSync(join(corpus, f), 'utf8'));
}

async function inProcessBench() {
  const texts = frenchTexts();
  const meanKb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / texts.length / 1024;
  const ours = await inProcessFigures(dist);
  const reference = referenceDist(values.reference);
  const theirs = reference ? await inProcessFigures(reference.dist) : null;
  const beside = (x: number, y: number | undefined) => (y === undefined ? `${x.toFixed(0)}` : `${x.toFixed(0)}   (reference ${reference!.sha}: ${y.toFixed(0)}, ×${(x / y).toFixed(2)})`);
  console.log(`In process, one core, ${texts.length} French articles (mean ${meanKb.toFixed(1)} KB), articles/s:`);
  console.log(`  extract pipeline (clean, language, sentences, amounts, pairs, rates, entities, key sentences): ${beside(ours.pipeline, theirs?.pipeline)}`);
  console.log(`  extraction stage alone (amounts, pairs, rates, entities): ${beside(ours.extraction, theirs?.extraction)}`);
  console.log('Money extraction on one long article (ms; linear work keeps ms per 1,000 amounts flat):');
  ours.scaling.forEach((s, i) => {
    const ref = theirs?.scaling[i];
    console.log(`  ${String(s.amounts).padStart(6)} amounts, ${s.kb.toFixed(0).padStart(5)} KB: ${s.ms.toFixed(0).padStart(6)} ms (${((s.ms / s.amounts) * 1000).toFixed(1)} ms per 1,000)${ref ? `   reference: ${ref.ms.toFixed(0)} ms (${((ref.ms / ref.amounts) * 1000).toFixed(1)} per 1,000)` : ''}`);
  });
}

/**
 * The whole extract pipeline on one ordinary article at sizes from 6 KB to 1 MB (the seed article
 * repeated): linear work keeps the time per KB flat.
 */
async function sizeCurve() {
  const { createPipeline } = (await import(join(dist, 'index.js'))) as typeof import('../src/index.js');
  const seed = readFileSync(join(root, '..', 'shared', 'seed', 'article-fr.txt'), 'utf8');
  const pipeline = createPipeline({ summarise: false });
  console.log('Extract pipeline on one ordinary article by size (the seed repeated; linear work keeps ms per KB flat):');
  for (const copies of [1, 10, 40, 160]) {
    const text = Array.from({ length: copies }, () => seed).join('\n');
    const kb = Buffer.byteLength(text) / 1024;
    const ms = await timeIt(async () => void (await pipeline.extract({ id: 'size', text })));
    console.log(`  ${kb.toFixed(0).padStart(6)} KB: ${ms.toFixed(0).padStart(6)} ms (${(ms / kb).toFixed(2)} ms per KB)`);
  }
  await pipeline.close();
}

function coldStart() {
  const script = `
    const t0 = performance.now();
    const { createPipeline } = await import(${JSON.stringify(join(dist, 'index.js'))});
    const t1 = performance.now();
    const p = createPipeline();
    const r = await p.process(${JSON.stringify(readFileSync(join(corpus, 'kr-budget-ai-fr.txt'), 'utf8'))});
    const t2 = performance.now();
    const t3s = performance.now(); await p.process(r.id + ' ' + ${JSON.stringify(readFileSync(join(corpus, 'kr-defence-fr.txt'), 'utf8'))}); const t3 = performance.now();
    console.log(JSON.stringify({ importMs: t1 - t0, firstMs: t2 - t1, warmMs: t3 - t3s }));`;
  const samples = Array.from({ length: runs }, () => {
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    return JSON.parse(out.stdout) as { importMs: number; firstMs: number; warmMs: number };
  });
  const imp = median(samples.map((s) => s.importMs));
  const first = median(samples.map((s) => s.firstMs));
  const warm = median(samples.map((s) => s.warmMs));
  console.log(`Cold start (median of ${runs} fresh processes): import ${imp.toFixed(0)} ms, first article ${first.toFixed(0)} ms (warm article ${warm.toFixed(0)} ms): extraction ready in ${(imp + first - warm).toFixed(0)} ms`);
}

console.log(`precis bench — node ${process.version}, ${runs} runs each`);
if (!values.only || values.only === 'cli') await cliBench();
if (!values.only || values.only === 'inprocess') await inProcessBench();
if (!values.only || values.only === 'size') await sizeCurve();
if (!values.only || values.only === 'cold') coldStart();
if (values.only === 'queue') {
  const { benchQueue } = await import('./bench-queue.js');
  await benchQueue(root, { articles: wanted, workers: 3, runs: Math.min(runs, 3) });
}
if (values.only === 'translate') {
  const { benchTranslate } = await import('./bench-translate.js');
  await benchTranslate(root);
}
