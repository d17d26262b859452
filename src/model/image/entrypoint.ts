/**
 * Which files the config's ENTRYPOINT / CMD run, so the reader keeps their contents for the
 * entrypoint rules. A heuristic on the raw config: the program itself, absolute-path arguments
 * (`sh /app/start.sh`), and the first word of a `sh -c` script; relative paths with a slash resolve
 * against WorkingDir, bare names (PATH lookups) are skipped.
 */
import { normalizeLayerPath } from './paths.js';

const SHELLS = /(^|\/)(sh|bash|ash|dash|zsh)$/;

function strings(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return v as string[];
  return undefined;
}

export function entrypointPathsFromConfig(configJson: unknown): string[] {
  if (!configJson || typeof configJson !== 'object') return [];
  const cfg = (configJson as Record<string, unknown>).config;
  if (!cfg || typeof cfg !== 'object') return [];
  const c = cfg as Record<string, unknown>;
  const workdir = typeof c.WorkingDir === 'string' && c.WorkingDir ? c.WorkingDir : '/';
  const out = new Set<string>();
  const add = (word: string | undefined) => {
    if (!word || !word.includes('/')) return;
    out.add(normalizeLayerPath(word.startsWith('/') ? word : `${workdir}/${word}`));
  };
  // Entrypoint and Cmd both: with an entrypoint script, Cmd is often the program it execs.
  for (const argv of [strings(c.Entrypoint) ?? [], strings(c.Cmd) ?? []]) {
    add(argv[0]);
    argv.slice(1, 8).forEach((a) => { if (a.startsWith('/') && !/\s/.test(a)) add(a); });
    const dashC = argv.indexOf('-c');
    if (SHELLS.test(argv[0] ?? '') && dashC > 0 && argv[dashC + 1]) add(argv[dashC + 1].trim().replace(/^exec\s+/, '').split(/\s+/)[0]);
  }
  return [...out];
}
