import { execFileSync } from 'node:child_process';

export { SYSTEM_TESTS_REQUIRED } from './redis-server.js';

/**
 * The system's Chromium, or null: the report's browser tests drive a real headless Chromium
 * (Debian: apt-get install chromium) through playwright-core, which never downloads a browser.
 * $PRECIS_CHROMIUM names another binary.
 */
export function findChromium(): string | null {
  for (const candidate of [process.env.PRECIS_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (!candidate) continue;
    try {
      execFileSync(candidate, ['--version'], { stdio: 'ignore', timeout: 30_000 });
      return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}
