import type { Instruction, Word } from '../../model/dockerfile/types.js';
import type { Command } from '../../model/shell/types.js';
import { baseName } from '../helpers/dockerfile.js';
import { defineRule } from '../types.js';

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
  return TARBALL.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

/** Does the command unpack its file arguments (tar -x, gunzip, xz -d, ...)? */
function extracts(cmd: Command): boolean {
  const name = baseName(cmd.name);
  if (DECOMPRESSORS.has(name)) return true;
  const args = cmd.args;
  if (COMPRESSORS.has(name)) return args.some((a) => a.value === '--decompress' || SHORT_DECOMPRESS.test(a.value));
  if (name !== 'tar') return false;
  // Old-style `tar xzf file` bundles the operation in the first word without a dash.
  if (args.length > 0 && OLD_STYLE_EXTRACT.test(args[0].value)) return true;
  return args.some((a) => a.value === '--extract' || a.value === '--get' || (a.value.length > 1 && a.value[0] === '-' && a.value[1] !== '-' && a.value.includes('x')));
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
      for (const instr of stage.instructions) {
        if (instr.keyword === 'COPY') track(instr, tracked);
        else if (instr.keyword === 'RUN' && tracked.some((t) => !t.reported)) {
          for (const cmd of df.script(instr).commands) {
            if (!extracts(cmd)) continue;
            for (const a of cmd.args) {
              const n = fileName(a.value);
              for (const t of tracked) {
                if (t.reported || t.name !== n) continue;
                t.reported = true;
                report({ messageId: 'extract', data: { name: t.name, line: instr.line }, span: { start: t.word.start, end: t.word.end } });
              }
            }
          }
        }
      }
    }
  },
});

/** Remember the tarballs a local COPY brings in: the destination name if it is one, else the sources. */
function track(instr: Instruction, tracked: Tracked[]): void {
  if (instr.flags.some((f) => f.name === 'from')) return;
  const json = instr.json;
  const words: Word[] = json ? json.values.map((value, i) => ({ value, raw: value, ...json.spans[i] })) : instr.words;
  if (words.length < 2) return;
  const dest = words[words.length - 1];
  const destName = fileName(dest.value);
  if (isTarball(destName)) {
    tracked.push({ word: dest, name: destName, reported: false });
    return;
  }
  for (const w of words.slice(0, -1)) {
    const n = fileName(w.value);
    if (isTarball(n)) tracked.push({ word: w, name: n, reported: false });
  }
}
