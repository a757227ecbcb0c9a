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
  expect(queue.tryAdmit(2)).toBe(false);
  expect(queue.free).toBe(1);
  expect(queue.tryAdmit(1)).toBe(true);
  expect(queue.tryAdmit(1)).toBe(false);
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
