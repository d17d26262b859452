import type { Instruction, Word } from '../../model/dockerfile/types.js';
import type { Command } from '../../model/shell/types.js';
import { defineRule } from '../types.js';
import { commandsIn } from '../helpers/dockerfile.js';

// Tarballs that ADD unpacks by itself (plain, gzip, bzip2, xz). A bare .gz or .zip is not unpacked by ADD.
const TARBALL = ['.tar', '.tar.gz', '.tgz', '.tar.bz2', '.tbz', '.tbz2', '.tb2', '.tar.xz', '.txz'];
const DECOMPRESSORS = new Set(['gunzip', 'bunzip2', 'unxz', 'zcat', 'gzcat', 'bzcat', 'xzcat']);
const COMPRESSORS = new Set(['gzip', 'bzip2', 'xz']);
const SHORT_DECOMPRESS = /^-[a-zA-Z0-9]*d/;
const OLD_STYLE_EXTRACT = /^[a-zA-Z]*x[a-zA-Z]*$/;

function fileName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i >= 0 ? path.slice(i + 1) : path;
}

function isTarball(name: string): boolean {
  const lower = name.toLowerCase();
  for (const ext of TARBALL) if (lower.endsWith(ext) && lower.length > ext.length) return true;
  return false;
}

/** The tarball name of a path (its file name), or undefined. */
function tarballName(path: string): string | undefined {
  const name = fileName(path);
  return isTarball(name) ? name : undefined;
}

/** Does the command unpack its file arguments (tar -x, gunzip, xz -d, ...)? */
function extracts(cmd: Command): boolean {
  const name = cmd.base;
  if (DECOMPRESSORS.has(name)) return true;
  const args = cmd.args;
  if (COMPRESSORS.has(name)) {
    for (const a of args) if (a.value === '--decompress' || SHORT_DECOMPRESS.test(a.value)) return true;
    return false;
  }
  if (name !== 'tar') return false;
  // Old-style `tar xzf file` bundles the operation in the first word without a dash.
  if (args.length > 0 && OLD_STYLE_EXTRACT.test(args[0].value)) return true;
  for (const a of args) {
    const v = a.value;
    if (v === '--extract' || v === '--get' || (v.length > 1 && v[0] === '-' && v[1] !== '-' && v.includes('x'))) return true;
  }
  return false;
}

interface Tracked { word: Word; name: string; reported: boolean }

export default defineRule({
  id: 'DF014',
  name: 'copy-then-extract',
  aliases: ['DL3010'],
  meta: {
    target: 'dockerfile',
    category: 'performance',
    severity: 'info',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A tarball is COPYed into the image and unpacked by a later RUN.',
      why: 'The COPY layer keeps the whole archive even after the RUN unpacks and deletes it, so the image carries the data twice. `ADD archive.tar.gz /dest/` unpacks local tarballs in one layer; a bind mount (`RUN --mount=type=bind,source=archive.tar.gz,target=/tmp/a.tgz tar -xzf /tmp/a.tgz`) avoids the copy entirely.',
      bad: 'FROM debian:12-slim\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n',
      good: 'FROM debian:12-slim\nADD app.tar.gz /opt/\n',
    },
    messages: {
      extract: 'Archive "{{name}}" is copied here and unpacked by the RUN on line {{line}}, so the image keeps both; use ADD {{name}} <dir>/ (it unpacks local tarballs) or bind-mount the archive into that RUN.',
    },
  },
  check({ df, report }) {
    for (const stage of df.stages) {
      // Layer size only matters for stages that end up in the final image.
      if (!df.shippedStages.has(stage.index)) continue;
      const tracked: Tracked[] = [];
      let unreported = 0;
      for (const instr of stage.instructions) {
        if (instr.keyword === 'COPY') unreported += track(instr, tracked);
        else if (instr.keyword === 'RUN' && unreported > 0) {
          for (const cmd of commandsIn(df, instr)) {
            if (!extracts(cmd)) continue;
            for (const a of cmd.args) {
              const n = fileName(a.value);
              for (const t of tracked) {
                if (t.reported || t.name !== n) continue;
                t.reported = true;
                unreported--;
                report({ messageId: 'extract', data: { name: t.name, line: instr.line }, span: { start: t.word.start, end: t.word.end } });
              }
            }
          }
        }
      }
    }
  },
});

/**
 * Remember the tarballs a local COPY brings in: the destination name if it is one, else the sources.
 * Returns how many were added.
 */
function track(instr: Instruction, tracked: Tracked[]): number {
  for (const f of instr.flags) if (f.name === 'from') return 0;
  const json = instr.json;
  const words: Word[] = json ? json.values.map((value, i) => ({ value, raw: value, ...json.spans[i] })) : instr.words;
  if (words.length < 2) return 0;
  const dest = words[words.length - 1];
  const destName = tarballName(dest.value);
  if (destName !== undefined) {
    tracked.push({ word: dest, name: destName, reported: false });
    return 1;
  }
  let added = 0;
  for (let k = 0; k < words.length - 1; k++) {
    const n = tarballName(words[k].value);
    if (n === undefined) continue;
    tracked.push({ word: words[k], name: n, reported: false });
    added++;
  }
  return added;
}
