/**
 * The notebook verbs of the command line (DESIGN §4): `new`, `notebook`,
 * `site`. Errors are NotebookError (one clear line, exit 1) or usage errors.
 * @module
 */
import { parseArgs } from 'node:util';
import { buildNotebookSite, NotebookError, startPreview } from './node.js';
import { newNotebook } from './new.js';

export { NotebookError };

export interface NotebookIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

type Usage = (message: string) => Error;

function parse(argv: string[], options: Record<string, { type: 'string' | 'boolean' }>, max: number, usage: Usage) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw usage((err as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
  if (parsed.positionals.length > max) throw usage(`unexpected argument '${parsed.positionals[max]}'`);
  return { values: parsed.values as Record<string, string | undefined>, pos: parsed.positionals };
}

export async function cmdNew(argv: string[], io: NotebookIo, usage: Usage): Promise<number> {
  const { values, pos } = parse(argv, { 'from-data': { type: 'string' } }, 1, usage);
  if (!pos[0]) throw usage('missing DIR');
  const files = await newNotebook(pos[0], values['from-data']);
  io.out(`wrote ${pos[0]}/: ${files.join(', ')}\n`);
  io.err(`next: featurebook notebook ${pos[0]}   (edit in the browser)\n      featurebook site ${pos[0]} --out ${pos[0]}/site   (a static site)\n`);
  return 0;
}

export async function cmdNotebook(argv: string[], io: NotebookIo, usage: Usage): Promise<number> {
  const { values, pos } = parse(argv, { port: { type: 'string' }, host: { type: 'string' } }, 1, usage);
  const port = values.port === undefined ? 3000 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw usage(`--port: expected a port number, got '${values.port}'`);
  const preview = await startPreview(pos[0] ?? '.', { port, host: values.host ?? '127.0.0.1', quiet: true, log: io.err });
  io.out(`Featurebook notebook: ${preview.url}\n`);
  await new Promise<void>((resolve) => {
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => resolve());
  });
  await preview.close();
  return 0;
}

export async function cmdSite(argv: string[], io: NotebookIo, usage: Usage): Promise<number> {
  const { values, pos } = parse(argv, { out: { type: 'string' } }, 1, usage);
  if (!values.out) throw usage('missing --out PATH');
  const t0 = Date.now();
  const { out, pages } = await buildNotebookSite(pos[0] ?? '.', values.out, { quiet: true });
  io.out(`wrote ${out} (${pages.length} page${pages.length === 1 ? '' : 's'}) in ${((Date.now() - t0) / 1000).toFixed(1)} s; it works from any static file server\n`);
  return 0;
}
