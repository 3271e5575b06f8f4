/**
 * A one-line progress indicator for long work on a terminal: a spinner,
 * elapsed time and, when DuckDB reports it, the percentage done.
 * Off the terminal (pipes, CI) it prints nothing.
 */
import type { NodeEngine } from '../engine/node.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export class Progress {
  private timer: ReturnType<typeof setInterval> | undefined;
  private t0 = 0;
  private frame = 0;
  private label = '';

  constructor(
    private readonly enabled: boolean,
    private readonly write: (s: string) => void,
    private readonly engine?: NodeEngine,
  ) {}

  start(label: string) {
    if (!this.enabled) return;
    this.label = label;
    this.t0 = performance.now();
    void this.engine?.exec('SET enable_progress_bar = true; SET enable_progress_bar_print = false').catch(() => {});
    this.timer = setInterval(() => this.draw(), 120);
    this.timer.unref?.();
  }

  private draw() {
    const secs = ((performance.now() - this.t0) / 1000).toFixed(1);
    let pct = '';
    try {
      const p = this.engine?.connection.progress;
      if (p && p.percentage >= 0) pct = ` ${p.percentage.toFixed(0)}%`;
    } catch {
      // progress is best-effort
    }
    this.write(`\r${FRAMES[this.frame++ % FRAMES.length]} ${this.label}${pct} ${secs}s\x1b[K`);
  }

  stop() {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.write('\r\x1b[K');
  }
}
