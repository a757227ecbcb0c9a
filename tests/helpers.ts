import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const CORPUS = join(ROOT, 'corpus');
export const CLI = join(ROOT, 'dist', 'cli', 'main.js');
export const SEED = join(CORPUS, 'kr-budget-ai-fr.txt');

export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}
