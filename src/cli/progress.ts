/**
 * A one-line progress bar for long image reads, drawn on stderr only when it is a terminal
 * (a pipe or a CI log gets nothing: no stray carriage returns in captured output).
 */
import { formatBytes } from '../model/image/summary.js';

/** What the bar needs of a stream; `process.stderr` fits. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

export interface Progress {
  /** Bytes done so far (absolute, not a delta). */
  update(done: number): void;
  /** Clears the line if anything was drawn; later calls do nothing. */
  done(): void;
}

export interface ProgressOptions {
  /** Milliseconds clock (tests pass a fake one). */
  now?: () => number;
  /** Minimum time between redraws: 100 ms keeps it at 10 redraws a second at most. */
  intervalMs?: number;
}

const CLEAR_LINE = '\r\x1b[K';
const BAR_CELLS = 24;

/** Terminal control characters in the label (a file name) would move the cursor: drop them. */
function plain(s: string): string {
  return s.replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '?');
}

function fit(s: string, width: number): string {
  const chars = [...s];
  return chars.length <= width ? s : `…${chars.slice(chars.length - width + 1).join('')}`;
}

export function createProgress(stream: ProgressStream, total: number, label: string, opts: ProgressOptions = {}): Progress {
  if (!stream.isTTY) return { update() {}, done() {} };
  const now = opts.now ?? Date.now;
  const interval = opts.intervalMs ?? 100;
  const start = now();
  let lastDraw = -Infinity;
  let drawn = false;
  let finished = false;

  const line = (done: number, t: number): string => {
    const secs = (t - start) / 1000;
    const rate = secs > 0 ? `${formatBytes(Math.round(done / secs))}/s` : '';
    let stats: string;
    let bar = '';
    if (total > 0) {
      const ratio = Math.min(1, Math.max(0, done / total));
      const full = Math.round(ratio * BAR_CELLS);
      bar = `[${'#'.repeat(full)}${'-'.repeat(BAR_CELLS - full)}] `;
      stats = `${String(Math.floor(ratio * 100)).padStart(3)}% ${formatBytes(done)} / ${formatBytes(total)}`;
    } else {
      stats = formatBytes(done); // size unknown (stdin): bytes and rate only
    }
    const tail = `${bar}${stats}${rate ? `  ${rate}` : ''}`;
    const columns = stream.columns && stream.columns > 0 ? stream.columns : 80;
    // One cell short of the width so the terminal never wraps to a second line.
    const room = columns - 1 - tail.length - 1;
    const name = room >= 4 ? `${fit(plain(label), room)} ` : '';
    return `${name}${tail}`.slice(0, columns - 1);
  };

  return {
    update(done: number) {
      if (finished) return;
      const t = now();
      if (t - lastDraw < interval) return;
      lastDraw = t;
      drawn = true;
      stream.write(`${CLEAR_LINE}${line(done, t)}`);
    },
    done() {
      if (finished) return;
      finished = true;
      if (drawn) stream.write(CLEAR_LINE);
    },
  };
}
