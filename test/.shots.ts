// Screenshots of every page (not a test; run by hand).
import { launchChromium, openWatched, serve, root } from './browser/harness.js';
import { join } from 'node:path';
const out = process.env.SHOTS ?? '/tmp/ux-shots';
const pages = (process.argv[2] ?? 'index,playground,report,model,your-data,drift').split(',');
const site = await serve(join(root, 'notebooks/dist'));
const b = await launchChromium();
try {
  for (const p of pages) {
    const w = await openWatched(b.context, site.url + (p === 'index' ? '' : p));
    await w.page.waitForTimeout(Number(process.env.WAIT ?? 15000));
    await w.page.screenshot({ path: `${out}/${p}.png`, fullPage: true });
    console.log(p, 'errors', JSON.stringify(w.errors), 'foreign', JSON.stringify(w.foreign), 'failed', JSON.stringify(w.failed));
    await w.page.close();
  }
} finally {
  await b.close();
  await site.close();
}
