/**
 * Puts the app on a port with @hono/node-server.
 * @module
 */
import { serve, type ServerType } from '@hono/node-server';
import { createApp, type AppOptions, type FeaturebookApp } from './app.js';

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
export async function startServer(opts: AppOptions & { host: string; port: number }): Promise<RunningServer> {
  const { host, port: wanted, ...appOptions } = opts;
  const fb = await createApp({ listenHost: host, ...appOptions });
  let server: ServerType;
  const port = await new Promise<number>((done, fail) => {
    server = serve({ fetch: fb.fetch, port: wanted, hostname: host }, (info) => done(info.port));
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
