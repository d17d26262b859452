import type { Dockerfile, ImageRef, Instruction, Stage } from '../../model/dockerfile/types.js';
import type { Command, ShellWord } from '../../model/shell/types.js';
import { defineRule } from '../types.js';
import { commandsIn, baseName, positionals, subcommand } from '../helpers/dockerfile.js';

type Tool = 'curl' | 'wget';
const TOOLS = new Set<string>(['curl', 'wget']);
const BOTH: Tool[] = ['curl', 'wget'];

// Package manager verbs that install or remove packages, and options whose value is the next word.
// A Map: a lookup of an arbitrary command name in an object would find `constructor` (and crash on it).
const MANAGERS = new Map<string, { install: Set<string>; remove: Set<string>; valueFlags: string[] }>([
  ['apt-get', { install: new Set(['install']), remove: new Set(['remove', 'purge']), valueFlags: ['-o', '-c', '-t', '--target-release'] }],
  ['apt', { install: new Set(['install']), remove: new Set(['remove', 'purge']), valueFlags: ['-o', '-c', '-t', '--target-release'] }],
  ['apk', { install: new Set(['add']), remove: new Set(['del']), valueFlags: ['-t', '--virtual', '-X', '--repository', '-p', '--root', '--arch'] }],
  ['yum', { install: new Set(['install']), remove: new Set(['remove', 'erase']), valueFlags: ['-c', '--config', '--installroot', '--enablerepo', '--disablerepo', '--setopt'] }],
  ['dnf', { install: new Set(['install']), remove: new Set(['remove', 'erase']), valueFlags: ['-c', '--config', '--installroot', '--enablerepo', '--disablerepo', '--setopt'] }],
  ['microdnf', { install: new Set(['install']), remove: new Set(['remove']), valueFlags: ['--enablerepo', '--disablerepo', '--setopt'] }],
  ['zypper', { install: new Set(['install', 'in']), remove: new Set(['remove', 'rm']), valueFlags: ['-R', '--root', '-c', '--config'] }],
]);

/** `curl=7.88.1-10`, `curl~8`, `curl-minimal`, `curl-8.5.0` -> curl; other packages -> undefined. */
function toolPackage(spec: string): Tool | undefined {
  const name = spec.split(/[=<>~]/, 1)[0];
  const m = /^(curl|wget)(?:-minimal|2|-\d[\w.-]*)?$/.exec(name);
  return m ? (m[1] as Tool) : undefined;
}

/** Which of curl/wget the base image lacks; empty when unknown or when it has both. */
function missingFromBase(ref: ImageRef | null, image: string | null): Tool[] {
  if (image?.toLowerCase() === 'scratch') return BOTH;
  if (!ref) return [];
  const repo = ref.repository.toLowerCase().replace(/^library\//, '');
  const tag = (ref.tag ?? '').toLowerCase();
  // distroless :debug variants carry busybox, which has wget.
  if (repo.startsWith('distroless/') || repo.includes('/distroless/')) return tag.includes('debug') ? ['curl'] : BOTH;
  if (ref.registry === 'cgr.dev' && !tag.includes('dev')) return BOTH;
  if (/(?:^|[-.])slim(?:[-.]|$)/.test(tag)) return BOTH;
  if (repo === 'alpine' || repo === 'busybox' || /(?:^|[-.])alpine/.test(tag)) return ['curl'];
  if (repo === 'debian' || repo === 'ubuntu') return BOTH;
  return [];
}

/** Stages from the root image down to `stage`. */
function chainOf(df: Dockerfile, stage: Stage): Stage[] {
  const out: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !out.includes(s); s = s.parentStage !== null ? df.stages[s.parentStage] : undefined) out.unshift(s);
  return out;
}

/** Track which tools the image gains (installed, used, copied in) and loses (removed), in build order. */
function available(df: Dockerfile, chain: Stage[]): Set<string> {
  const present = new Set<string>();
  const virtual = new Map<string, Tool[]>();
  const apply = (cmd: Command): void => {
    const name = cmd.base;
    if (TOOLS.has(name)) { present.add(name); return; } // the build ran it, so it was there
    const m = MANAGERS.get(name);
    if (!m) return;
    const sub = subcommand(cmd, m.valueFlags);
    if (!sub) return;
    const pkgs: ShellWord[] = positionals(cmd.args.slice(sub.index + 1), m.valueFlags);
    if (m.install.has(sub.word.value)) {
      const tools = pkgs.map((w) => toolPackage(w.value)).filter((t): t is Tool => !!t);
      const v = cmd.args.findIndex((a) => a.value === '-t' || a.value === '--virtual' || a.value.startsWith('--virtual='));
      const group = v < 0 ? undefined : cmd.args[v].value.startsWith('--virtual=') ? cmd.args[v].value.slice(10) : cmd.args[v + 1]?.value;
      if (group && name === 'apk') virtual.set(group, tools);
      for (const t of tools) present.add(t);
    } else if (m.remove.has(sub.word.value)) {
      for (const w of pkgs) {
        const t = toolPackage(w.value);
        if (t) present.delete(t);
        for (const vt of virtual.get(w.value) ?? []) present.delete(vt);
      }
    }
  };
  for (const stage of chain) {
    for (const instr of stage.instructions) {
      if (instr.keyword === 'RUN') for (const cmd of commandsIn(df, instr)) apply(cmd);
      else if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
        // `COPY --from=curlimages/curl /usr/bin/curl /usr/bin/curl`
        const words = instr.json ? instr.json.values : instr.words.map((w) => w.value);
        for (const v of words) for (const t of BOTH) if (baseName(v.replace(/\/+$/, '')).startsWith(t)) present.add(t);
      }
    }
  }
  return present;
}

export default defineRule({
  id: 'DF102',
  name: 'healthcheck-tool-missing',
  aliases: [],
  onlyWith: ['HEALTHCHECK'],
  meta: {
    target: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'HEALTHCHECK calls curl or wget, but the image does not contain it.',
      why: 'The health check runs inside the container. If the probe binary is missing, every check fails with "not found", the container is marked unhealthy and orchestrators restart or stop routing to a perfectly working service. Flags curl/wget in the HEALTHCHECK in effect for the final image when its base is known to lack the tool (`*-slim` tags, debian, ubuntu, distroless, Chainguard, scratch: neither; alpine and busybox: no curl, busybox wget is there) and no RUN in the shipped stages installs it (apt-get/apt/apk/yum/dnf/microdnf/zypper), uses it, or COPYs it in, or it was removed again (`apk del`, `apt-get purge`, including apk `--virtual` groups). Skips unknown base images (they may well include it) and HEALTHCHECKs of build-only stages. A missing probe followed by `||` and a fallback the image has (`curl -f ... || python -c ...`) is not reported: the check still passes through the fallback.',
      bad: 'FROM python:3.12-slim\nCOPY . /app\nEXPOSE 8000\nHEALTHCHECK CMD curl -fsS http://localhost:8000/healthz || exit 1\nCMD ["python", "/app/main.py"]\n',
      good: 'FROM python:3.12-slim\nCOPY . /app\nEXPOSE 8000\nHEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen(\'http://localhost:8000/healthz\')"]\nCMD ["python", "/app/main.py"]\n',
    },
    messages: {
      missing: 'HEALTHCHECK runs {{tool}}, which {{base}} does not include, so the check always fails; install {{tool}} in the final stage or probe with something the image has ({{alternative}}).',
    },
  },
  check({ df, report, source }) {
    const final = df.stages[df.stages.length - 1];
    if (!final) return;
    const chain = chainOf(df, final);
    const lacking = missingFromBase(chain[0].ref, chain[0].resolvedImage);
    if (lacking.length === 0) return;
    // The HEALTHCHECK in effect is the last one in the chain.
    let hc: Instruction | undefined;
    for (const s of chain) for (const i of s.instructions) if (i.keyword === 'HEALTHCHECK') hc = i;
    if (!hc) return;
    const present = available(df, chain);
    const base = chain[0].resolvedImage ?? chain[0].image;
    const commands = df.script(hc).commands;
    const has = (name: string) => !lacking.includes(name as Tool) || present.has(name as Tool);
    commands.forEach((cmd, i) => {
      const tool = cmd.base as Tool;
      if (!lacking.includes(tool) || present.has(tool) || cmd.words.length === 0) return;
      // `curl ... || wget ...` with wget there: the check still passes through the fallback.
      for (let j = i + 1; j < commands.length && commands[j - 1].after === '||'; j++) {
        if (!NOT_A_PROBE.has(commands[j].base) && has(commands[j].base)) return;
      }
      let { start, end } = cmd.words[0];
      if (source.text[start] === '"' && source.text[end - 1] === '"') { start++; end--; } // exec form: inside the quotes
      const alternative = tool === 'curl' && !lacking.includes('wget') ? 'busybox wget -qO- http://...' : 'the language runtime, or a health subcommand of your binary';
      report({ messageId: 'missing', data: { tool, base, alternative }, span: { start, end } });
    });
  },
});

/** Commands after `||` that only set the exit status: no fallback probe. */
const NOT_A_PROBE = new Set(['exit', 'false', 'true', 'echo', 'printf', ':']);
