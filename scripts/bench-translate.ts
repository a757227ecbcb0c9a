// Translation throughput of precis's engine beside the transformers.js 2.17 pipeline, in one
// process, interleaved, on the full-size random opus-mt-fr-en (int8) that
// `npm run fixtures -- --full` writes to .bench/models, and on the corpus' key sentences at the
// lengths opus-mt's real tokenizer gives them (about 1.3 tokens per word). Random weights never
// emit the end token, so every sentence generates the same number of tokens in both engines:
// 1.2 × the mean source length.
// Prints one line per configuration:
//   translate greedy|beams4 batch N: precis X tok/s, transformers.js Y tok/s, ratio R×, peak RSS M MB
// Usage: npm run bench -- --only translate   (after npm run fixtures -- --full)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

export async function benchTranslate(root: string): Promise<void> {
  const dist = join(root, 'dist');
  const modelsDir = join(root, '.bench', 'models');
  if (!existsSync(join(modelsDir, 'Xenova', 'opus-mt-fr-en', 'onnx', 'decoder_model_merged_quantized.onnx'))) {
    console.log('translate: no full-size model in .bench/models; run `npm run fixtures -- --full` first (≈ 10 s, ≈ 830 MB).');
    return;
  }
  const { ModelStore } = (await import(join(dist, 'summarise', 'model-store.js'))) as typeof import('../src/summarise/model-store.js');
  const { readManifest } = (await import(join(dist, 'models', 'manifest.js'))) as typeof import('../src/models/manifest.js');
  const { createPipeline } = (await import(join(dist, 'index.js'))) as typeof import('../src/index.js');
  const model = readManifest().models.find((m) => m.id === 'Xenova/opus-mt-fr-en')!;

  // The key sentences of the French corpus articles, as the summariser would translate them.
  const pipeline = createPipeline({ summarise: false, threads: 0 });
  const sentences: string[] = [];
  for (const f of readdirSync(join(root, 'corpus')).filter((x) => x.endsWith('-fr.txt')).sort()) {
    const record = await pipeline.extract(readFileSync(join(root, 'corpus', f), 'utf8'));
    sentences.push(...record.keySentences.map((s) => s.text));
  }
  await pipeline.close();

  const { AutoTokenizer, env } = await import('@xenova/transformers');
  env.localModelPath = `${modelsDir}/`;
  env.allowRemoteModels = false;
  const warn = console.warn;
  console.warn = () => undefined; // transformers.js's "MarianTokenizer is not yet supported" notice
  const tokenizer = await AutoTokenizer.from_pretrained(model.id).finally(() => (console.warn = warn));
  // The fixture's tokenizer has no real sub-word vocabulary, so it cuts French into far more
  // tokens than opus-mt's SentencePiece (about 1.3 per word). Each sentence is cut to the prefix
  // whose fixture tokens match that real length, so both engines run sequences of real length.
  const tokens = (text: string) => (tokenizer.encode(text) as number[]).length;
  for (let i = 0; i < sentences.length; i++) {
    const words = sentences[i]!.split(/\s+/);
    const real = Math.round(1.3 * words.length) + 1;
    let n = words.length;
    while (n > 1 && tokens(words.slice(0, n).join(' ')) > real) n--;
    sentences[i] = words.slice(0, n).join(' ');
  }
  const lengths = sentences.map(tokens);
  const meanSource = lengths.reduce((a, b) => a + b, 0) / lengths.length;
  const newTokens = Math.round(1.2 * meanSource);
  const [load1] = loadavg();
  console.log(
    `translate: full-size random opus-mt-fr-en (d_model 512, 6+6 layers, vocab 59,514, int8); ${sentences.length} corpus key sentences, mean ${meanSource.toFixed(0)} source tokens, ${newTokens} new tokens each; load average ${load1!.toFixed(2)}`,
  );

  const configs: Array<{ beams: number; batch: number; count: number }> = [
    { beams: 1, batch: 1, count: 8 },
    { beams: 1, batch: 4, count: 16 },
    { beams: 1, batch: 16, count: 32 },
    { beams: 4, batch: 1, count: 4 },
    { beams: 4, batch: 4, count: 8 },
  ];
  for (const { beams, batch, count } of configs) {
    const inputs = Array.from({ length: count }, (_, i) => sentences[i % sentences.length]!);
    const rate: Record<string, number> = {};
    // Interleaved: each engine runs once, in turn, on the same inputs.
    for (const engine of ['precis', 'transformers'] as const) {
      const store = new ModelStore({ modelsDir, allowRemote: false, engine, batchSize: batch });
      const translator = await store.load(model);
      await translator.generate(inputs.slice(0, 1), { beams, maxNewTokens: 4 }); // warm-up
      const started = performance.now();
      await translator.generate(inputs, { beams, maxNewTokens: newTokens, minLength: newTokens });
      rate[engine] = (inputs.length * newTokens) / ((performance.now() - started) / 1000);
      await store.close();
    }
    const peak = process.resourceUsage().maxRSS / 1024;
    console.log(
      `translate ${beams === 1 ? 'greedy' : `beams${beams}`} batch ${batch}: precis ${rate.precis!.toFixed(0)} tok/s, transformers.js ${rate.transformers!.toFixed(0)} tok/s, ratio ${(rate.precis! / rate.transformers!).toFixed(1)}×, peak RSS ${peak.toFixed(0)} MB`,
    );
  }
  // Batched int8 against batch 1: activations are quantised per tensor, padding included, so a
  // batch may change a token; the share of sentences that come out identical is measured.
  {
    const inputs = sentences.slice(0, 16);
    const outputs: string[][] = [];
    for (const batch of [1, 16]) {
      const store = new ModelStore({ modelsDir, allowRemote: false, engine: 'precis', batchSize: batch });
      outputs.push(await (await store.load(model)).generate(inputs, { beams: 1, maxNewTokens: 24 }));
      await store.close();
    }
    const same = outputs[0]!.filter((o, i) => o === outputs[1]![i]).length;
    console.log(`translate int8 greedy, batch 16 against batch 1: ${same} of ${inputs.length} sentences identical (${((100 * same) / inputs.length).toFixed(0)} %)`);
  }
  // Memory with one model, precis's engine alone, in a process of its own (the lines above hold
  // both engines' copies of the model).
  const work = mkdtempSync(join(tmpdir(), 'precis-bench-'));
  const script = join(work, 'memory.mjs');
  writeFileSync(
    script,
    `import { ModelStore } from ${JSON.stringify(join(dist, 'summarise', 'model-store.js'))};
     import { readManifest } from ${JSON.stringify(join(dist, 'models', 'manifest.js'))};
     const model = readManifest().models.find((m) => m.id === 'Xenova/opus-mt-fr-en');
     const store = new ModelStore({ modelsDir: ${JSON.stringify(modelsDir)}, allowRemote: false, engine: 'precis', batchSize: 32 });
     const translator = await store.load(model);
     const inputs = ${JSON.stringify(Array.from({ length: 32 }, (_, i) => sentences[i % sentences.length]))};
     await translator.generate(inputs, { beams: 1, maxNewTokens: ${newTokens}, minLength: ${newTokens} });
     console.log(JSON.stringify({ peak: process.resourceUsage().maxRSS / 1024 }));
     await store.close();`,
  );
  const run = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  rmSync(work, { recursive: true, force: true });
  const memory = /\{.*\}/.exec(run.stdout)?.[0];
  console.log(memory ? `translate memory: one model, precis engine, greedy batch 32: peak RSS ${(JSON.parse(memory) as { peak: number }).peak.toFixed(0)} MB` : `translate memory: the measurement failed (${run.stderr.slice(0, 200)})`);
}
