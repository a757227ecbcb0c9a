/**
 * The host's Node flags a worker thread may take: threads inherit them, and those that only make
 * sense for a main script (`node --input-type=module -e …`) stop a thread from starting.
 */
export function workerExecArgv(argv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '-e' || flag === '--eval' || flag === '-p' || flag === '--print') {
      i++;
      continue;
    }
    if (flag.startsWith('--input-type') || flag.startsWith('--eval=') || flag.startsWith('--print=')) continue;
    kept.push(flag);
  }
  return kept;
}
