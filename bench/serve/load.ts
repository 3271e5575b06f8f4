/**
 * A small closed-loop HTTP load generator: N keep-alive connections over raw
 * sockets, one request in flight on each, for a fixed time. Raw sockets keep
 * the generator's own cost low (node's http client costs more than the
 * server being measured).
 */
import { connect, type Socket } from 'node:net';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50_ms: number;
  p90_ms: number;
  p99_ms: number;
  max_ms: number;
  /** Status codes other than 200, with counts. */
  statuses: Record<string, number>;
}

export function percentiles(samples: Float64Array, n: number) {
  const s = samples.slice(0, n).sort();
  const at = (q: number) => (n ? s[Math.min(n - 1, Math.floor(q * n))]! : NaN);
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: n ? s[n - 1]! : NaN };
}

class Conn {
  private buf: Buffer = Buffer.alloc(0);
  private pending: ((r: { status: number; body: Buffer }) => void) | undefined;
  private fail: ((e: Error) => void) | undefined;
  constructor(private readonly sock: Socket) {
    sock.setNoDelay(true);
    sock.on('data', (d) => this.onData(d));
    sock.on('error', (e) => this.fail?.(e));
    sock.on('close', () => this.fail?.(new Error('connection closed')));
  }
  static open(host: string, port: number): Promise<Conn> {
    return new Promise((done, fail) => {
      const s = connect(port, host, () => done(new Conn(s)));
      s.once('error', fail);
    });
  }
  request(raw: Buffer): Promise<{ status: number; body: Buffer }> {
    return new Promise((done, fail) => {
      this.pending = done;
      this.fail = fail;
      this.sock.write(raw);
    });
  }
  private onData(d: Buffer) {
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : (d as Buffer<ArrayBuffer>);
    const end = this.buf.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.buf.subarray(0, end).toString('latin1');
    const status = Number(head.slice(9, 12));
    const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (m) {
      const len = Number(m[1]);
      if (this.buf.length < end + 4 + len) return;
      const body = this.buf.subarray(end + 4, end + 4 + len);
      this.buf = this.buf.subarray(end + 4 + len);
      this.finish(status, body);
      return;
    }
    if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      // Decode chunks; wait for the terminating 0-size chunk.
      let i = end + 4;
      const parts: Buffer[] = [];
      for (;;) {
        const nl = this.buf.indexOf('\r\n', i);
        if (nl < 0) return;
        const size = parseInt(this.buf.subarray(i, nl).toString('latin1'), 16);
        if (this.buf.length < nl + 2 + size + 2) return;
        if (size === 0) {
          this.buf = this.buf.subarray(nl + 4);
          this.finish(status, Buffer.concat(parts));
          return;
        }
        parts.push(this.buf.subarray(nl + 2, nl + 2 + size));
        i = nl + 2 + size + 2;
      }
    }
    this.buf = this.buf.subarray(end + 4);
    this.finish(status, Buffer.alloc(0));
  }
  private finish(status: number, body: Buffer) {
    const p = this.pending;
    this.pending = undefined;
    this.fail = undefined;
    p?.(({ status, body }));
  }
  close() {
    this.sock.destroy();
  }
}

/** Builds raw POST requests with JSON bodies. */
export function postRequests(host: string, port: number, path: string, bodies: string[]): Buffer[] {
  return bodies.map((b) =>
    Buffer.from(`POST ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(b)}\r\nConnection: keep-alive\r\n\r\n${b}`),
  );
}

/** Runs `connections` closed loops for `seconds`, cycling through `requests`. */
export async function runHttpLoad(opts: { host: string; port: number; requests: Buffer[]; connections: number; seconds: number; check?: (status: number, body: Buffer) => boolean }): Promise<LoadResult> {
  const conns = await Promise.all(Array.from({ length: opts.connections }, () => Conn.open(opts.host, opts.port)));
  return closedLoop(opts.connections, opts.seconds, async (worker, i) => {
    const r = await conns[worker]!.request(opts.requests[i % opts.requests.length]!);
    return r.status === 200 && (!opts.check || opts.check(r.status, r.body)) ? 200 : r.status;
  }).finally(() => conns.forEach((c) => c.close()));
}

/**
 * An open loop: requests at a fixed total `rate` spread over `connections`
 * (each with one request in flight), so latency is measured at a known load
 * rather than at saturation. Latency counts from the actual send; a request
 * that comes due while the previous one on its connection is still out is
 * sent late (the report's `rps` shows the rate achieved).
 */
export async function runPacedHttpLoad(opts: { host: string; port: number; requests: Buffer[]; rate: number; seconds: number }): Promise<LoadResult> {
  // Keep each connection's interval at 4 ms or more: timers are not precise below a millisecond.
  const connections = Math.max(2, Math.ceil((opts.rate * 4) / 1000));
  const interval = (1000 * connections) / opts.rate;
  const conns = await Promise.all(Array.from({ length: connections }, () => Conn.open(opts.host, opts.port)));
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const started = performance.now();
  return closedLoop(connections, opts.seconds, async (w, i, sentAt) => {
    const k = Math.floor(i / connections);
    const due = started + (w * interval) / connections + k * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    sentAt(performance.now());
    const r = await conns[w]!.request(opts.requests[i % opts.requests.length]!);
    return r.status;
  }, true).finally(() => conns.forEach((c) => c.close()));
}

/** The same closed loop for any async call returning a status (200 = ok). */
export async function closedLoop(workers: number, seconds: number, call: (worker: number, i: number, sentAt: (t: number) => void) => Promise<number>, paced = false): Promise<LoadResult> {
  const cap = 2_000_000;
  const samples = new Float64Array(cap);
  let n = 0;
  let errors = 0;
  let seq = 0;
  const statuses: Record<string, number> = {};
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      let own = 0;
      while (performance.now() < until) {
        // Paced loops number requests per worker (so each knows its schedule) and time only the request itself.
        const i = paced ? own++ * workers + w : seq++;
        let s = performance.now();
        let status: number;
        try {
          status = await call(w, i, (t) => (s = t));
        } catch {
          status = 0;
        }
        const ms = performance.now() - s;
        if (status !== 200) {
          errors++;
          statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
        }
        if (n < cap) samples[n++] = ms;
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  const p = percentiles(samples, n);
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return { requests: n, errors, seconds: r3(secs), rps: Math.round(n / secs), p50_ms: r3(p.p50), p90_ms: r3(p.p90), p99_ms: r3(p.p99), max_ms: r3(p.max), statuses };
}
