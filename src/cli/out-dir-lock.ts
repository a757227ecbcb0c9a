import { mkdir, open, opendir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PrecisError } from '../errors.js';

/** The lock of an --out folder: one run writes there at a time. */
export const LOCK_FILE = '.precis.lock';
/** What writeFileAtomic leaves behind when a run is killed mid-write: `<name>.<pid>.<hex>.tmp`. */
const TEMP_FILE = /\.\d+\.[0-9a-f]{8}\.tmp$/;

export class OutputLockedError extends PrecisError {
  constructor(message: string) {
    super('OUTPUT_LOCKED', message);
    this.name = 'OutputLockedError';
  }
}

/**
 * Takes the --out folder for this run, or refuses: a second run on the same folder would mix its
 * records with the first's. A lock left by a run that no longer exists (killed) is taken over.
 * Returns what releases it, and whether a stale lock was found.
 */
export async function lockOutDir(outDir: string, command: string): Promise<{ release: () => Promise<void>; stale: boolean }> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, LOCK_FILE);
  const content = JSON.stringify({ pid: process.pid, command, startedAt: new Date().toISOString() }) + '\n';
  let stale = false;
  try {
    const handle = await open(path, 'wx');
    await handle.writeFile(content);
    await handle.close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = await readHolder(path);
    if (holder !== null && holder !== process.pid && alive(holder)) {
      throw new OutputLockedError(
        `${outDir} is being written by another precis run (process ${holder}). Wait for it to finish, or choose another --out folder; if no such run exists, delete ${path}.`,
      );
    }
    stale = true;
    await writeFile(path, content);
  }
  return { release: () => rm(path, { force: true }), stale };
}

async function readHolder(path: string): Promise<number | null> {
  try {
    const pid = (JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown }).pid;
    return typeof pid === 'number' && Number.isInteger(pid) ? pid : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files a killed run left in the folder (with the lock held, no run is
 * writing them). Queue workers share a folder without a lock: they remove only files older than
 * `olderThanMs`, which no live writer still holds. Returns how many were removed.
 */
export async function removeStaleTemps(outDir: string, olderThanMs = 0): Promise<number> {
  const before = Date.now() - olderThanMs;
  let removed = 0;
  const walk = async (dir: string): Promise<void> => {
    let handle;
    try {
      handle = await opendir(dir);
    } catch {
      return;
    }
    for await (const entry of handle) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && TEMP_FILE.test(entry.name)) {
        if (olderThanMs > 0) {
          const info = await stat(path).catch(() => null);
          if (!info || info.mtimeMs > before) continue;
        }
        await rm(path, { force: true });
        removed++;
      }
    }
  };
  await walk(outDir);
  return removed;
}
