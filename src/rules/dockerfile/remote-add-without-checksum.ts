import type { Span } from '../../model/source.js';
import { defineRule } from '../types.js';
import { instructions } from '../helpers/dockerfile.js';

const HTTP = /^https?:\/\//i;
// BuildKit treats these sources as git repositories.
const GIT_PREFIX = /^(?:git:\/\/|ssh:\/\/|git@)/i;
const GIT_PATH = /\.git(?:$|[#?/])/i;
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;

/** The ref a git source is pinned to (`#ref[:subdir]` or `?ref=` / `?commit=`), if any. */
function gitRef(url: string): string | undefined {
  const q = /[?&](?:ref|commit|checksum)=([^&#]+)/.exec(url);
  if (q) return q[1];
  const hash = url.indexOf('#');
  if (hash < 0) return undefined;
  const frag = url.slice(hash + 1);
  const colon = frag.indexOf(':');
  return colon < 0 ? frag : frag.slice(0, colon);
}

export default defineRule({
  id: 'DF111',
  name: 'remote-add-without-checksum',
  aliases: [],
  onlyWith: ['ADD'],
  meta: {
    target: 'dockerfile',
    category: 'security',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: '`ADD <url>` without `--checksum`, or a git source not pinned to a commit.',
      why: 'ADD downloads a remote file on every build without checking what it got: a compromised or simply updated server changes your image silently. `ADD --checksum=sha256:<digest> <url>` makes the build fail when the content differs. For git sources, pin the full commit (`ADD https://github.com/org/repo.git#<40-hex commit>` or `--checksum=<commit>`), since branches and tags move. Flags every http(s) and git source of ADD in any stage and in ONBUILD triggers; skips local sources, COPY, and URLs built from variables that cannot be resolved. `--keep-git-dir` has no bearing on pinning.',
      bad: 'FROM debian:12-slim\nADD https://example.com/releases/tool-1.4.2-linux-amd64 /usr/local/bin/tool\n',
      good: 'FROM debian:12-slim\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2015d0b1b0f8ec56 https://example.com/releases/tool-1.4.2-linux-amd64 /usr/local/bin/tool\n',
    },
    messages: {
      http: 'ADD downloads {{url}} without verifying it; add --checksum=sha256:<digest> so the build fails if the content changes.',
      git: 'ADD clones {{url}} at a moving ref; pin the full commit hash (#<commit>) or add --checksum=<commit>.',
    },
  },
  check({ df, report }) {
    for (const instr of instructions(df, { onbuild: true })) {
      if (instr.keyword !== 'ADD' || instr.flags.some((f) => f.name === 'checksum')) continue;
      // Every argument but the last (the destination) is a source.
      const sources: Array<{ value: string; span: Span }> = instr.json
        ? instr.json.values.slice(0, -1).map((value, k) => ({ value, span: { start: instr.json!.spans[k].start + 1, end: instr.json!.spans[k].end - 1 } }))
        : instr.words.slice(0, -1).map((w) => ({ value: w.value, span: { start: w.start, end: w.end } }));
      for (const src of sources) {
        const url = src.value.includes('$') ? df.expand(instr, src.value) : src.value;
        if (url === null) continue;
        const git = GIT_PREFIX.test(url) || (HTTP.test(url) && GIT_PATH.test(url.split('#', 1)[0]));
        if (git) {
          const ref = gitRef(url);
          if (ref && COMMIT.test(ref)) continue;
          report({ messageId: 'git', data: { url }, span: src.span });
        } else if (HTTP.test(url)) report({ messageId: 'http', data: { url }, span: src.span });
      }
    }
  },
});
