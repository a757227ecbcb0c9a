/**
 * Writes schema/openapi.json: the service's OpenAPI document at the default limits (as on a
 * 4-core machine, where the default batch is 32). A test fails when it is out of date.
 *   npm run openapi
 */
import { writeFileSync } from 'node:fs';
import { buildOpenApi } from '../src/server/openapi.js';
import { resolveServerOptions } from '../src/server/server-options.js';

export const OPENAPI_PATH = new URL('../schema/openapi.json', import.meta.url);

export function documentedOpenApi() {
  return buildOpenApi(resolveServerOptions({ concurrency: 4 }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(OPENAPI_PATH, `${JSON.stringify(documentedOpenApi(), null, 2)}\n`);
  process.stdout.write(`wrote ${OPENAPI_PATH.pathname}\n`);
}
