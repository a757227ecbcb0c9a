// Worker threads do not inherit tsx from the host: run from the TypeScript sources (tests, tsx
// scripts), a worker registers it before loading its entry. The package runs the compiled .js.
import { register } from 'tsx/esm/api';

register();
const { default: extractionWorker } = await import('./extraction-worker.ts');
export default extractionWorker;
