// Throws random and hostile text at the extraction pipeline for a bounded time and fails on any
// crash, any document past its deadline, or any record the JSON Schema refuses.
// Usage: npm run fuzz [-- --seconds 60] [--deadline-ms 10000] [--seed N]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { createPipeline } from '../src/index.js';
import { adversarialInputs } from '../tests/adversarial/generate-inputs.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, 'deadline-ms': { type: 'string', default: '10000' }, seed: { type: 'string' } } });
const seconds = Number(values.seconds);
const deadline = Number(values['deadline-ms']);
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(root, 'schema', 'record.schema.json'), 'utf8')));
// The pipeline's own deadline stops a document that runs past it (a TIMEOUT record).
const pipeline = createPipeline({ summarise: false, timeoutMs: deadline });

// Pieces news text and hostile text are made of, joined at random.
const piece = fc.oneof(
  fc.constantFrom('728 000 milliards de wons', '(506 milliards $ US)', '1 431,30 wons', 'un dollar valait', 'soit', 'environ', '€', '$', '₩', '원', '12조 5천억 원', '달러당', 'US$ 8,2 mil millones', '5 Mio. Euro', 'mila miliardi', '%', ',', '.', ' ', '\n', "d'", 'Kim-', 'M.', 'Banque de Corée', '<div>', '</p>', '&amp;', '«', '»', '—', '\u00a0', '\u202f'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer({ min: 0, max: 10 ** 9 }).map(String),
);
const article = fc.array(piece, { maxLength: 400 }).map((parts) => parts.join(' '));

let runs = 0;
let worst = 0;
async function check(text: string, format?: 'html'): Promise<void> {
  const started = performance.now();
  const id = `fuzz-${runs++}`;
  // HTML goes in as bytes, so it is parsed as a page, the way files and requests are.
  const record = await pipeline.extract(format ? { id, bytes: Buffer.from(text, 'utf8'), format } : { id, text });
  const ms = performance.now() - started;
  worst = Math.max(worst, ms);
  if (record.error?.code === 'TIMEOUT' || record.error?.code === 'ABORTED') throw new Error(`a document took longer than ${deadline} ms: ${JSON.stringify(text.slice(0, 200))}`);
  if (!validate(record)) throw new Error(`a record broke the schema: ${JSON.stringify(validate.errors)} for ${JSON.stringify(text.slice(0, 200))}`);
}

const started = Date.now();
for (const input of adversarialInputs(4)) await check(input.text, input.format);
console.log(`hostile inputs (×4): ${runs} documents, slowest ${Math.round(worst)} ms`);
const budget = Math.max(1, seconds * 1000 - (Date.now() - started));
await fc.assert(fc.asyncProperty(article, async (text) => check(text)), {
  interruptAfterTimeLimit: budget,
  numRuns: Number.MAX_SAFE_INTEGER,
  ...(values.seed ? { seed: Number(values.seed) } : {}),
});
await pipeline.close();
console.log(`fuzz: ${runs} documents in ${Math.round((Date.now() - started) / 1000)} s, none crashed, none past ${deadline} ms (slowest ${Math.round(worst)} ms), every record valid`);
