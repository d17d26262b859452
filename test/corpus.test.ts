// The shared Dockerfile corpus (../shared/corpus/dockerfiles next to the repository): 1,800+ real
// Dockerfiles from public repositories. Every file is linted with every Dockerfile rule enabled (no
// ShellCheck); the test pins that nothing crashes and that syntax errors (DF001) are reported only
// on files Docker itself rejects. A second test cross-checks our parser against dockerfile-ast. A
// third has `bash -n` (parse only; skipped where bash is missing) check that the fixes leave every
// RUN script that parsed still parsing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { EffectiveConfig } from '../src/config/resolve.js';
import type { ShipreadyConfig } from '../src/config/types.js';
import { applyFixes } from '../src/engine/fix.js';
import { lintDockerfile } from '../src/engine/lint-dockerfile.js';
import { RuleRegistry } from '../src/engine/registry.js';
import { parseDockerfile } from '../src/model/dockerfile/parse.js';
import type { Instruction } from '../src/model/dockerfile/types.js';
import { readTextFile } from '../src/read-input.js';
import { dockerfileRules } from '../src/rules/index.js';
import type { DockerfileRule } from '../src/rules/types.js';

const CORPUS = resolve(import.meta.dirname, '../../shared/corpus/dockerfiles');
const present = existsSync(CORPUS);
if (!present) console.warn(`NOTICE: ${CORPUS} is absent: the Dockerfile corpus tests are skipped`);

const files = present ? readdirSync(CORPUS).filter((f) => !f.startsWith('.')).sort() : [];

/**
 * The only corpus files where DF001 (syntax-error) may fire, each with the reason Docker (BuildKit's
 * frontend/dockerfile parser and its instructions package, checked at moby/buildkit 73ed6825c4b7)
 * refuses to build it. DF001 anywhere else is a parser bug. The test also requires DF001 on each of
 * these, so the list cannot go stale.
 */
const DOCKER_REJECTS: Record<string, string> = {
  // A Go/jq template (`{{ def dnf: ... }}`) that docker-library renders into Dockerfiles; unrendered,
  // its first lines are instructions "{{", "DEF", "IF", ...: instructions.Parse fails with
  // `unknown instruction: {{`, and `FROM oraclelinux:{{ .oracle.variant }}` has too many words.
  'docker-library__mysql__Dockerfile.oracle': 'unrendered template: unknown instructions',
  // docker/compose's e2e fixture for a broken build: `WRONG DOCKERFILE` is `unknown instruction: WRONG`.
  'docker__compose__pkg__e2e__fixtures__wrong-composefile__service1__Dockerfile': 'unknown instruction WRONG',
  // BuildKit's parser negative test (parser_test.go TestParseErrorCases): `ENV PATH` has a name and no
  // value; parseNameVal returns "ENV must have two arguments".
  'moby__buildkit__frontend__dockerfile__parser__testfiles-negative__env_no_value__Dockerfile': 'ENV without a value',
  // BuildKit's parser negative test: only comments, so parser.Parse fails with "file with no instructions".
  'moby__buildkit__frontend__dockerfile__parser__testfiles-negative__only_comments__Dockerfile': 'no instructions',
  // BuildKit's parser negative test: `CMD [ "echo", [ "nested json" ] ]` is valid JSON but not all
  // strings, so parseMaybeJSON fails with "arrays must be comprised of strings only".
  'moby__buildkit__frontend__dockerfile__parser__testfiles-negative__shykes-nested-json__Dockerfile': 'exec form with a nested array',
  // Parses at the AST level (testfiles/health/result exists), but instructions.parseHealthcheck rejects
  // line 4 `HEALTHCHECK` ("HEALTHCHECK requires at least one argument"), line 7 `HEALTHCHECK CMD`
  // ("Missing command after HEALTHCHECK CMD") and line 10 `HEALTHCHECK CONNECT TCP 7000`
  // ("Unknown type \"CONNECT\" in HEALTHCHECK (try CMD)"), so `docker build` fails.
  'moby__buildkit__frontend__dockerfile__parser__testfiles__health__Dockerfile': 'invalid HEALTHCHECK forms',
};

/** Every Dockerfile rule on (rules that are off by default or need settings get `info`), with settings set. */
function allRulesConfig(): ShipreadyConfig {
  const rules: Record<string, 'error' | 'warning' | 'info' | 'style'> = {};
  for (const r of dockerfileRules as DockerfileRule[]) rules[r.id] = r.meta.severity === 'off' ? 'info' : r.meta.severity;
  return { rules, trustedRegistries: ['docker.io', 'mcr.microsoft.com'], labelSchema: { maintainer: 'text', 'org.opencontainers.image.source': 'url' } };
}

describe.skipIf(!present)('Dockerfile corpus', () => {
  it('lints every file with all rules: no internal errors, no exceptions, DF001 only where Docker rejects', () => {
    expect(files.length).toBeGreaterThanOrEqual(1500);
    const rules = dockerfileRules as DockerfileRule[];
    const registry = new RuleRegistry(rules);
    const eff = new EffectiveConfig({ config: allRulesConfig(), path: null, kind: 'shipready', baseDir: CORPUS }, registry);
    for (const r of rules) expect(eff.forFile('Dockerfile').severity(r), r.id).not.toBe('off');

    let linted = 0;
    const internal: string[] = [];
    const thrown: string[] = [];
    const df001 = new Map<string, string[]>();
    for (const f of files) {
      try {
        const text = readTextFile(join(CORPUS, f), f);
        const r = lintDockerfile(text, { displayPath: f, rules, config: eff.forFile(f), settings: eff.settings });
        for (const e of r.errors) if (e.kind === 'internal') internal.push(`${f}: ${e.message}`);
        for (const x of r.findings) {
          if (x.ruleId !== 'DF001') continue;
          const line = (x.location as { line?: number }).line;
          df001.set(f, [...(df001.get(f) ?? []), `${line}: ${x.message}`]);
        }
        linted++;
      } catch (e) {
        thrown.push(`${f}: ${(e as Error).stack ?? e}`);
      }
    }
    expect(thrown).toEqual([]);
    expect(internal).toEqual([]);
    expect(linted).toBe(files.length);
    const unexpected = [...df001].filter(([f]) => !(f in DOCKER_REJECTS)).map(([f, msgs]) => `${f}: ${msgs.join('; ')}`);
    expect(unexpected, 'DF001 on files Docker accepts (parser bugs)').toEqual([]);
    const missing = Object.keys(DOCKER_REJECTS).filter((f) => !df001.has(f));
    expect(missing, 'allow-listed files without DF001 (stale list or a lost syntax check)').toEqual([]);
  });

  it('applies every fix, safe and unsafe, to a fixed point that parses no worse, as --fix does', () => {
    const rules = dockerfileRules as DockerfileRule[];
    const eff = new EffectiveConfig({ config: {}, path: null, kind: 'default', baseDir: CORPUS }, new RuleRegistry(rules));
    const config = eff.forFile('Dockerfile');
    const lint = (f: string, text: string) => lintDockerfile(text, { displayPath: f, rules, config, settings: eff.settings }).findings;
    const parseErrors = (text: string) => parseDockerfile('Dockerfile', text).instructions.filter((i) => i.error).length;
    const noFixedPoint: string[] = [];
    const worse: string[] = [];
    let changed = 0;
    for (const f of files) {
      const text = readTextFile(join(CORPUS, f), f);
      let current = text;
      let converged = false;
      for (let pass = 0; pass < 10 && !converged; pass++) {
        const { text: next, applied } = applyFixes(current, lint(f, current), true);
        if (applied === 0 || next === current) converged = true;
        else current = next;
      }
      if (!converged) noFixedPoint.push(f);
      if (parseErrors(current) > parseErrors(text)) worse.push(f);
      if (current !== text) changed++;
    }
    expect(noFixedPoint, 'files whose fixes keep changing them').toEqual([]);
    expect(worse, 'files that parse worse after fixing').toEqual([]);
    // Most real Dockerfiles have something to fix (pipefail, -y, caches...).
    expect(changed).toBeGreaterThan(files.length / 4);
  });
});

const SHELLS = /(?:^|\/)(?:sh|bash|ash|dash)$/;

/**
 * The shell scripts of a Dockerfile's RUNs (ONBUILD ones too), each as a function of one bash
 * script: shell form with its heredocs, and exec-form `["sh", "-c", "..."]`.
 */
function runScripts(text: string): string {
  const df = parseDockerfile('Dockerfile', text);
  const out: string[] = [];
  const script = (i: Instruction): string | undefined => {
    if (i.json) return i.json.values.length >= 3 && SHELLS.test(i.json.values[0]) && i.json.values[1] === '-c' ? i.json.values[2] : undefined;
    let s = i.args.text.slice(i.restStart);
    for (const h of i.heredocs) s += `\n${h.body}${h.body === '' || h.body.endsWith('\n') ? '' : '\n'}${h.delimiter}`;
    return s;
  };
  for (const i of df.instructions) {
    const run = i.trigger ?? i;
    const s = run.keyword === 'RUN' ? script(run) : undefined;
    if (s !== undefined) out.push(`f${out.length}() {\n${s}\n}\n`);
  }
  return out.join('');
}

/** The indices of the scripts `bash -n` (parse only, never run) rejects, checked from one temporary directory. */
function bashRejects(scripts: readonly string[]): Set<number> {
  if (scripts.length === 0) return new Set();
  const dir = mkdtempSync(join(tmpdir(), 'shipready-bash-n-'));
  try {
    scripts.forEach((s, k) => writeFileSync(join(dir, String(k)), s));
    const r = spawnSync('bash', ['-c', 'for f in "$1"/*; do bash -n "$f" 2>/dev/null || echo "${f##*/}"; done', 'bash', dir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bash failed: ${r.stderr}`);
    return new Set(r.stdout.split('\n').filter(Boolean).map(Number));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const hasBash = present && spawnSync('bash', ['-c', 'true']).status === 0;

describe.skipIf(!hasBash)('Dockerfile corpus: RUN scripts after fixing', () => {
  it('every file whose RUN scripts bash -n accepts still has after its fixes (safe, then safe and unsafe)', () => {
    const rules = dockerfileRules as DockerfileRule[];
    const eff = new EffectiveConfig({ config: {}, path: null, kind: 'default', baseDir: CORPUS }, new RuleRegistry(rules));
    const config = eff.forFile('Dockerfile');
    const fixAll = (f: string, text: string, unsafe: boolean): string => {
      let current = text;
      for (let pass = 0; pass < 10; pass++) {
        const { text: next, applied } = applyFixes(current, lintDockerfile(current, { displayPath: f, rules, config, settings: eff.settings }).findings, unsafe);
        if (applied === 0 || next === current) break;
        current = next;
      }
      return current;
    };
    // Per file whose scripts the fixes change: the scripts before, after the safe fixes, after all.
    const cases: Array<{ f: string; scripts: string[] }> = [];
    for (const f of files) {
      const text = readTextFile(join(CORPUS, f), f);
      const all = fixAll(f, text, true);
      // (Where all the fixes change nothing, the safe ones do not either.)
      if (all === text) continue;
      const scripts = [text, fixAll(f, text, false), all].map(runScripts);
      if (scripts[1] !== scripts[0] || scripts[2] !== scripts[0]) cases.push({ f, scripts });
    }
    // The fixed scripts first, each distinct text once; the originals only where a fixed one fails
    // (each bash -n costs a process start: checking all of them took most of a minute).
    const fixed = [...new Set(cases.flatMap((c) => c.scripts.slice(1)))];
    const failing = new Set([...bashRejects(fixed)].map((k) => fixed[k]));
    const suspects = cases.filter((c) => failing.has(c.scripts[1]) || failing.has(c.scripts[2]));
    const rejectedBefore = bashRejects(suspects.map((c) => c.scripts[0]));
    // (A file whose scripts bash already rejects, e.g. PowerShell ones, says nothing here.)
    const broken = suspects.filter((_, k) => !rejectedBefore.has(k)).map((c) => `${c.f} (${failing.has(c.scripts[1]) ? 'safe' : 'unsafe'} fixes)`);
    expect(broken, 'files whose fixes make a RUN script unparsable').toEqual([]);
    expect(cases.length).toBeGreaterThan(100);
  });
});

/**
 * Known differences of dockerfile-ast 0.7 from BuildKit, where our parser follows BuildKit. Files
 * listed here are left out of the instruction comparison (FROM is still compared).
 *
 * dockerfile-ast treats a line ending in an escaped escape (`\\` with the default escape) as a
 * continuation. BuildKit does not (parser.go trimContinuationCharacter; its testfiles/trailing-backslash
 * result keeps `ENV D ...` separate from `ENV C trailing\\backslash\\`), and neither do we.
 */
const AST_DIFFERENCES: Record<string, string> = {
  'moby__buildkit__frontend__dockerfile__parser__testfiles__trailing-backslash__Dockerfile': 'escaped escape at line end',
  'docker-library__mongo__7.0__windows__nanoserver-ltsc2022__Dockerfile': 'escaped escape at line end (C:\\\\Windows\\\\System32\\\\)',
  'docker-library__mongo__8.0__windows__nanoserver-ltsc2022__Dockerfile': 'escaped escape at line end (C:\\\\Windows\\\\System32\\\\)',
  'docker-library__mongo__8.2__windows__nanoserver-ltsc2022__Dockerfile': 'escaped escape at line end (C:\\\\Windows\\\\System32\\\\)',
  'docker-library__mongo__8.3__windows__nanoserver-ltsc2022__Dockerfile': 'escaped escape at line end (C:\\\\Windows\\\\System32\\\\)',
};

/** dockerfile-ast's From.getImage() is the raw word (quotes kept: `alpine:"${TAG}"`); ours has quotes removed. */
const unquote = (s: string | null) => (s ?? '').replace(/["']/g, '');

describe.skipIf(!present)('parser cross-check with dockerfile-ast', () => {
  it('agrees on instruction keywords, start lines and FROM image/alias for every 10th corpus file', () => {
    const sample = files.filter((_, i) => i % 10 === 0);
    expect(sample.length).toBeGreaterThanOrEqual(150);
    const diffs: string[] = [];
    for (const f of sample) {
      const text = readTextFile(join(CORPUS, f), f);
      const ours = parseDockerfile(f, text);
      const theirs = DockerfileParser.parse(text);
      if (!(f in AST_DIFFERENCES)) {
        const a = ours.instructions.map((i) => `${i.keyword}@${i.line}`);
        const b = theirs.getInstructions().map((i) => `${i.getKeyword()}@${i.getRange().start.line + 1}`);
        const k = a.findIndex((x, j) => x !== b[j]);
        if (k >= 0 || a.length !== b.length) diffs.push(`${f}: instruction #${k >= 0 ? k : a.length}: ours ${a[k] ?? '(none)'}, dockerfile-ast ${b[k >= 0 ? k : a.length] ?? '(none)'}`);
      }
      const fa = ours.stages.map((s) => `${s.image} AS ${s.alias ?? '-'}`);
      const fb = theirs.getFROMs().map((x) => `${unquote(x.getImage())} AS ${x.getBuildStage()?.toLowerCase() ?? '-'}`);
      if (fa.join('\n') !== fb.join('\n')) diffs.push(`${f}: FROM: ours [${fa.join(', ')}], dockerfile-ast [${fb.join(', ')}]`);
    }
    expect(diffs).toEqual([]);
  });
});
