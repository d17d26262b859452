import { parseImageRef } from '../../model/dockerfile/image-ref.js';
import type { Instruction } from '../../model/dockerfile/types.js';
import type { Span } from '../../model/source.js';
import { listSome } from '../helpers/list.js';
import { defineRule } from '../types.js';

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com', 'hub.docker.com']);
const INDEX = /^\d+$/;
const MOUNT_FROM = /(^|[=,])from=/i;

type Matcher = (registry: string, path: string) => boolean;

/**
 * One trustedRegistries entry: `*` (anything), `*.gcr.io` (suffix), `registry.corp*` (prefix), an exact
 * host, or a host with a path (`ghcr.io/my-org`) that trusts only repositories under that path.
 */
function matcher(entry: string): Matcher {
  let p = entry.trim().toLowerCase();
  if (DOCKER_HUB.has(p)) p = 'docker.io';
  const test = (pattern: string, value: string): boolean => {
    if (pattern === '*') return true;
    if (pattern.startsWith('*')) return value.endsWith(pattern.slice(1));
    if (pattern.endsWith('*')) return value.startsWith(pattern.slice(0, -1));
    return value === pattern;
  };
  if (!p.includes('/')) return (registry) => test(p, registry);
  // With a path: match the full name, treating the entry as a directory prefix.
  const dir = p.endsWith('/') ? p : `${p}/`;
  return (_registry, path) => test(p, path) || (!p.endsWith('*') && path.startsWith(dir));
}

export default defineRule({
  id: 'DF027',
  name: 'untrusted-registry',
  aliases: ['DL3026'],
  meta: {
    target: 'dockerfile',
    category: 'security',
    severity: 'error',
    fixable: null,
    status: 'stable',
    requires: 'trustedRegistries',
    docs: {
      summary: 'Image pulled from a registry that is not in `trustedRegistries`.',
      why: 'Organisations often mirror and scan base images in their own registry. An image pulled from anywhere else (by FROM, `COPY --from=<image>` or `RUN --mount=from=<image>`) bypasses that control. Entries may be exact hosts, `*.example.com`, `prefix*`, or a host with a path such as `ghcr.io/my-org`; images without a registry come from docker.io.',
      bad: 'FROM node:20-slim\nCMD ["node"]\n',
      good: 'FROM registry.example.com/node:20-slim\nCMD ["node"]\n',
      settings: { trustedRegistries: ['registry.example.com'] },
    },
    messages: {
      untrusted: 'Image "{{image}}" comes from {{registry}}, which is not in trustedRegistries ({{trusted}}); pull it from a trusted registry (e.g. your mirror) or add the registry to the list.',
    },
  },
  check({ df, settings, report }) {
    const trusted = settings.trustedRegistries ?? [];
    if (trusted.length === 0) return;
    const matchers = trusted.map(matcher);
    // The message names the first few: a long list (some configs hold hundreds) would drown it.
    const listed = listSome(trusted);
    const aliases = new Set(df.stages.map((s) => s.alias).filter((a): a is string => a !== null));

    const checkImage = (image: string, span: Span): void => {
      const ref = parseImageRef(image);
      if (!ref.repository) return;
      let registry = (ref.registry ?? 'docker.io').toLowerCase();
      if (DOCKER_HUB.has(registry)) registry = 'docker.io';
      if (registry === 'docker.io' && ref.repository.toLowerCase() === 'scratch') return;
      const repo = registry === 'docker.io' && !ref.repository.includes('/') ? `library/${ref.repository}` : ref.repository;
      const path = `${registry}/${repo.toLowerCase()}`;
      if (matchers.some((m) => m(registry, path))) return;
      report({ messageId: 'untrusted', data: { image, registry, trusted: listed }, span });
    };

    // `--from` / `from=` may name a stage (by alias or index) instead of an image.
    const checkFrom = (instr: Instruction, value: string, span: Span): void => {
      const v = df.expand(instr, value);
      if (v === null || v === '' || INDEX.test(v) || aliases.has(v.toLowerCase())) return;
      checkImage(v, span);
    };

    for (const stage of df.stages) {
      if (stage.parentStage !== null || stage.resolvedImage === null) continue;
      checkImage(stage.resolvedImage, stage.imageSpan);
    }
    for (const instr of df.instructions) {
      if (instr.keyword === 'COPY') {
        const flag = instr.flags.find((f) => f.name === 'from');
        if (flag?.value) checkFrom(instr, flag.value, flag.valueSpan ?? flag);
      } else if (instr.keyword === 'RUN') {
        for (const flag of instr.flags) {
          const from = flag.name === 'mount' ? flag.options?.get('from') : undefined;
          if (!from) continue;
          // Point at `from=...` inside the mount options when it can be found on the line.
          const raw = df.source.text.slice(flag.start, flag.end);
          const m = MOUNT_FROM.exec(raw);
          let span: Span = flag;
          if (m) {
            const start = m.index + m[1].length;
            const comma = raw.indexOf(',', start);
            span = { start: flag.start + start, end: flag.start + (comma < 0 ? raw.length : comma) };
          }
          checkFrom(instr, from, span);
        }
      }
    }
  },
});
