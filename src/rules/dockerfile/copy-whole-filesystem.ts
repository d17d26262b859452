import type { Dockerfile } from '../../model/dockerfile/types.js';
import { parseImageRef } from '../../model/dockerfile/image-ref.js';
import { defineRule } from '../types.js';

const INDEX = /^\d+$/;
// Images that are FROM scratch and hold only files meant to be copied whole (the cross-compilation helpers).
const FILES_ONLY = new Set(['scratch', 'tonistiigi/xx', 'docker.io/tonistiigi/xx']);

/**
 * Does `from` name a stage or image whose filesystem holds only what was deliberately put there:
 * a stage that starts FROM scratch, or a files-only helper image like tonistiigi/xx?
 */
function filesOnly(df: Dockerfile, from: string, depth = 0): boolean {
  const name = from.toLowerCase();
  let s = INDEX.test(name) ? df.stages[Number(name)] : df.stageNamed(name);
  if (!s) return FILES_ONLY.has(repoOf(name));
  const seen = new Set<number>();
  while (s && s.parentStage !== null && !seen.has(s.index)) {
    seen.add(s.index);
    s = df.stages[s.parentStage];
  }
  if (!s) return false;
  if (s.resolvedImage !== null) return FILES_ONLY.has(repoOf(s.resolvedImage.toLowerCase()));
  // `FROM binaries-$TARGETOS`: a stage picked by a build argument; files-only when every stage
  // whose name fits is (buildkit's per-platform scratch stages).
  if (depth > 2) return false;
  const pattern = stagePattern(s.image);
  if (!pattern) return false;
  const fits = df.stages.filter((t) => t.alias !== null && t.index < s.index && pattern.test(t.alias));
  return fits.length > 0 && fits.every((t) => filesOnly(df, t.alias!, depth + 1));
}

/** A regex for the stage names an image reference with variables can expand to, or null. */
function stagePattern(image: string): RegExp | null {
  const parts = image.toLowerCase().split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/);
  if (parts.length < 2 || parts.some((p) => /[$/:@]/.test(p))) return null;
  return new RegExp(`^${parts.map((p) => p.replace(/[.*+?^()|[\]\\{}]/g, '\\$&')).join('[a-z0-9._-]*')}$`);
}

/** `[registry/]repo` without tag or digest. */
function repoOf(image: string): string {
  const ref = parseImageRef(image);
  return ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
}

export default defineRule({
  id: 'DF066',
  name: 'copy-whole-filesystem',
  aliases: ['DL3067'],
  onlyWith: ['COPY'],
  meta: {
    target: 'dockerfile',
    category: 'performance',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: '`COPY --from=<stage> / /` copies a whole filesystem.',
      why: 'Copying the root of another stage or image over the root of this one drags in its package database, caches, shells and configuration, undoing the point of a multi-stage build, and it can overwrite files of the current base image. Copy only the directories the application needs.',
      bad: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\n\nFROM debian:12-slim\nCOPY --from=build / /\n',
      good: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\n\nFROM debian:12-slim\nCOPY --from=build /out/app /usr/local/bin/app\n',
    },
    messages: {
      whole: 'COPY --from={{from}} / / copies the entire filesystem of {{from}} over this image; copy only the paths you need (e.g. COPY --from={{from}} /out/app /usr/local/bin/).',
    },
  },
  check({ df, report }) {
    for (const instr of df.instructions) {
      if (instr.keyword !== 'COPY') continue;
      const from = instr.flags.find((f) => f.name === 'from');
      if (!from?.value) continue;
      const json = instr.json;
      const values = json ? json.values : instr.words.map((w) => w.value);
      if (values.length < 2 || values[values.length - 1] !== '/') continue;
      const k = values.slice(0, -1).indexOf('/');
      if (k < 0) continue;
      if (filesOnly(df, df.expand(instr, from.value) ?? from.value)) continue;
      const span = json ? json.spans[k] : instr.words[k];
      report({ messageId: 'whole', data: { from: from.value }, span: { start: span.start, end: span.end } });
    }
  },
});
