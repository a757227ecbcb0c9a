// Summariser throughput on the full-size random Marian model (opus-mt-fr-en dimensions), written
// by `npm run fixtures -- --full` into .bench/models. Random weights never emit the end token, so
// every sentence generates a fixed, realistic number of tokens: 1.2 × its source tokens.
// Prints load time, sentences/s and generated tokens/s for batch sizes 1, 4, 16, greedy and 4
// beams, and the process's peak RSS.
// Usage: npm run bench -- --only summarise   (after npm run fixtures -- --full)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export async function benchSummarise(root: string, sentencesWanted = 16): Promise<void> {
  const dist = join(root, 'dist');
  const modelsDir = join(root, '.bench', 'models');
  if (!existsSync(join(modelsDir, 'Xenova', 'opus-mt-fr-en', 'onnx', 'decoder_model_merged_quantized.onnx'))) {
    console.log('Summariser: no full-size model in .bench/models; run `npm run fixtures -- --full` first (≈ 10 s, ≈ 830 MB).');
    return;
  }
  const { ModelStore } = (await import(join(dist, 'summarise', 'model-store.js'))) as typeof import('../src/summarise/model-store.js');
  const { readManifest } = (await import(join(dist, 'models', 'manifest.js'))) as typeof import('../src/models/manifest.js');
  const { createPipeline } = (await import(join(dist, 'index.js'))) as typeof import('../src/index.js');
  const model = readManifest().models.find((m) => m.id === 'Xenova/opus-mt-fr-en')!;
  const seed = readFileSync(join(root, 'corpus', 'kr-budget-ai-fr.txt'), 'utf8');
  const record = await createPipeline({ summarise: false, includeText: true, sentences: 30 }).process(seed);
  const sentences = record.keySentences.map((s) => s.text).slice(0, sentencesWanted);
  while (sentences.length < sentencesWanted) sentences.push(...sentences.slice(0, sentencesWanted - sentences.length));

  const store = new ModelStore({ modelsDir, allowRemote: false });
  const t0 = performance.now();
  const translator = await store.load(model);
  const loadMs = performance.now() - t0;
  const { AutoTokenizer, env } = await import('@xenova/transformers');
  env.localModelPath = `${modelsDir}/`;
  env.allowRemoteModels = false;
  const warn = console.warn;
  console.warn = () => undefined; // transformers.js's "MarianTokenizer is not yet supported" notice
  const tokenizer = await AutoTokenizer.from_pretrained(model.id).finally(() => (console.warn = warn));
  const sourceTokens = sentences.map((s) => (tokenizer.encode(s) as number[]).length);
  const meanSource = sourceTokens.reduce((a, b) => a + b, 0) / sourceTokens.length;
  const newTokens = Math.round(1.2 * meanSource);
  console.log(`Summariser, full-size random opus-mt-fr-en (d_model 512, 6+6 layers, vocab 59,514, int8): load ${(loadMs / 1000).toFixed(2)} s; ${sentences.length} sentences, mean ${meanSource.toFixed(0)} source tokens, ${newTokens} new tokens each`);
  for (const beams of [1, 4]) {
    for (const batch of [1, 4, 16]) {
      const started = performance.now();
      for (let i = 0; i < sentences.length; i += batch) {
        await translator.generate(sentences.slice(i, i + batch), { beams, maxNewTokens: newTokens, minLength: newTokens });
      }
      const seconds = (performance.now() - started) / 1000;
      console.log(`  ${beams === 1 ? 'greedy ' : `${beams} beams`} batch ${String(batch).padStart(2)}: ${(sentences.length / seconds).toFixed(2)} sentences/s, ${((sentences.length * newTokens) / seconds).toFixed(0)} tokens/s`);
    }
  }
  console.log(`  peak RSS of the bench process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  await store.close();
}
