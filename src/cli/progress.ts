import cliProgress from 'cli-progress';
import type { Writable } from 'node:stream';

export interface Progress {
  setTotal(total: number): void;
  tick(): void;
  stop(): void;
}

const NO_PROGRESS: Progress = { setTotal() {}, tick() {}, stop() {} };

/** A progress bar on stderr (articles done/total, rate, ETA), only when a person is watching. */
export function createProgress(stream: Writable & { isTTY?: boolean }, enabled: boolean): Progress {
  if (!enabled || !stream.isTTY) return NO_PROGRESS;
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'precis {bar} {value}/{total} articles | {rate}/s | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  let value = 0;
  bar.start(0, 0, { rate: '0.0' });
  return {
    setTotal(total) {
      bar.setTotal(total);
    },
    tick() {
      value++;
      const seconds = (Date.now() - started) / 1000;
      bar.update(value, { rate: seconds > 0 ? (value / seconds).toFixed(1) : '0.0' });
    },
    stop() {
      bar.stop();
    },
  };
}
