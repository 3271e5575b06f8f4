/**
 * `featurebook serve` as a real child process (from the sources, through
 * tsx) on a free loopback port: started, stopped (SIGTERM) or killed
 * (SIGKILL) by pid, and called over HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const root = new URL('../..', import.meta.url).pathname;

export interface ServerProc {
  child: ChildProcess;
  url: string;
  /** stdout and stderr so far. */
  out: string;
}

/** Starts `serve --port 0` and resolves once it listens (its URL read from its output). */
export function startServerProcess(opts: { redisUrl: string; dataRoot: string; token?: string; args?: string[] }): Promise<ServerProc> {
  const args = ['--import', 'tsx', 'server/main.ts', 'serve', '--port', '0', '--host', '127.0.0.1', '--redis', opts.redisUrl, '--data-root', opts.dataRoot, ...(opts.args ?? [])];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...(opts.token !== undefined ? { FEATUREBOOK_TOKEN: opts.token } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const p: ServerProc = { child, url: '', out: '' };
  const reap = () => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL');
  process.once('exit', reap);
  child.once('exit', () => process.off('exit', reap));
  return new Promise((done, fail) => {
    const t = setTimeout(() => fail(new Error(`server did not start:\n${p.out}`)), 30_000);
    const onData = (d: Buffer) => {
      p.out += d;
      const m = /listening on (http:\/\/\S+)/.exec(p.out);
      if (m && !p.url) {
        p.url = m[1]!;
        clearTimeout(t);
        done(p);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(t);
      if (!p.url) fail(new Error(`server exited with ${code}:\n${p.out}`));
    });
  });
}

/** SIGTERM, SIGKILL after 5 s; resolves with the exit code. */
export function stopServerProcess(p: ServerProc | undefined): Promise<number | null> {
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return Promise.resolve(p?.child.exitCode ?? null);
  return new Promise((done) => {
    const t = setTimeout(() => p.child.kill('SIGKILL'), 5000);
    p.child.once('exit', (code) => {
      clearTimeout(t);
      done(code);
    });
    p.child.kill('SIGTERM');
  });
}

/** SIGKILL (a crash: no cleanup of any kind) and wait for the exit. */
export function killServerProcess(p: ServerProc): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    p.child.once('exit', () => done());
    p.child.kill('SIGKILL');
  });
}

/** One HTTP call; the body parsed as JSON when it is JSON. */
export async function call(base: string, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const r = await fetch(base + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await r.text();
  let json: any = text;
  try {
    json = JSON.parse(text);
  } catch {
    /* text */
  }
  return { status: r.status, body: json };
}
