import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { Gauge, type Registry } from 'prom-client';
import { JOB_STATES } from '../queue/queue-status.js';
import { closeRedis, openRedis, type QueueConnectionOptions, resolveConnection } from '../queue/redis-connection.js';

export interface QueueViewOptions extends QueueConnectionOptions {
  /** Mount the bull-board dashboard at /queues (answered to loopback clients only). @default false */
  dashboard?: boolean;
}

export const DASHBOARD_PATH = '/queues';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Shows a precis queue from the service: job counts by state in /metrics and, when asked, the
 * bull-board dashboard. The dashboard can retry and remove jobs and has no login, so it answers
 * only requests from this machine, whatever address the service listens on.
 */
export function mountQueueView(app: FastifyInstance, registry: Registry, options: QueueViewOptions): { close(): Promise<void> } {
  const connection = resolveConnection(options);
  const redis = openRedis(connection.url, { blocking: true });
  const queue = new Queue(connection.queue, { connection: redis, prefix: connection.prefix });
  // One read of Redis per scrape, shared by the gauges.
  let reading: { at: number; counts: Promise<Record<string, number> | null> } | null = null;
  const read = () => {
    if (!reading || Date.now() - reading.at > 500) reading = { at: Date.now(), counts: queue.getJobCounts(...JOB_STATES).catch(() => null) };
    return reading.counts;
  };
  new Gauge({
    name: 'precis_queue_jobs',
    help: `Jobs of the queue "${connection.queue}" by state (read from Redis when scraped).`,
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const counts = await read();
      // Redis away: the gauge keeps its last values; precis_queue_up says so.
      if (counts) for (const state of JOB_STATES) this.set({ state }, counts[state] ?? 0);
    },
  });
  new Gauge({
    name: 'precis_queue_up',
    help: "1 when the queue's Redis answered the last scrape, else 0.",
    registers: [registry],
    async collect() {
      this.set((await read()) ? 1 : 0);
    },
  });

  if (options.dashboard) {
    const adapter = new FastifyAdapter();
    adapter.setBasePath(DASHBOARD_PATH);
    createBullBoard({ queues: [new BullMQAdapter(queue)], serverAdapter: adapter, options: { uiConfig: { boardTitle: 'precis queue' } } });
    // Registered now, loaded with the server's other routes when it starts.
    void app.register(async (scope) => {
      scope.addHook('onRequest', async (request, reply) => {
        if (!LOOPBACK.test(request.socket.remoteAddress ?? request.ip)) {
          // Answered here: bull-board's routes have an error handler of their own.
          return reply.code(403).send({
            error: { code: 'FORBIDDEN', message: 'The queue dashboard answers only on this machine (127.0.0.1); reach it through an SSH tunnel, e.g. ssh -L 8080:127.0.0.1:8080 host.' },
          });
        }
      });
      await scope.register(adapter.registerPlugin(), { prefix: DASHBOARD_PATH });
    });
  }
  return {
    async close() {
      await queue.close().catch(() => undefined);
      closeRedis(redis);
    },
  };
}
