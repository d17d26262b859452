import { chmodSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Write via a temp file in the same directory and rename, so readers never see a partial file.
 * A symlink is written through to its target (renaming over the link would replace it with a
 * copy and leave the target unfixed), and an existing file keeps its permission bits.
 */
export function writeFileAtomically(path: string, text: string): void {
  let target = path;
  let mode: number | undefined;
  try {
    target = realpathSync(path);
    mode = statSync(target).mode & 0o7777;
  } catch {
    // A new file (or a dangling link, written as a file where the link was).
  }
  const tmp = join(dirname(target), `.${basename(target)}.shipready-${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, target);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
}
