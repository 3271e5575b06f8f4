/**
 * Pieces the TypeScript benchmarks share: the machine description every
 * result file starts with, and a `featurebook serve` child process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';

const root = new URL('..', import.meta.url).pathname;

/** CPU model, cores, memory, OS and Node version, as recorded in bench/results. */
export function machineBasics() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memory_gib: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

/**
 * Starts `featurebook serve` from source on a free port of `host`, with
 * `token` for the protected routes; resolves with the child (stop it by pid)
 * and its port once it says it is listening.
 */
export function startServe(opts: { redisUrl: string; dataRoot: string; token: string; host?: string; echoStderr?: boolean }): Promise<{ child: ChildProcess; port: number }> {
  const args = ['--import', 'tsx', 'server/main.ts', 'serve', '--port', '0', '--host', opts.host ?? '127.0.0.1', '--redis', opts.redisUrl, '--data-root', opts.dataRoot];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, FEATUREBOOK_TOKEN: opts.token, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((done, fail) => {
    const t = setTimeout(() => fail(new Error(`server did not start:\n${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(t);
        done({ child, port: Number(m[1]) });
      }
    });
    child.stderr!.on('data', (d: Buffer) => {
      out += d;
      if (opts.echoStderr) process.stderr.write(d);
    });
    child.once('exit', (c) => fail(new Error(`server exited (${c}):\n${out}`)));
  });
}
