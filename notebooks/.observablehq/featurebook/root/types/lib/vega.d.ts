// Types of notebooks/lib/vega.js (bundled by scripts/prepare-notebooks.mjs).
// Components write specs as plain object literals, whose strings TypeScript
// widens, so `vegaEmbed` takes any spec object here; Vega-Lite checks it at run time.
import type { EmbedOptions, Result } from 'vega-embed';
export * as vega from 'vega';
export * as vegaLite from 'vega-lite';
export function vegaEmbed(el: HTMLElement | string, spec: object, opts?: Omit<EmbedOptions, 'renderer' | 'mode'> & { renderer?: string; mode?: string }): Promise<Result>;
