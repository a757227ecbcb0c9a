/**
 * Where the library reports what a host may want to know (models loading, recoverable trouble).
 * Every method is optional, so `console`, a pino/winston adapter or a partial object all fit; the
 * library itself never writes to the console.
 */
export interface Logger {
  debug?(message: string, fields?: Record<string, unknown>): void;
  info?(message: string, fields?: Record<string, unknown>): void;
  warn?(message: string, fields?: Record<string, unknown>): void;
  error?(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: Logger = {};
