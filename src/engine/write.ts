import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Write via a temp file in the same directory and rename, so readers never see a partial file. */
export function writeFileAtomically(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.shipready-${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
}
