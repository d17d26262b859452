/**
 * Fingerprints identify findings in stored baselines, so their definition must not drift:
 * fnv1a64(`${ruleId}\0${file}\0${normalised snippet}\0${occurrence}`). Fingerprinter computes it
 * incrementally (a cached prefix per file and rule); it must give exactly that value.
 */
import { describe, expect, it } from 'vitest';
import { fnv1a64, Fingerprinter } from '../../src/engine/fingerprint.js';

describe('fingerprints', () => {
  it('keep their published definition (FNV-1a in two lanes, 16 hex digits)', () => {
    expect(fnv1a64('')).toBe('811c9dc5cbf29ce4');
    expect(new Fingerprinter().make('DF007', 'Dockerfile', 'node:latest')).toBe('b4f2ce6bd5a18930');
  });

  it('equal the one-string definition across interleaved rules and files, counting repeats per rule and file', () => {
    const fp = new Fingerprinter();
    const seen = new Map<string, number>();
    const calls: Array<[string, string, string]> = [
      ['DF007', 'Dockerfile', 'node:latest'],
      ['DF007', 'Dockerfile', 'node:latest'],
      ['DF010', 'Dockerfile', 'apt-get install curl'],
      ['DF007', 'svc/Dockerfile', 'node:latest'],
      ['DF007', 'Dockerfile', 'node:latest'],
      ['DF010', 'Dockerfile', 'apt-get   install\n\tcurl '],
      ['DF010', 'svc/Dockerfile', 'apt-get install curl'],
    ];
    for (const [rule, file, snippet] of calls) {
      const norm = snippet.replace(/\s+/g, ' ').trim();
      const key = `${rule}\0${file}\0${norm}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      expect(fp.make(rule, file, snippet)).toBe(fnv1a64(`${key}\0${n}`));
    }
    // The whitespace-only variant counted as a repeat of the same snippet (occurrence 1).
    expect(seen.get('DF010\0Dockerfile\0apt-get install curl')).toBe(2);
  });
});
