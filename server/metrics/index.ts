/**
 * Prometheus metrics in text exposition format, hand-written: counters,
 * gauges and histograms with labels, and the HTTP middleware that feeds them.
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';

type Labels = Record<string, string>;

const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const texts = new WeakMap<Labels, string>();
/** `{k="v",...}` for a label set; memoized per object, since the hot paths reuse their label objects. */
const labelText = (l: Labels) => {
  let t = texts.get(l);
  if (t === undefined) {
    const ks = Object.keys(l);
    t = ks.length ? `{${ks.map((k) => `${k}="${escape(l[k]!)}"`).join(',')}}` : '';
    texts.set(l, t);
  }
  return t;
};

abstract class Metric {
  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: 'counter' | 'gauge' | 'histogram',
  ) {}
  abstract lines(): string[];
  header(): string[] {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.type}`];
  }
}

export class Counter extends Metric {
  private values = new Map<string, { labels: Labels; value: number }>();
  constructor(name: string, help: string, type: 'counter' | 'gauge' = 'counter') {
    super(name, help, type);
  }
  inc(labels: Labels = {}, by = 1) {
    const k = labelText(labels);
    const e = this.values.get(k);
    if (e) e.value += by;
    else this.values.set(k, { labels, value: by });
  }
  set(labels: Labels, value: number) {
    this.values.set(labelText(labels), { labels, value });
  }
  get(labels: Labels = {}): number {
    return this.values.get(labelText(labels))?.value ?? 0;
  }
  lines() {
    return [...this.values.values()].map((e) => `${this.name}${labelText(e.labels)} ${e.value}`);
  }
}

export class Gauge extends Counter {
  constructor(name: string, help: string, private readonly collect?: () => void) {
    super(name, help, 'gauge');
  }
  override lines() {
    this.collect?.();
    return super.lines();
  }
}

export class Histogram extends Metric {
  private series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(
    name: string,
    help: string,
    readonly buckets: number[],
  ) {
    super(name, help, 'histogram');
  }
  observe(labels: Labels, v: number) {
    const k = labelText(labels);
    let s = this.series.get(k);
    if (!s) this.series.set(k, (s = { labels, counts: new Array(this.buckets.length).fill(0), sum: 0, count: 0 }));
    for (let i = 0; i < this.buckets.length; i++) if (v <= this.buckets[i]!) s.counts[i]!++;
    s.sum += v;
    s.count++;
  }
  lines() {
    const out: string[] = [];
    for (const s of this.series.values()) {
      this.buckets.forEach((b, i) => out.push(`${this.name}_bucket${labelText({ ...s.labels, le: String(b) })} ${s.counts[i]}`));
      out.push(`${this.name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`);
      out.push(`${this.name}_sum${labelText(s.labels)} ${s.sum}`);
      out.push(`${this.name}_count${labelText(s.labels)} ${s.count}`);
    }
    return out;
  }
}

/** The server's metrics, one registry per app. */
export class Metrics {
  readonly requests = new Counter('featurebook_http_requests_total', 'HTTP requests by route, method and status');
  readonly duration = new Histogram('featurebook_http_request_duration_seconds', 'HTTP request duration by route', [
    0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10,
  ]);
  readonly redisUp: Gauge;
  readonly publishes = new Counter('featurebook_publish_total', 'Published versions by project and outcome');
  readonly reloads = new Counter('featurebook_registry_reloads_total', 'Project versions loaded after a publish announcement');
  readonly materializedValues = new Counter('featurebook_materialized_values_total', 'Feature values written to the online store');
  readonly materializeSeconds = new Counter('featurebook_materialize_seconds_total', 'Time spent materializing, in seconds');
  readonly servedEntities = new Counter('featurebook_features_entities_total', 'Entities looked up by /v1/features');
  readonly missingEntities = new Counter('featurebook_features_missing_total', 'Entity lookups that found no value, by view');
  readonly predlogDropped = new Counter('featurebook_predlog_dropped_total', 'Prediction log entries not written, by reason');
  private readonly all: Metric[];

  constructor(redisUp: () => 0 | 1 | undefined = () => undefined) {
    this.redisUp = new Gauge('featurebook_redis_up', 'Whether Redis answers (1) or not (0)', () => {
      const v = redisUp();
      if (v !== undefined) this.redisUp.set({}, v);
    });
    this.all = [this.requests, this.duration, this.redisUp, this.publishes, this.reloads, this.materializedValues, this.materializeSeconds, this.servedEntities, this.missingEntities, this.predlogDropped];
  }

  /** The Prometheus text exposition of every metric with at least one series. */
  text(): string {
    const out: string[] = [];
    for (const m of this.all) {
      const lines = m.lines();
      if (lines.length) out.push(...m.header(), ...lines);
    }
    return out.join('\n') + '\n';
  }

  /** Middleware counting requests and their durations by route pattern (not raw path, to bound cardinality). */
  middleware(): MiddlewareHandler {
    // Label objects per (route, method[, status]), built once: this runs on every request.
    const byRoute = new Map<string, { labels: Labels; withStatus: Map<number, Labels> }>();
    return async (c, next) => {
      const t0 = performance.now();
      try {
        await next();
      } finally {
        const matched = c.finalized ? routePath(c, -1) : 'unmatched';
        const route = matched === '/*' || matched === '*' ? 'unmatched' : matched;
        const key = `${c.req.method} ${route}`;
        let e = byRoute.get(key);
        if (!e) byRoute.set(key, (e = { labels: { route, method: c.req.method }, withStatus: new Map() }));
        const status = c.res.status;
        let l = e.withStatus.get(status);
        if (!l) e.withStatus.set(status, (l = { ...e.labels, status: String(status) }));
        this.requests.inc(l);
        this.duration.observe(e.labels, (performance.now() - t0) / 1000);
      }
    };
  }
}
