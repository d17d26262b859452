import type { Instruction } from '../../model/dockerfile/types.js';
import { defineRule } from '../types.js';

// What ADD does that COPY cannot: fetch URLs and git repositories, unpack local archives.
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@)/i;
const ARCHIVE = /\.(?:tar|tgz|tbz2?|tb2|txz|tlz|tpz|tz|gz|bz2|xz|lz|lzma|zst|z)$/i;
// Flags that only ADD accepts; with them the instruction cannot simply become COPY.
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

type Kind = 'local' | 'heredoc' | 'remote' | 'archive' | 'unknown' | 'glob';
const GLOB = /[*?[]/;
// A last segment ending in a literal extension (`*.py`) cannot match an archive's name.
const LITERAL_EXTENSION = /\.[A-Za-z0-9]+$/;

/** A wildcard source that may match an archive, which ADD would unpack and COPY would not. */
function mayMatchArchive(v: string): boolean {
  return GLOB.test(v) && !(LITERAL_EXTENSION.test(v) && !GLOB.test(v.slice(v.lastIndexOf('.'))));
}

function sources(instr: Instruction): Array<{ value: string; heredoc: boolean }> {
  if (instr.json) return instr.json.values.slice(0, -1).map((value) => ({ value, heredoc: false }));
  const markers = new Set(instr.heredocs.map((h) => h.marker.start));
  return instr.words.slice(0, -1).map((w) => ({ value: w.value, heredoc: markers.has(w.start) }));
}

export default defineRule({
  id: 'DF021',
  name: 'add-for-local-files',
  aliases: ['DL3020'],
  onlyWith: ['ADD'],
  meta: {
    target: 'dockerfile',
    category: 'maintainability',
    severity: 'error',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: 'ADD used to copy plain local files or folders.',
      why: 'ADD also downloads URLs and unpacks archives, so a reader cannot tell what an ADD line does without checking each source, and renaming a file to `.tar.gz` silently changes the result. COPY does only what it says; keep ADD for URLs, git repositories and archives you want unpacked. The fix is withheld for a wildcard that may match an archive (`ADD files/* /opt/`), which ADD would unpack and COPY would not.',
      bad: 'FROM nginx:1.27\nADD nginx.conf /etc/nginx/nginx.conf\n',
      good: 'FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/nginx.conf\n',
    },
    messages: {
      local: 'ADD copies the local file "{{source}}" here; use COPY, which only copies (keep ADD for URLs, git repositories and archives to unpack).',
      heredoc: 'ADD writes the inline file {{source}} here; use COPY {{source}}, which does the same and only copies (keep ADD for URLs, git repositories and archives to unpack).',
    },
  },
  check({ df, report }) {
    for (const instr of df.instructions) {
      if (instr.keyword !== 'ADD' || instr.error) continue;
      const kinds: Array<{ kind: Kind; value: string }> = sources(instr).map((s) => {
        if (s.heredoc) return { kind: 'heredoc', value: s.value };
        const v = s.value.includes('$') ? df.expand(instr, s.value) : s.value;
        if (v === null) return { kind: 'unknown', value: s.value };
        return { kind: REMOTE.test(v) ? 'remote' : ARCHIVE.test(v) ? 'archive' : mayMatchArchive(v) ? 'glob' : 'local', value: s.value };
      });
      // A wildcard is reported as local files, but the fix waits: it may match an archive.
      const local = kinds.find((k) => k.kind === 'local' || k.kind === 'glob') ?? kinds.find((k) => k.kind === 'heredoc');
      if (!local) continue;
      const canFix = kinds.every((k) => k.kind === 'local' || k.kind === 'heredoc') && !instr.flags.some((f) => ADD_ONLY_FLAGS.has(f.name));
      const kw = instr.keywordSpan;
      const text = df.source.text.slice(kw.start, kw.end) === 'add' ? 'copy' : 'COPY';
      report({
        messageId: local.kind === 'heredoc' ? 'heredoc' : 'local',
        data: { source: local.value },
        span: kw,
        ...(canFix ? { fix: { title: 'Replace ADD with COPY', edits: [{ start: kw.start, end: kw.end, text }] } } : {}),
      });
    }
  },
});
