/**
 * A real redis-server per test file: on a free loopback port, in a temp
 * folder, with persistence off; stopped (and restartable on the same port)
 * by pid. Runs scripts/ensure-redis.sh first when redis-server is missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/** A free TCP port on 127.0.0.1 (the OS picks one; a tiny race remains, as always). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

function ensureRedis() {
  const have = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  if (have.status === 0) return;
  const r = spawnSync('bash', [join(root, 'scripts/ensure-redis.sh')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('redis-server is missing and could not be installed (scripts/ensure-redis.sh)');
}

function waitForPort(port: number, ms: number): Promise<void> {
  const until = Date.now() + ms;
  return new Promise((done, fail) => {
    const attempt = () => {
      const sock = connect(port, '127.0.0.1');
      sock.once('connect', () => {
        sock.destroy();
        done();
      });
      sock.once('error', () => {
        sock.destroy();
        if (Date.now() > until) fail(new Error(`redis-server did not listen on ${port} within ${ms} ms`));
        else setTimeout(attempt, 25);
      });
    };
    attempt();
  });
}

export class RedisHarness {
  readonly dir: string;
  port = 0;
  private proc: ChildProcess | undefined;
  private log = '';

  private constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'featurebook-redis-'));
  }

  /** Starts a redis-server on a free port. */
  static async start(): Promise<RedisHarness> {
    ensureRedis();
    const h = new RedisHarness();
    h.port = await freePort();
    await h.spawn();
    return h;
  }

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  get pid() {
    return this.proc?.pid;
  }

  /** Extra redis-server arguments for the next start (e.g. `['--maxmemory', '4mb']`). */
  extraArgs: string[] = [];

  private async spawn() {
    const p = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir, '--protected-mode', 'yes', '--loglevel', 'warning', ...this.extraArgs],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    p.stdout!.on('data', (d) => (this.log += d));
    p.stderr!.on('data', (d) => (this.log += d));
    // If this process ends without stop() (a crash, an uncaught error), take the server down with it.
    const reap = () => {
      if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    };
    process.once('exit', reap);
    p.once('exit', () => process.off('exit', reap));
    this.proc = p;
    try {
      await waitForPort(this.port, 5000);
    } catch (e) {
      throw new Error(`${(e as Error).message}\n${this.log}`);
    }
  }

  /** Stops the server (SIGTERM by pid, SIGKILL after 3 s) and waits for it to exit. */
  async stop(): Promise<void> {
    const p = this.proc;
    this.proc = undefined;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    await new Promise<void>((done) => {
      const t = setTimeout(() => p.kill('SIGKILL'), 3000);
      p.once('exit', () => {
        clearTimeout(t);
        done();
      });
      p.kill('SIGTERM');
    });
  }

  /** Kills the server with SIGKILL (no shutdown, as in a crash) and waits for it to exit. */
  async kill(): Promise<void> {
    const p = this.proc;
    this.proc = undefined;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    await new Promise<void>((done) => {
      p.once('exit', () => done());
      p.kill('SIGKILL');
    });
  }

  /** Starts it again on the same port after `stop()` or `kill()` (empty: persistence is off). */
  async start(): Promise<void> {
    if (this.proc) throw new Error('redis-server is running already');
    await this.spawn();
  }

  /** Starts it again on the same port (empty: persistence is off). */
  async restart(): Promise<void> {
    await this.stop();
    await this.spawn();
  }

  async cleanup(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
