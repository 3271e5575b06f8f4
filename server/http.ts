/**
 * Puts the app on a port with @hono/node-server.
 * @module
 */
import type { IncomingMessage } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, type AppOptions, type FeaturebookApp } from './app.js';
import { SECURITY_HEADERS } from './auth/index.js';
import { HostCheck } from './hosts/index.js';

export class ListenError extends Error {}

export interface RunningServer {
  url: string;
  port: number;
  app: FeaturebookApp;
  close(): Promise<void>;
}

/**
 * Starts the HTTP server; resolves once it listens (port 0 picks a free port).
 *
 * @example
 * ```ts
 * const s = await startServer({ host: '127.0.0.1', port: 0, redisUrl })
 * await fetch(`${s.url}/health`)
 * await s.close()
 * ```
 */
export async function startServer(opts: AppOptions & { host: string; port: number; allowedHosts?: readonly string[] }): Promise<RunningServer> {
  const { host, port: wanted, allowedHosts, ...appOptions } = opts;
  const extra = allowedHosts ?? (process.env.FEATUREBOOK_ALLOWED_HOSTS ?? '').split(',');
  new HostCheck({ host, port: wanted, extra }); // a bad name fails here, before anything starts
  const fb = await createApp({ listenHost: host, ...appOptions });
  let server: ServerType;
  // Set once listening (the port is known then); every request is checked against it first.
  let hosts: HostCheck | undefined;
  const fetch: typeof fb.fetch = (req, env, ...rest) => {
    const header = (env as { incoming?: IncomingMessage } | undefined)?.incoming?.headers.host;
    if (hosts && !hosts.allows(header)) {
      const err = hosts.refusal(header!);
      return new Response(JSON.stringify(err.body()), { status: 421, headers: { ...SECURITY_HEADERS, 'Content-Type': 'application/json' } });
    }
    return fb.fetch(req, env, ...rest);
  };
  const port = await new Promise<number>((done, fail) => {
    server = serve({ fetch, port: wanted, hostname: host }, (info) => {
      hosts = new HostCheck({ host, port: info.port, extra });
      done(info.port);
    });
    server.once('error', (e) => fail(e));
  }).catch(async (e) => {
    await fb.close();
    const code = (e as NodeJS.ErrnoException).code;
    throw new ListenError(code === 'EADDRINUSE' ? `port ${wanted} on ${host} is in use` : code === 'EADDRNOTAVAIL' ? `cannot listen on ${host}` : (e as Error).message);
  });
  const h = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${h}:${port}`,
    port,
    app: fb,
    async close() {
      await new Promise<void>((done) => {
        server.close(() => done());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await fb.close();
    },
  };
}
