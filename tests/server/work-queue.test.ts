import { expect, test } from 'vitest';
import { WorkQueue } from '../../src/server/work-queue.js';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

test('admits up to concurrency + maxQueued documents, all or nothing', () => {
  const queue = new WorkQueue({ concurrency: 2, maxQueued: 3 });
  expect(queue.capacity).toBe(5);
  expect(queue.tryAdmit(4)).toBe(true);
  expect(queue.tryAdmit(2)).toBe("slots");
  expect(queue.free).toBe(1);
  expect(queue.tryAdmit(1)).toBe(true);
  expect(queue.tryAdmit(1)).toBe("slots");
});

test('a slot is freed when its work stops, not when its caller gives up', async () => {
  const queue = new WorkQueue({ concurrency: 1, maxQueued: 1 });
  const gate = deferred();
  queue.tryAdmit(2);
  const controller = new AbortController();
  const first = queue.run(() => gate.promise.then(() => 'first'));
  const second = queue.run(async () => 'second', controller.signal);
  expect([queue.running, queue.waiting]).toEqual([1, 1]);
  // The waiting one is cancelled: it skips its turn without running.
  controller.abort();
  expect(queue.free).toBe(0);
  gate.resolve();
  await expect(first).resolves.toBe('first');
  await expect(second).rejects.toMatchObject({ code: 'ABORTED' });
  expect(queue.free).toBe(2);
});

test('Retry-After grows with the work ahead', async () => {
  const queue = new WorkQueue({ concurrency: 1, maxQueued: 100 });
  queue.tryAdmit(1);
  await queue.run(() => new Promise((r) => setTimeout(r, 200)));
  const idle = queue.retryAfterSeconds();
  queue.tryAdmit(100);
  expect(idle).toBeGreaterThanOrEqual(1);
  expect(queue.retryAfterSeconds()).toBeGreaterThan(idle);
});

test('admits bytes only while the work ahead can be done within the deadline; never refuses when idle', async () => {
  const queue = new WorkQueue({ concurrency: 2, maxQueued: 100, deadlineMs: 10_000 });
  const mb = 1024 * 1024;
  // Idle, even a document expected to miss the deadline is tried (refusing it helps no one).
  expect(queue.tryAdmit(1, 64 * mb)).toBe(true);
  expect(queue.tryAdmit(1, mb)).toBe('work');
  expect(queue.bytes).toBe(64 * mb);
  const small = new WorkQueue({ concurrency: 2, maxQueued: 100, deadlineMs: 10_000 });
  // About a second per megabyte on one worker before anything is measured: 8 MB ahead on two
  // workers leave room for one more megabyte, not for eight.
  expect(small.tryAdmit(4, 8 * mb)).toBe(true);
  expect(small.tryAdmit(1, mb)).toBe(true);
  expect(small.tryAdmit(1, 8 * mb)).toBe('work');
  expect(small.retryAfterSeconds(1, 8 * mb)).toBeGreaterThan(1);
  // Bytes are released with their slot.
  await small.run(async () => undefined, undefined, mb);
  expect(small.bytes).toBe(8 * mb);
});
