import { expect, test } from 'vitest';
import { BatchScheduler } from '../../src/summarise/batch-scheduler.js';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

test('inputs of concurrent callers share calls, up to the batch size, in order; outputs go back to their callers', async () => {
  const calls: string[][] = [];
  const gate = deferred();
  const scheduler = new BatchScheduler<{ beams: number }>(async (inputs) => {
    calls.push(inputs);
    if (calls.length === 1) await gate.promise;
    return inputs.map((x) => x.toUpperCase());
  }, () => 4);
  const first = scheduler.submit(['a', 'b'], { beams: 1 });
  await new Promise((r) => setTimeout(r, 20));
  // While the first call runs, three articles arrive: they wait and go together.
  const others = [scheduler.submit(['c', 'd', 'e'], { beams: 1 }), scheduler.submit(['f'], { beams: 1 }), scheduler.submit(['g', 'h'], { beams: 1 })];
  gate.resolve();
  expect(await first).toEqual(['A', 'B']);
  expect(await Promise.all(others)).toEqual([['C', 'D', 'E'], ['F'], ['G', 'H']]);
  expect(calls).toEqual([['a', 'b'], ['c', 'd', 'e', 'f'], ['g', 'h']]);
  expect(scheduler.stats).toEqual({ batches: 3, inputs: 8 });
});

test('only inputs with the same settings share a call', async () => {
  const calls: Array<[string[], number]> = [];
  const scheduler = new BatchScheduler<{ beams: number }>(async (inputs, settings) => {
    calls.push([inputs, settings.beams]);
    return inputs;
  }, () => 8);
  await Promise.all([scheduler.submit(['a'], { beams: 1 }), scheduler.submit(['b'], { beams: 4 }), scheduler.submit(['c'], { beams: 1 })]);
  expect(calls).toEqual([
    [['a', 'c'], 1],
    [['b'], 4],
  ]);
});

test('a caller that aborts takes its waiting inputs out; a failed call fails only its own inputs', async () => {
  const gate = deferred();
  const seen: string[][] = [];
  const scheduler = new BatchScheduler<object>(async (inputs) => {
    seen.push(inputs);
    if (seen.length === 1) await gate.promise;
    if (inputs.includes('boom')) throw new Error('model failed');
    return inputs;
  }, () => 8);
  const running = scheduler.submit(['x'], {});
  await new Promise((r) => setTimeout(r, 20));
  const controller = new AbortController();
  const dropped = scheduler.submit(['y', 'z'], {}, controller.signal);
  controller.abort();
  await expect(dropped).rejects.toMatchObject({ code: 'ABORTED' });
  gate.resolve();
  await running;
  await expect(scheduler.submit(['boom'], {})).rejects.toThrow('model failed');
  expect(await scheduler.submit(['ok'], {})).toEqual(['ok']);
  expect(seen).toEqual([['x'], ['boom'], ['ok']]);
});
