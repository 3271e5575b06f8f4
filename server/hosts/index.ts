/**
 * The Host check: a request whose `Host` header is not one of the server's
 * names is refused with 421 `host_not_allowed` before the app sees it. A
 * browser page on another site that makes its own name resolve to this
 * machine (DNS rebinding) sends that name as `Host`, so it cannot reach the
 * API even on loopback.
 *
 * Allowed by default: `127.0.0.1`, `localhost`, `[::1]` and the host the
 * server is bound to, each bare or with the server's port; when bound to
 * every interface (`0.0.0.0`, `::`), also the machine's host name and
 * interface addresses. `--allowed-hosts` / `FEATUREBOOK_ALLOWED_HOSTS` adds
 * names (comma-separated; `name` matches any port, `name:port` one port);
 * `*` turns the check off.
 * @module
 */
import { hostname, networkInterfaces } from 'node:os';
import { ApiError } from '../errors/index.js';

const WILDCARD = new Set(['0.0.0.0', '::', '[::]', '']);

/** A host name as compared: lower case, IPv6 in brackets, no trailing dot. */
function canonical(name: string): string {
  const n = name.trim().toLowerCase().replace(/\.$/, '');
  return n.includes(':') && !n.startsWith('[') ? `[${n}]` : n;
}

/** Splits a `Host` value into name and port (undefined when it has none); undefined when it is malformed. */
export function parseHost(value: string): { name: string; port: string | undefined } | undefined {
  const v = value.trim().toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]\s/@]+)(?::(\d{1,5}))?$/.exec(v);
  if (!m) return undefined;
  return { name: m[1]!.replace(/\.$/, ''), port: m[2] };
}

export class HostCheck {
  /** name → allowed ports (undefined: any port). */
  private readonly names = new Map<string, Set<string> | undefined>();
  readonly off: boolean;

  /**
   * @example
   * ```ts
   * const hosts = new HostCheck({ host: '127.0.0.1', port: 8787, extra: ['features.internal'] })
   * hosts.allows('localhost:8787') // true
   * hosts.allows('evil.example:8787') // false
   * ```
   */
  constructor(opts: { host: string; port: number; extra?: readonly string[] }) {
    const extra = (opts.extra ?? []).map((x) => x.trim()).filter(Boolean);
    this.off = extra.includes('*');
    const port = String(opts.port);
    const local = ['127.0.0.1', 'localhost', '[::1]'];
    if (WILDCARD.has(opts.host.trim())) {
      local.push(hostname());
      for (const addrs of Object.values(networkInterfaces())) for (const a of addrs ?? []) local.push(a.address);
    } else local.push(opts.host);
    for (const n of local) this.add(canonical(n), port);
    for (const x of extra) {
      const h = parseHost(x);
      if (h) this.add(h.name, h.port);
      else if (x !== '*') throw new Error(`--allowed-hosts: '${x}' is not a host name (use e.g. features.internal or features.internal:8787)`);
    }
  }

  private add(name: string, port: string | undefined) {
    if (this.names.has(name) && this.names.get(name) === undefined) return;
    if (port === undefined) this.names.set(name, undefined);
    else this.names.set(name, new Set([...(this.names.get(name) ?? []), port]));
  }

  /** Whether a request with this `Host` header may be served (none at all: yes, no browser sends that). */
  allows(header: string | undefined): boolean {
    if (this.off || header === undefined) return true;
    const h = parseHost(header);
    if (!h || !this.names.has(h.name)) return false;
    const ports = this.names.get(h.name);
    return ports === undefined || h.port === undefined || ports.has(h.port);
  }

  /** The 421 answer for a refused `Host`. */
  refusal(header: string): ApiError {
    const names = [...this.names.keys()].slice(0, 6).join(', ');
    return new ApiError(
      421,
      'host_not_allowed',
      `Host '${header.slice(0, 100)}' is not one of this server's names (${names}${this.names.size > 6 ? ', …' : ''}); if clients reach it by that name, start it with --allowed-hosts NAME (or FEATUREBOOK_ALLOWED_HOSTS)`,
      { field: 'Host' },
    );
  }
}
