// Timing and memory helpers for the image benchmark: wall time of a child process from spawn to
// exit, and its peak resident set size from a --require hook (bench/maxrss.cjs).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs a command once; returns seconds, exit status, peak RSS in MB (when the hook reported it) and output. */
export function timed(cmd, args, { capture = false, cwd } = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /@@MAXRSS (\d+)/.exec(r.stderr ?? '');
  return { seconds, status: r.status, signal: r.signal, peakMB: m ? Number(m[1]) / 1024 : null, stdout: r.stdout ?? '', stderr: (r.stderr ?? '').replace(/\n?@@MAXRSS \d+\n?/, ''), error: r.error };
}

/**
 * Runs each named command `warmup + runs` times, round by round with a rotating order (so slow
 * drift of the machine hits all of them alike); returns per command the timed seconds and peak RSS.
 */
export function interleave(commands, runs, warmup) {
  const out = Object.fromEntries(commands.map((c) => [c.id, { seconds: [], peakMB: [] }]));
  for (let round = 0; round < warmup + runs; round++) {
    for (let k = 0; k < commands.length; k++) {
      const c = commands[(k + round) % commands.length];
      const r = timed(c.cmd, c.args);
      if (r.status !== 0 && !(c.okStatus ?? [0]).includes(r.status)) throw new Error(`${c.id}: exit ${r.status ?? r.signal}: ${r.stderr.trim().split('\n').slice(-2).join(' / ')}`);
      if (round >= warmup) {
        out[c.id].seconds.push(r.seconds);
        if (r.peakMB !== null) out[c.id].peakMB.push(r.peakMB);
      }
    }
  }
  return out;
}

/** Layer blobs of an OCI layout directory, in manifest order, for the chosen (first) manifest. */
export function ociLayers(layoutDir) {
  const blob = (digest) => join(layoutDir, 'blobs', ...digest.split(':'));
  const index = JSON.parse(readFileSync(join(layoutDir, 'index.json'), 'utf8'));
  let manifest = JSON.parse(readFileSync(blob(index.manifests[0].digest), 'utf8'));
  // A nested index (multi-platform): take its first manifest, as the reader's default does for amd64 images.
  if (manifest.manifests) manifest = JSON.parse(readFileSync(blob(manifest.manifests[0].digest), 'utf8'));
  return manifest.layers.map((l) => ({ path: blob(l.digest), mediaType: l.mediaType, size: l.size }));
}
