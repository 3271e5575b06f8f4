/**
 * The registry: compiled projects in Redis, as immutable versions named by
 * the SHA-256 of their normalized source, with a current-version pointer
 * switched atomically (one Lua script that also announces the switch on
 * pub/sub). Every server subscribes and reloads the announced version, so
 * a publish reaches all of them without restart. Key layout: docs/redis.md.
 * @module
 */
import { createHash, randomUUID } from 'node:crypto';
import { PLAN_VERSION, type ProjectPlan, type ViewPlan } from '../../src/compile/plan.js';
import { engineReason } from '../../src/project.js';
import { ApiError } from '../errors/index.js';
import { guard, Keys, type Redis } from '../redis/index.js';
import { assertPlanNames } from '../validate/index.js';
import { breakingChanges, describeBreakingChanges } from './compat.js';
import { type Replan, stalePlanError, storedPlanVersion } from './migrate.js';

export interface PublishedVersion {
  project: string;
  version: string;
  source: string;
  plan: ProjectPlan;
  sql: Record<string, string>;
  publishedAt: string;
  /** Where the source was published from (a path under the data root, or the CLI's file). */
  file?: string;
  views: Map<string, ViewPlan>;
}

export interface PublishInput {
  source: string;
  plan: ProjectPlan;
  sql: Record<string, string>;
  file?: string;
  /** Publish even if it removes or retypes features in use. */
  force?: boolean;
}

export interface PublishResult {
  project: string;
  version: string;
  /** The version that was current before, if any. */
  previous: string | null;
  /** False when this version had been published before (it is immutable: the stored copy stays). */
  created: boolean;
}

/** Normalizes line ends, trailing blanks and a byte-order mark, so cosmetic edits do not make a new version. */
export function normalizeSource(source: string): string {
  return (
    source
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((l) => l.replace(/[ \t]+$/, ''))
      .join('\n')
      .replace(/^\n+|\n+$/g, '') + '\n'
  );
}

/** A version's name: the SHA-256 (hex) of the normalized source. */
export const versionOf = (source: string) => createHash('sha256').update(normalizeSource(source)).digest('hex');

/**
 * Atomically: store the version unless it exists, make it current (compare-and-set), record it, announce it.
 * A stored copy whose plan has another plan version gets the new plan and SQL (the source, hence the version, is the same).
 */
const PUBLISH = `
local cur = redis.call('GET', KEYS[1])
if (cur or '') ~= ARGV[2] then return {'conflict', cur or ''} end
local created = 0
if redis.call('EXISTS', KEYS[2]) == 0 then
  redis.call('HSET', KEYS[2], 'project', ARGV[8], 'source', ARGV[3], 'plan', ARGV[4], 'sql', ARGV[5], 'published_at', ARGV[6], 'file', ARGV[11], 'plan_version', ARGV[12])
  created = 1
elseif redis.call('HGET', KEYS[2], 'plan_version') ~= ARGV[12] then
  redis.call('HSET', KEYS[2], 'plan', ARGV[4], 'sql', ARGV[5], 'plan_version', ARGV[12])
end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[3], 'NX', ARGV[7], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[8])
redis.call('PUBLISH', ARGV[9], ARGV[10])
return {'ok', cur or '', created}
`;

export type RegistryEvent =
  | { type: 'publish'; project: string; version: string; previous: string | null; origin: string }
  | { type: 'materialize'; project: string; view: string; generation: number; as_of: string; origin: string };

type Scripted = Redis & {
  fbPublish(k1: string, k2: string, k3: string, k4: string, ...argv: string[]): Promise<[string, string, number?]>;
};

const MAX_CACHED_VERSIONS = 64;
/** Most project names whose current version (or absence: the negative cache) is remembered; the oldest is forgotten first. */
export const MAX_CACHED_CURRENT = 10_000;

export class Registry {
  /** Identifies this process in announcements. */
  readonly origin = randomUUID();
  private readonly versionCache = new Map<string, PublishedVersion>();
  /** project → current version (null: none); trusted only while subscribed. */
  private readonly currentCache = new Map<string, string | null>();
  /** Bumped per project on every announcement, to drop reads that raced one. */
  private readonly epochs = new Map<string, number>();
  private subscribed = false;
  private sub: Redis | undefined;
  private listeners: ((e: RegistryEvent) => void)[] = [];
  private publishHooks: ((input: PublishInput) => Promise<void>)[] = [];
  private replan: Replan | undefined;
  /** Re-plans in flight, by version id, so concurrent loads of a stale version re-plan it once. */
  private readonly migrating = new Map<string, Promise<PublishedVersion>>();

  constructor(
    readonly redis: Redis,
    readonly keys: Keys = new Keys(),
  ) {
    if (!(redis as unknown as Partial<Scripted>).fbPublish) redis.defineCommand('fbPublish', { numberOfKeys: 4, lua: PUBLISH });
  }

  /** Runs `fn` before each publish (e.g. storing the models' ONNX files); a throw refuses the publish. */
  beforePublish(fn: (input: PublishInput) => Promise<void>) {
    this.publishHooks.push(fn);
  }

  /**
   * Re-plans stored versions whose plan has another `PLAN_VERSION` with `fn`
   * (see `migrate.ts`); without it such a version is refused (409 `stale_plan`).
   */
  migrateWith(fn: Replan) {
    this.replan = fn;
  }

  /** Calls `fn` for each announcement (after the registry has applied it). */
  onEvent(fn: (e: RegistryEvent) => void) {
    this.listeners.push(fn);
  }

  /**
   * Subscribes to announcements on `sub` (a dedicated connection). While the
   * subscription is down, the current-version cache is bypassed: a missed
   * announcement can never leave a server on an old version.
   */
  async subscribe(sub: Redis): Promise<void> {
    this.sub = sub;
    const channel = this.keys.channel();
    const down = () => {
      this.subscribed = false;
      this.currentCache.clear();
    };
    const up = async () => {
      try {
        await sub.subscribe(channel);
        this.currentCache.clear();
        this.subscribed = true;
      } catch {
        down();
      }
    };
    sub.on('message', (ch: string, message: string) => {
      if (ch === channel) this.apply(message);
    });
    sub.on('close', down);
    sub.on('end', down);
    sub.on('reconnecting', down);
    sub.on('ready', () => void up());
    if (sub.status === 'ready') await up();
  }

  get isSubscribed() {
    return this.subscribed;
  }

  private apply(message: string) {
    let e: RegistryEvent;
    try {
      e = JSON.parse(message) as RegistryEvent;
    } catch {
      return;
    }
    if (e.type === 'publish' && typeof e.project === 'string' && typeof e.version === 'string') {
      this.epochs.set(e.project, (this.epochs.get(e.project) ?? 0) + 1);
      if (this.subscribed) this.remember(e.project, e.version);
      // Load it now, so the first request after a publish does not pay for it.
      this.load(e.project, e.version).then(
        () => this.listeners.forEach((f) => f(e)),
        () => {},
      );
      return;
    }
    if (e.type === 'materialize') this.listeners.forEach((f) => f(e));
  }

  /** Publishes a compiled project; refuses (409) breaking changes unless `force`. */
  async publish(input: PublishInput): Promise<PublishResult> {
    assertPlanNames(input.plan);
    const project = input.plan.project;
    const version = versionOf(input.source);
    const r = this.redis as Scripted;
    const k = this.keys;
    for (const hook of this.publishHooks) await hook(input);
    for (let attempt = 0; attempt < 5; attempt++) {
      const previous = await guard(r, () => r.get(k.current(project)));
      if (previous && previous !== version && !input.force) {
        // Only feature names and types are compared, which plans of every version record.
        const cur = await this.load(project, previous, { anyPlanVersion: true });
        const breaks = cur ? breakingChanges(cur.plan, input.plan) : [];
        if (breaks.length) {
          throw new ApiError(409, 'breaking_change', `refusing to publish ${project} ${version.slice(0, 12)}: ${describeBreakingChanges(breaks)}`, {
            details: breaks.map((b) => ({ feature: b.feature, used_by: b.usedBy, change: b.change, ...(b.from ? { from: b.from, to: b.to } : {}) })),
          });
        }
      }
      const epoch = this.epochs.get(project) ?? 0;
      const now = new Date();
      const message = JSON.stringify({ type: 'publish', project, version, previous, origin: this.origin } satisfies RegistryEvent);
      const res = await guard(r, () =>
        r.fbPublish(
          k.current(project),
          k.version(project, version),
          k.versions(project),
          k.projects(),
          version,
          previous ?? '',
          input.source,
          JSON.stringify(input.plan),
          JSON.stringify(input.sql),
          now.toISOString(),
          String(now.getTime()),
          project,
          k.channel(),
          message,
          input.file ?? '',
          String(input.plan.planVersion),
        ),
      );
      if (res[0] === 'conflict') continue; // another publish switched it meanwhile: check again against the new current
      this.forget(project, version); // a stale copy was replaced by this plan
      // Serve the new version here at once; unless an announcement arrived meanwhile (it is newer or the same).
      if (this.subscribed && (this.epochs.get(project) ?? 0) === epoch) this.remember(project, version);
      return { project, version, previous: previous || null, created: res[2] === 1 };
    }
    throw new ApiError(409, 'conflict', `project ${project} is being published concurrently; try again`);
  }

  /** The current version of `project`, or undefined when it was never published. */
  async current(project: string): Promise<PublishedVersion | undefined> {
    let version: string | null | undefined = this.subscribed ? this.currentCache.get(project) : undefined;
    if (version === undefined) {
      const epoch = this.epochs.get(project) ?? 0;
      const wasSubscribed = this.subscribed;
      version = await guard(this.redis, () => this.redis.get(this.keys.current(project)));
      if (wasSubscribed && this.subscribed && (this.epochs.get(project) ?? 0) === epoch) this.remember(project, version);
    }
    return version ? this.load(project, version) : undefined;
  }

  /** How many project names the current-version cache holds (at most MAX_CACHED_CURRENT). */
  get cachedCurrent(): number {
    return this.currentCache.size;
  }

  /** Caches `project`'s current version (null: never published), forgetting the oldest name past the cap. */
  private remember(project: string, version: string | null) {
    if (!this.currentCache.has(project) && this.currentCache.size >= MAX_CACHED_CURRENT) this.currentCache.delete(this.currentCache.keys().next().value!);
    this.currentCache.set(project, version);
  }

  /**
   * One published version (immutable, so cached once loaded). A stored plan of
   * another plan version is re-planned from its source (`migrateWith`) or
   * refused with 409 `stale_plan`; `anyPlanVersion` returns it as stored instead.
   */
  async load(project: string, version: string, opts: { anyPlanVersion?: boolean } = {}): Promise<PublishedVersion | undefined> {
    const id = `${project}\0${version}`;
    const hit = this.versionCache.get(id);
    if (hit) return hit;
    const [source, plan, sql, publishedAt, file] = await guard(this.redis, () =>
      this.redis.hmget(this.keys.version(project, version), 'source', 'plan', 'sql', 'published_at', 'file'),
    );
    if (source == null || plan == null) return undefined;
    const p = JSON.parse(plan) as ProjectPlan;
    const v = this.version(project, version, source, p, sql ? (JSON.parse(sql) as Record<string, string>) : {}, publishedAt ?? '', file);
    if (storedPlanVersion(p) !== PLAN_VERSION) return opts.anyPlanVersion ? v : this.migrate(id, v);
    this.cache(id, v);
    return v;
  }

  private version(project: string, version: string, source: string, plan: ProjectPlan, sql: Record<string, string>, publishedAt: string, file: string | null | undefined): PublishedVersion {
    const v: PublishedVersion = { project, version, source, plan, sql, publishedAt, views: new Map(plan.views.map((x) => [x.name, x])) };
    if (file) v.file = file;
    return v;
  }

  private cache(id: string, v: PublishedVersion) {
    if (this.versionCache.size >= MAX_CACHED_VERSIONS) this.versionCache.delete(this.versionCache.keys().next().value!);
    this.versionCache.set(id, v);
  }

  private forget(project: string, version: string) {
    this.versionCache.delete(`${project}\0${version}`);
  }

  /** Re-plans a stale stored version once (concurrent loads share it); the result is cached like a stored one. */
  private migrate(id: string, stored: PublishedVersion): Promise<PublishedVersion> {
    const replan = this.replan;
    if (!replan) return Promise.reject(stalePlanError(stored));
    let running = this.migrating.get(id);
    if (!running) {
      running = replan(stored)
        .catch((err: unknown) => {
          throw err instanceof ApiError && err.code === 'stale_plan' ? err : stalePlanError(stored, engineReason(err));
        })
        .then(({ plan, sql }) => {
          const v = this.version(stored.project, stored.version, stored.source, plan, sql, stored.publishedAt, stored.file ?? null);
          this.cache(id, v);
          return v;
        })
        .finally(() => this.migrating.delete(id));
      this.migrating.set(id, running);
    }
    return running;
  }

  /** Every published version of a project, oldest first. */
  async versions(project: string): Promise<{ version: string; published_at: string }[]> {
    const flat = await guard(this.redis, () => this.redis.zrange(this.keys.versions(project), 0, -1, 'WITHSCORES'));
    const out: { version: string; published_at: string }[] = [];
    for (let i = 0; i < flat.length; i += 2) out.push({ version: flat[i]!, published_at: new Date(Number(flat[i + 1])).toISOString() });
    return out;
  }

  async projects(): Promise<string[]> {
    return (await guard(this.redis, () => this.redis.smembers(this.keys.projects()))).sort();
  }

  /** Stops delivering events to listeners (the connections belong to the caller). */
  close() {
    this.sub = undefined;
    this.listeners = [];
  }
}
