/**
 * The reader-wide cap on captured file contents (MAX_TOTAL_CAPTURE). Space is reserved when an
 * entry starts, so nothing is buffered that would not fit; when an important file (accounts,
 * packages...) needs room, secret candidates captured earlier are dropped first.
 */
import { MAX_TOTAL_CAPTURE, type CaptureReason } from './capture.js';

interface Held {
  map: Map<string, Buffer>;
  path: string;
  data: Buffer;
}

export class CaptureBudget {
  used = 0;
  private readonly secrets: Held[] = [];

  constructor(readonly max = MAX_TOTAL_CAPTURE) {}

  /** Reserves `size` bytes for a capture of `reason`; false when it cannot fit. */
  reserve(size: number, reason: CaptureReason): boolean {
    if (this.used + size <= this.max) {
      this.used += size;
      return true;
    }
    if (reason === 'secret-candidate') return false;
    while (this.used + size > this.max && this.secrets.length) {
      const s = this.secrets.pop()!;
      if (s.map.get(s.path) === s.data) this.release(s.map, s.path);
    }
    if (this.used + size > this.max) return false;
    this.used += size;
    return true;
  }

  /** Records a completed capture (its bytes were reserved). */
  hold(map: Map<string, Buffer>, path: string, data: Buffer, reason: CaptureReason): void {
    map.set(path, data);
    if (reason === 'secret-candidate') this.secrets.push({ map, path, data });
  }

  /** Drops a capture and returns its bytes to the pool. */
  release(map: Map<string, Buffer>, path: string): void {
    const data = map.get(path);
    if (!data) return;
    map.delete(path);
    this.used -= data.length;
  }

  /** Returns a reservation that never turned into a capture. */
  unreserve(size: number): void {
    this.used -= size;
  }
}
