export { createServer } from './create-server.js';
export type { ListenOptions, PrecisServer } from './create-server.js';
export type { ServerOptions } from './server-options.js';
export { buildOpenApi } from './openapi.js';
