import PQueue from 'p-queue';
import { AbortError } from '../errors.js';

export interface MapOrderedOptions {
  concurrency: number;
  signal?: AbortSignal;
}

/**
 * Runs `fn` over a (possibly endless) source with bounded concurrency and yields results in
 * source order. At most `2 × concurrency` items are read ahead, so memory stays bounded however long
 * the source is. When `signal` aborts, no further item is started; what is in flight is awaited
 * and yielded (`fn` receives the signal to cut its own work short), then the iteration ends.
 */
export async function* mapOrdered<T, R>(
  source: Iterable<T> | AsyncIterable<T>,
  fn: (item: T, index: number, signal: AbortSignal | undefined) => Promise<R>,
  options: MapOrderedOptions,
): AsyncGenerator<R> {
  const { concurrency, signal } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new TypeError(`Expected \`concurrency\` to be an integer from 1 and up, got \`${String(concurrency)}\` (${typeof concurrency})`);
  }
  const queue = new PQueue({ concurrency });
  // Reading a little further than the concurrency keeps workers busy while the head is slow.
  const readAhead = concurrency * 2;
  const window: Array<Promise<R>> = [];
  const iterator = toAsyncIterator(source);
  let index = 0;
  let done = false;
  try {
    while (true) {
      while (!done && window.length < readAhead && !signal?.aborted) {
        const next = await iterator.next();
        if (next.done) {
          done = true;
          break;
        }
        const i = index++;
        const task = queue.add(() => fn(next.value, i, signal), { throwOnTimeout: true }) as Promise<R>;
        // Results are awaited in order below; this keeps an early rejection from going unhandled.
        task.catch(() => undefined);
        window.push(task);
      }
      const head = window.shift();
      if (!head) break;
      yield await head;
    }
  } finally {
    if (!done) await iterator.return?.();
  }
  if (signal?.aborted && !done) throw new AbortError();
}

function toAsyncIterator<T>(source: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> {
  if (Symbol.asyncIterator in source) return (source as AsyncIterable<T>)[Symbol.asyncIterator]();
  const it = (source as Iterable<T>)[Symbol.iterator]();
  return {
    next: async () => it.next(),
    return: async (value?: unknown) => it.return?.(value) ?? { done: true, value: undefined as T },
  };
}
