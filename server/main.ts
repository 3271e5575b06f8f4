/**
 * Runs a server verb straight from the sources, without the bundled CLI:
 * `node --import tsx server/main.ts serve|publish|materialize ARGS`.
 * Used by the server tests and bench/serve.
 */
import { runMaterialize, runPublish, runServe } from './commands.js';

const [verb, ...rest] = process.argv.slice(2);
const fn = verb === 'serve' ? runServe : verb === 'publish' ? runPublish : verb === 'materialize' ? runMaterialize : undefined;
if (!fn) {
  process.stderr.write('usage: node --import tsx server/main.ts serve|publish|materialize ARGS\n');
  process.exit(2);
}
process.exitCode = await fn(rest);
