import { Redis, type RedisOptions } from 'ioredis';
import { PrecisError } from '../errors.js';

/** Where the queue lives: a Redis server, a queue name on it, and the prefix of its keys. */
export interface QueueConnectionOptions {
  /**
   * Redis address: `redis://[user:password@]host:port[/db]`, or `rediss://…` for TLS.
   * @default $PRECIS_REDIS_URL, else $REDIS_URL, else redis://127.0.0.1:6379
   */
  redis?: string;
  /** Queue name; workers and `enqueue` meet on it. @default 'precis' */
  queue?: string;
  /** Prefix of every key the queue writes. @default 'precis' */
  prefix?: string;
}

export interface ResolvedConnection {
  url: string;
  queue: string;
  prefix: string;
}

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const DEFAULT_QUEUE = 'precis';
export const DEFAULT_PREFIX = 'precis';

export class QueueError extends PrecisError {
  constructor(code: 'QUEUE_UNAVAILABLE' | 'QUEUE_MISCONFIGURED', message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
    this.name = 'QueueError';
  }
}

export function resolveConnection(options: QueueConnectionOptions = {}, env: NodeJS.ProcessEnv = process.env): ResolvedConnection {
  const url = options.redis ?? env.PRECIS_REDIS_URL ?? env.REDIS_URL ?? DEFAULT_REDIS_URL;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`Expected \`redis\` to be a URL like redis://127.0.0.1:6379, got \`${redact(url)}\``);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new TypeError(`Expected \`redis\` to start with redis:// or rediss:// (TLS), got \`${redact(url)}\``);
  }
  const name = (key: 'queue' | 'prefix', value: string | undefined, fallback: string) => {
    const v = value ?? fallback;
    // BullMQ separates key parts with ':'.
    if (typeof v !== 'string' || !/^[\w.-]{1,100}$/.test(v)) throw new TypeError(`Expected \`${key}\` to be letters, digits, '.', '_' or '-', got \`${String(v)}\``);
    return v;
  };
  return { url, queue: name('queue', options.queue, DEFAULT_QUEUE), prefix: name('prefix', options.prefix, DEFAULT_PREFIX) };
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
}

/**
 * A connection to the queue's Redis. `blocking` connections (workers) wait for Redis as long as
 * it takes, as BullMQ requires; the others give up, so a command line fails instead of hanging.
 */
export function openRedis(url: string, { blocking }: { blocking: boolean }): Redis {
  let connected = false;
  const options: RedisOptions = {
    lazyConnect: true,
    connectTimeout: 5000,
    // A Redis that was never reached is not retried: the command says so at once. Once connected,
    // a restart of Redis is waited for.
    retryStrategy: (times) => (connected ? Math.min(times * 200, 2000) : null),
    ...(blocking ? { maxRetriesPerRequest: null } : { maxRetriesPerRequest: 1, enableOfflineQueue: true }),
  };
  const redis = new Redis(url, options);
  redis.on('ready', () => {
    connected = true;
  });
  // Errors surface through the commands that fail; without a listener ioredis prints each retry.
  // The last one is kept: a failed connect() only says "Connection is closed".
  redis.on('error', (error: Error) => lastErrors.set(redis, error));
  return redis;
}

/**
 * Connects and checks that Redis can hold a queue safely: reachable, credentials accepted, and
 * never evicting keys under memory pressure (an evicted job is lost without a trace).
 */
export async function checkRedis(redis: Redis, url: string, timeoutMs = 5000): Promise<void> {
  const where = redact(url);
  const timer = new Promise<never>((_, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer in ${timeoutMs / 1000} s`)), timeoutMs);
    t.unref();
  });
  try {
    if (redis.status === 'wait') await Promise.race([redis.connect(), timer]);
    await Promise.race([redis.ping(), timer]);
  } catch (error) {
    const reason = describeConnectError(lastErrors.get(redis) ?? error);
    throw new QueueError(
      'QUEUE_UNAVAILABLE',
      `Cannot reach the queue's Redis at ${where} (${reason}). Start Redis (Debian: apt-get install redis-server), or give its address with --redis or PRECIS_REDIS_URL.`,
      { cause: error },
    );
  }
  let policy: string | null = null;
  try {
    const answer = (await redis.config('GET', 'maxmemory-policy')) as string[];
    policy = answer[1] ?? null;
  } catch {
    // Managed Redis services often disable CONFIG; their eviction policy cannot be checked here.
  }
  if (policy !== null && policy !== 'noeviction') {
    throw new QueueError(
      'QUEUE_MISCONFIGURED',
      `Redis at ${where} has maxmemory-policy ${policy}: under memory pressure it would delete queued jobs. Set \`maxmemory-policy noeviction\` in redis.conf (or CONFIG SET maxmemory-policy noeviction).`,
    );
  }
}

const lastErrors = new WeakMap<Redis, Error>();

function describeConnectError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/NOAUTH|WRONGPASS|invalid password|invalid username/i.test(message)) return 'the password was refused or is missing; put it in the URL, redis://:PASSWORD@host:port';
  const code = (error as NodeJS.ErrnoException)?.code;
  return code ?? message;
}

/**
 * Closes a connection. One that already ended (Redis never reached) is left alone: ioredis would
 * otherwise keep the process alive two more seconds waiting for a socket that never opened.
 */
export function closeRedis(redis: Redis): void {
  if (redis.status !== 'end') redis.disconnect();
}
