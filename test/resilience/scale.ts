/**
 * The resilience suite (docs/resilience.md) runs in two sizes: a short form
 * inside `npm test`, and the full form with `npm run test:resilience`
 * (FEATUREBOOK_RESILIENCE=full), which repeats each fault more often and
 * under more load. Every loop is bounded in count and time either way.
 */
export const FULL = process.env.FEATUREBOOK_RESILIENCE === 'full';

/** `short` in `npm test`, `full` under `npm run test:resilience`. */
export function scale(short: number, full: number): number {
  return FULL ? full : short;
}
