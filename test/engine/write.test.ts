import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../src/engine/write.js';

const dir = () => mkdtempSync(join(tmpdir(), 'shipready-write-'));

describe('writeFileAtomically', () => {
  it('writes through a symlink to its target and keeps the link', () => {
    const d = dir();
    mkdirSync(join(d, 'docker'));
    writeFileSync(join(d, 'docker/Dockerfile.prod'), 'old\n');
    symlinkSync('docker/Dockerfile.prod', join(d, 'Dockerfile'));
    writeFileAtomically(join(d, 'Dockerfile'), 'new\n');
    expect(lstatSync(join(d, 'Dockerfile')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(d, 'Dockerfile'))).toBe('docker/Dockerfile.prod');
    expect(readFileSync(join(d, 'docker/Dockerfile.prod'), 'utf8')).toBe('new\n');
    // No temp file left behind, next to the link or the target.
    expect(readdirSync(d).sort()).toEqual(['Dockerfile', 'docker']);
    expect(readdirSync(join(d, 'docker'))).toEqual(['Dockerfile.prod']);
  });

  it('keeps the permission bits of the file it replaces', () => {
    const d = dir();
    for (const mode of [0o600, 0o755, 0o640]) {
      const p = join(d, `f${mode.toString(8)}`);
      writeFileSync(p, 'old\n', { mode });
      writeFileAtomically(p, 'new\n');
      expect(statSync(p).mode & 0o7777).toBe(mode);
      expect(readFileSync(p, 'utf8')).toBe('new\n');
    }
  });

  it('creates a file that does not exist yet', () => {
    const d = dir();
    writeFileAtomically(join(d, 'out.json'), '{}\n');
    expect(readFileSync(join(d, 'out.json'), 'utf8')).toBe('{}\n');
    expect(readdirSync(d)).toEqual(['out.json']);
  });
});
