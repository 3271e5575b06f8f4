/**
 * Breaking changes between two published versions: a feature that a model
 * or training set of the current version uses, removed or retyped by the
 * next version.
 * @module
 */
import type { ProjectPlan } from '../../src/compile/plan.js';

export interface BreakingChange {
  /** `view.feature` */
  feature: string;
  /** e.g. `model fraud_lr`, `training set fraud_train` */
  usedBy: string[];
  change: 'removed' | 'type';
  from?: string;
  to?: string;
}

export function breakingChanges(current: ProjectPlan, next: ProjectPlan): BreakingChange[] {
  const uses = new Map<string, string[]>();
  const use = (ref: { view: string; feature: string }, by: string) => {
    const k = `${ref.view}.${ref.feature}`;
    const list = uses.get(k) ?? [];
    if (!list.includes(by)) list.push(by);
    uses.set(k, list);
  };
  for (const m of current.models) for (const f of m.inputs) use(f, `model ${m.name}`);
  for (const t of current.trainingSets) for (const f of t.features) use(f, `training set ${t.name}`);

  const out: BreakingChange[] = [];
  for (const [k, usedBy] of uses) {
    const [viewName, featureName] = k.split('.') as [string, string];
    const before = current.views.find((v) => v.name === viewName)?.features.find((f) => f.name === featureName);
    const after = next.views.find((v) => v.name === viewName)?.features.find((f) => f.name === featureName);
    if (!after) out.push({ feature: k, usedBy, change: 'removed' });
    else if (before && before.type !== after.type && before.type !== 'unknown' && after.type !== 'unknown') {
      out.push({ feature: k, usedBy, change: 'type', from: before.type, to: after.type });
    }
  }
  return out;
}

export function describeBreakingChanges(changes: BreakingChange[]): string {
  const lines = changes.map((c) =>
    c.change === 'removed'
      ? `feature '${c.feature}' would be removed but ${c.usedBy.join(', ')} uses it`
      : `feature '${c.feature}' would change type from ${c.from} to ${c.to} but ${c.usedBy.join(', ')} uses it`,
  );
  return `${lines.join('; ')}. Publish with force to do it anyway.`;
}
