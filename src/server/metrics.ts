import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { WorkQueue } from './work-queue.js';

export interface ServerMetrics {
  readonly registry: Registry;
  observeRequest(labels: { method: string; route: string; status: number }, seconds: number): void;
  countError(code: string): void;
  countDocument(labels: { endpoint: string; outcome: 'ok' | 'error' }): void;
}

/**
 * Prometheus metrics of one server. Each server has its own registry, so two servers in one
 * process (tests, embedding) never mix their counts.
 */
export function createMetrics(queue: WorkQueue, modelsLoaded: () => number, generation: () => { batches: number; inputs: number } = () => ({ batches: 0, inputs: 0 })): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'precis_http_requests_total',
    help: 'HTTP requests answered, by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'precis_http_request_duration_seconds',
    help: 'Time from request to response, by method and route.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'precis_errors_total',
    help: 'Errors by stable code: HTTP errors and documents whose record carries an error.',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const documents = new Counter({
    name: 'precis_documents_total',
    help: 'Documents processed, by endpoint and outcome.',
    labelNames: ['endpoint', 'outcome'] as const,
    registers: [registry],
  });
  // Read when scraped, so they cost nothing between scrapes.
  const gauges: Array<[name: string, help: string, read: () => number]> = [
    ['precis_queue_depth', 'Documents admitted and waiting for a worker.', () => queue.waiting],
    ['precis_in_flight', 'Documents being processed now.', () => queue.running],
    ['precis_queue_capacity', 'Documents the service admits at once (running plus waiting); beyond it requests get 429.', () => queue.capacity],
    ['precis_models_loaded', 'Models loaded and ready.', modelsLoaded],
    ['precis_generation_calls', 'Model calls of the summaries since start (sentences of all documents in flight are pooled into shared calls).', () => generation().batches],
    ['precis_generation_sentences', 'Sentences translated or summarised since start.', () => generation().inputs],
    ['precis_generation_mean_batch', 'Mean sentences per model call since start (0 before the first).', () => {
      const { batches, inputs } = generation();
      return batches > 0 ? inputs / batches : 0;
    }],
  ];
  for (const [name, help, read] of gauges) {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  }
  return {
    registry,
    observeRequest({ method, route, status }, seconds) {
      requests.inc({ method, route, status: String(status) });
      latency.observe({ method, route }, seconds);
    },
    countError(code) {
      errors.inc({ code });
    },
    countDocument(labels) {
      documents.inc(labels);
    },
  };
}
