import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

/** A stand-in for process.stderr that records what is written. */
function fakeStream(isTTY: boolean, columns = 100) {
  const writes: string[] = [];
  return { isTTY, columns, writes, write: (s: string) => writes.push(s) > 0 };
}

/** A clock the test moves by hand. */
function fakeClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => { t += ms; } };
}

const CLEAR = '\r\x1b[K';

describe('createProgress', () => {
  it('writes nothing at all when the stream is not a terminal', () => {
    const s = fakeStream(false);
    const p = createProgress(s, 1000, 'app.tar');
    p.update(10);
    p.update(1000);
    p.done();
    expect(s.writes).toEqual([]);
  });

  it('draws one line with label, bar, percent, bytes and rate, then clears it', () => {
    const s = fakeStream(true);
    const clock = fakeClock();
    const p = createProgress(s, 4_000_000, 'app.tar', { now: clock.now });
    clock.advance(2000);
    p.update(1_000_000);
    expect(s.writes).toHaveLength(1);
    const line = s.writes[0];
    expect(line.startsWith(CLEAR)).toBe(true);
    expect(line).not.toContain('\n');
    expect(line).toContain('app.tar');
    expect(line).toContain(' 25% 1.0 MB / 4.0 MB');
    expect(line).toContain('  500 kB/s'); // 1 MB in 2 s
    expect(line).toMatch(/\[#{6}-{18}\]/); // a quarter of 24 cells
    p.done();
    expect(s.writes.at(-1)).toBe(CLEAR);
    // Finished: later calls change nothing.
    p.update(4_000_000);
    p.done();
    expect(s.writes).toHaveLength(2);
  });

  it('redraws at most ten times a second', () => {
    const s = fakeStream(true);
    const clock = fakeClock();
    const p = createProgress(s, 1000, 'img', { now: clock.now });
    for (let i = 1; i <= 100; i++) {
      clock.advance(10); // 100 updates over one second
      p.update(i * 10);
    }
    expect(s.writes.length).toBeGreaterThanOrEqual(9);
    expect(s.writes.length).toBeLessThanOrEqual(10);
    // Draws at 10 ms, 110 ms, ... 910 ms: the last one shows 910 of 1000 bytes.
    expect(s.writes.at(-1)).toContain(' 91% 910 B / 1.0 kB');
  });

  it('clears nothing when nothing was drawn', () => {
    const s = fakeStream(true);
    createProgress(s, 1000, 'img').done();
    expect(s.writes).toEqual([]);
  });

  it('shows bytes and rate only when the total is unknown (stdin)', () => {
    const s = fakeStream(true);
    const clock = fakeClock();
    const p = createProgress(s, 0, '-', { now: clock.now });
    clock.advance(1000);
    p.update(3_000_000);
    expect(s.writes[0]).toBe(`${CLEAR}- 3.0 MB  3.0 MB/s`);
  });

  it('fits the terminal width, cutting the label from the left, and drops control characters from it', () => {
    const s = fakeStream(true, 80);
    const clock = fakeClock();
    const p = createProgress(s, 100, `/very/long/path/${'x'.repeat(80)}/\x1b[2Jimage.tar`, { now: clock.now });
    clock.advance(500);
    p.update(50);
    const line = s.writes[0].slice(CLEAR.length);
    expect([...line].length).toBeLessThan(80);
    expect(line).not.toContain('\x1b');
    expect(line).toMatch(/^….*\?\[2Jimage\.tar \[/);
    expect(line).toContain(' 50% 50 B / 100 B');
  });
});
