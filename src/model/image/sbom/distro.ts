/** The distribution named by os-release (`/etc/os-release`, else `/usr/lib/os-release`). */
import { readFile } from '../fs.js';
import type { ImageModel } from '../types.js';
import type { Distro } from './types.js';

/** os-release is shell-style `KEY=value` with optional quotes. */
export function parseOsRelease(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const m = /^\s*([A-Z0-9_]+)=(.*)$/.exec(raw);
    if (!m) continue;
    let value = m[2].trim();
    const q = value[0];
    if ((q === '"' || q === "'") && value.endsWith(q) && value.length >= 2) value = value.slice(1, -1);
    out[m[1]] = value.replace(/\\(["'$`\\])/g, '$1');
  }
  return out;
}

export function detectDistro(model: Pick<ImageModel, 'files' | 'contents'>): Distro | undefined {
  const bytes = readFile(model, '/etc/os-release') ?? readFile(model, '/usr/lib/os-release');
  if (!bytes) return undefined;
  const fields = parseOsRelease(bytes.toString('utf8'));
  if (!fields.ID) return undefined;
  return { id: fields.ID.toLowerCase(), versionId: fields.VERSION_ID ?? '', prettyName: fields.PRETTY_NAME ?? fields.NAME ?? fields.ID };
}
