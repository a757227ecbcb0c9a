import type { Writable } from 'node:stream';

export interface Progress {
  setTotal(total: number): void;
  tick(): void;
  /**
   * Runs a write to the terminal the bar is drawn on (stdout on the same terminal, a warning on
   * stderr): the bar is erased first and drawn again after, so it never lands inside the text.
   * `text` is what the write prints, so the bar knows whether the cursor is left mid-line.
   */
  around<T>(text: string, write: () => Promise<T>): Promise<T>;
  /** Erases the bar for good; what is printed next starts on a clean line. */
  stop(): void;
}

type Terminal = Writable & { isTTY?: boolean; columns?: number };

/**
 * Whether to draw a bar: only for a person watching a terminal. Never with --quiet, when stderr is
 * not a terminal, on a terminal that cannot move its cursor (`TERM=dumb`), or under CI (`CI` set),
 * whose log viewers keep every redraw as a line.
 */
export function progressWanted(stream: Terminal, quiet: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (quiet || !stream.isTTY) return false;
  if ((env.TERM ?? '') === 'dumb') return false;
  const ci = env.CI;
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') return false;
  return true;
}

const NO_PROGRESS: Progress = {
  setTotal() {},
  tick() {},
  around: (_text, write) => write(),
  stop() {},
};

const ERASE = '\r\x1b[2K';
// Redraws at most ten times a second; the ETA ticks once a second when nothing finishes.
const FRAME_MS = 100;
const BAR_WIDTH = 20;

/** A line drawn on a terminal: redrawn on `refresh`, kept out of the way of everything printed. */
export interface StatusLine {
  /** Draws the line again soon (at most ten times a second). */
  refresh(): void;
  around<T>(text: string, write: () => Promise<T>): Promise<T>;
  stop(): void;
}

const NO_STATUS: StatusLine = { refresh() {}, around: (_text, write) => write(), stop() {} };

/**
 * One status line on stderr, drawn only at the start of an empty line, erased before anything
 * else is printed and drawn again after, and cut to the terminal's width so the terminal never
 * wraps it. Line wrapping is never switched off and the cursor never hidden, so a killed process
 * leaves the terminal as it found it; no colour is used, so NO_COLOR holds by construction.
 */
export function createStatusLine(stream: Terminal, enabled: boolean, render: () => string): StatusLine {
  if (!enabled) return NO_STATUS;
  let shown = false;
  let stopped = false;
  // Where the cursor is: the line may only be drawn at the start of a line.
  let atLineStart = true;
  let lastDraw = 0;
  let pending: NodeJS.Timeout | null = null;

  const draw = () => {
    if (stopped || !atLineStart) return;
    // One column short of the width: writing the last column makes some terminals wrap.
    // A terminal of unknown size reports 0 columns.
    const width = Math.max(10, (stream.columns || 80) - 1);
    stream.write(`${ERASE}${[...render()].slice(0, width).join('')}`);
    shown = true;
    lastDraw = Date.now();
  };
  const erase = () => {
    if (shown) stream.write(ERASE);
    shown = false;
  };
  const clock = setInterval(draw, 1000);
  clock.unref();
  draw();
  return {
    refresh() {
      if (stopped || pending) return;
      pending = setTimeout(
        () => {
          pending = null;
          draw();
        },
        Math.max(0, FRAME_MS - (Date.now() - lastDraw)),
      );
      pending.unref();
    },
    async around(text, write) {
      if (stopped) return write();
      erase();
      try {
        return await write();
      } finally {
        if (text.length > 0) atLineStart = text.endsWith('\n');
        draw();
      }
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(clock);
      if (pending) clearTimeout(pending);
      erase();
      // Output that ended mid-line (a last brief without a newline) must not share its line.
      if (!atLineStart) stream.write('\n');
    },
  };
}

/** Articles done/total, rate and ETA, as a status line. */
export function createProgress(stream: Terminal, enabled: boolean): Progress {
  if (!enabled) return NO_PROGRESS;
  const started = Date.now();
  let done = 0;
  let total: number | null = null;
  const line = createStatusLine(stream, true, () => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    if (total === null || total <= 0) return `precis ${done} article(s) · ${rate.toFixed(1)}/s`;
    const filled = Math.min(BAR_WIDTH, Math.round((done / total) * BAR_WIDTH));
    const eta = rate > 0 && done < total ? ` · ETA ${formatDuration((total - done) / rate)}` : '';
    return `precis ${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)} ${done}/${total} articles · ${rate.toFixed(1)}/s${eta}`;
  });
  return {
    setTotal(n) {
      total = n;
      line.refresh();
    },
    tick() {
      done++;
      line.refresh();
    },
    around: (text, write) => line.around(text, write),
    stop: () => line.stop(),
  };
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
