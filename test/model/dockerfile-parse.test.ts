import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/model/dockerfile/parse.js';

const at = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

describe('Dockerfile parser', () => {
  it('reads parser directives only at the top', () => {
    const src = '# syntax=docker/dockerfile:1.7\n# escape=`\nFROM scratch\n# escape=\\\n';
    const df = parseDockerfile('D', src);
    expect(df.directives.map((d) => [d.name, d.value, d.line])).toEqual([['syntax', 'docker/dockerfile:1.7', 1], ['escape', '`', 2]]);
    expect(df.escape).toBe('`');
    expect(df.comments.map((c) => c.text)).toEqual(['escape=\\']);
  });

  it('stops looking for directives after a blank line or comment', () => {
    const df = parseDockerfile('D', '# hello\n# escape=`\nFROM scratch\n');
    expect(df.directives).toEqual([]);
    expect(df.escape).toBe('\\');
  });

  it('joins continuation lines and drops comment and blank lines inside them', () => {
    const src = 'FROM debian\nRUN apt-get update \\\n  # a comment\n\n  && apt-get install -y curl\n';
    const df = parseDockerfile('D', src);
    const run = df.instructions[1];
    expect(run.args.text).toBe(' apt-get update   && apt-get install -y curl');
    expect(run.innerComments.map((c) => [c.text, c.line])).toEqual([['a comment', 3]]);
    const cmds = df.script(run).commands;
    expect(cmds.map((c) => c.name)).toEqual(['apt-get', 'apt-get']);
    const curl = cmds[1].args[2];
    expect(curl.value).toBe('curl');
    expect(df.source.position(curl.start)).toEqual({ line: 5, column: 25 });
    expect(at(src, curl)).toBe('curl');
    expect(run.end).toBe(src.length - 1);
  });

  it('uses the backtick as escape character when the directive says so', () => {
    const src = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command `\n    Write-Host hi\nCOPY C:\\src C:\\app\\\n';
    const df = parseDockerfile('D', src);
    expect(df.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'COPY']);
    expect(df.instructions[1].args.text).toBe(' powershell -Command     Write-Host hi');
    expect(df.instructions[2].words.map((w) => w.value)).toEqual(['C:\\src', 'C:\\app\\']);
  });

  it('reads flags, including unknown future ones, and mount options', () => {
    const src = 'FROM alpine\nRUN --mount=type=cache,target=/var/cache/apk,sharing=locked --network=none --frobnicate=yes apk add curl\nCOPY --chown=1000:1000 --chmod=755 --link --exclude=*.md --parents src/ /app/\nADD --checksum=sha256:abc --keep-git-dir=true https://x/y.tgz /tmp/\n';
    const df = parseDockerfile('D', src);
    const run = df.instructions[1];
    expect(run.flags.map((f) => [f.name, f.value])).toEqual([['mount', 'type=cache,target=/var/cache/apk,sharing=locked'], ['network', 'none'], ['frobnicate', 'yes']]);
    expect(Object.fromEntries(run.flags[0].options!)).toEqual({ type: 'cache', target: '/var/cache/apk', sharing: 'locked' });
    expect(run.error).toBeNull();
    expect(df.script(run).commands[0].name).toBe('apk');
    const copy = df.instructions[2];
    expect(copy.flags.map((f) => f.name)).toEqual(['chown', 'chmod', 'link', 'exclude', 'parents']);
    expect(copy.words.map((w) => w.value)).toEqual(['src/', '/app/']);
    expect(at(src, copy.flags[1])).toBe('--chmod=755');
    expect(at(src, copy.flags[1].valueSpan!)).toBe('755');
    expect(df.instructions[3].flags.map((f) => f.name)).toEqual(['checksum', 'keep-git-dir']);
  });

  it('parses heredocs: bare, after a command, several per instruction, <<-, quoted, COPY', () => {
    const src = [
      'FROM debian',
      'RUN <<EOF',
      'apt-get update',
      'apt-get install -y curl',
      'EOF',
      'RUN python3 <<PY',
      'print("hi")',
      'PY',
      'RUN cat <<A > /a && cat <<-"B" > /b',
      'one',
      'A',
      '\ttwo',
      '\tB',
      'COPY <<CONF /etc/app.conf',
      'key=value',
      'CONF',
      'CMD ["true"]',
      '',
    ].join('\n');
    const df = parseDockerfile('D', src);
    expect(df.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'RUN', 'RUN', 'COPY', 'CMD']);
    const [, r1, r2, r3, copy] = df.instructions;
    expect(r1.heredocs.map((h) => [h.delimiter, h.body])).toEqual([['EOF', 'apt-get update\napt-get install -y curl\n']]);
    expect(df.script(r1).commands.filter((c) => c.name).map((c) => c.args.map((a) => a.value).join(' '))).toEqual(['update', 'install -y curl']);
    const install = df.script(r1).commands.find((c) => c.args[0]?.value === 'install')!;
    expect(df.source.position(install.start)).toEqual({ line: 4, column: 1 });
    // A python heredoc body is not shell.
    expect(df.script(r2).commands.map((c) => c.name)).toEqual(['python3']);
    expect(r3.heredocs.map((h) => [h.delimiter, h.quoted, h.stripTabs, h.body])).toEqual([['A', false, false, 'one\n'], ['B', true, true, '\ttwo\n']]);
    expect(copy.heredocs[0].body).toBe('key=value\n');
    expect(copy.error).toBeNull();
    expect(df.instructions[5].line).toBe(17);
  });

  it('accepts a heredoc after a line continuation', () => {
    const src = 'FROM debian\nRUN --mount=type=cache,target=/x \\\n  <<EOF\necho hi\nEOF\nUSER nobody\n';
    const df = parseDockerfile('D', src);
    expect(df.instructions.map((i) => [i.keyword, i.error])).toEqual([['FROM', null], ['RUN', null], ['USER', null]]);
    expect(df.instructions[1].heredocs[0].body).toBe('echo hi\n');
  });

  it('reports an unterminated heredoc on its marker and keeps parsing nothing after it', () => {
    const src = 'FROM debian\nRUN <<EOF\necho hi\n';
    const df = parseDockerfile('D', src);
    expect(df.instructions[1].error?.message).toMatch(/never terminated/);
    expect(at(src, df.instructions[1].error!.span)).toBe('<<EOF');
  });

  it('tells exec form from shell form', () => {
    const src = 'FROM x\nCMD ["node", "server.js"]\nENTRYPOINT [not json]\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n';
    const df = parseDockerfile('D', src);
    expect(df.instructions[1].json?.values).toEqual(['node', 'server.js']);
    expect(df.instructions[1].json?.spans.map((s) => at(src, s))).toEqual(['"node"', '"server.js"']);
    expect(df.instructions[2].json).toBeNull();
    expect(df.instructions[3].json?.values).toEqual(['/bin/bash', '-o', 'pipefail', '-c']);
  });

  it('ends the last instruction before a \\r that ends the file (Docker drops it)', () => {
    const src = 'FROM a\nCMD ["node", "x.js"]\r';
    const df = parseDockerfile('D', src);
    expect(at(src, df.instructions[1])).toBe('CMD ["node", "x.js"]');
    expect(df.instructions[1].json?.values).toEqual(['node', 'x.js']);
    expect(df.instructions[1].error).toBeNull();
  });

  it('splits stages, aliases, parents and image references', () => {
    const src = 'ARG BASE=node:20.11-slim\nARG REG=ghcr.io\nFROM ${BASE} AS Build\nFROM build AS test\nFROM $REG/acme/app:1.2@sha256:abcd AS final\nFROM ${UNKNOWN}\n';
    const df = parseDockerfile('D', src);
    expect(df.globalArgs).toHaveLength(2);
    const [build, test, fin, unk] = df.stages;
    expect([build.alias, build.resolvedImage, build.ref?.repository, build.ref?.tag]).toEqual(['build', 'node:20.11-slim', 'node', '20.11-slim']);
    expect(at(src, build.imageSpan)).toBe('${BASE}');
    expect([test.parentStage, test.ref]).toEqual([0, null]);
    expect(fin.ref).toEqual({ raw: 'ghcr.io/acme/app:1.2@sha256:abcd', registry: 'ghcr.io', repository: 'acme/app', tag: '1.2', digest: 'sha256:abcd' });
    expect(unk.resolvedImage).toBeNull();
    expect([...df.shippedStages]).toEqual([3]);
  });

  it('looks stages up by name: the first of a name, and only earlier ones as parents', () => {
    const src = 'FROM alpine AS App\nFROM app AS b\nFROM later AS c\nFROM alpine AS app\nFROM alpine AS later\n';
    const df = parseDockerfile('D', src);
    expect(df.stageNamed('app')?.index).toBe(0);
    expect(df.stageNamed('later')?.index).toBe(4);
    expect(df.stageNamed('App')).toBeUndefined(); // names are stored in lower case
    expect(df.stageNamed('nope')).toBeUndefined();
    expect(df.stages.map((s) => s.parentStage)).toEqual([null, 0, null, null, null]);
    expect(df.stages[2].ref?.repository).toBe('later'); // a name defined further down is an image
    // Thousands of stages, each FROM the one before.
    const chain = ['FROM alpine AS s0', ...Array.from({ length: 5000 }, (_, i) => `FROM s${i} AS s${i + 1}`)].join('\n');
    const big = parseDockerfile('D', chain);
    expect(big.stages.at(-1)!.parentStage).toBe(4999);
    expect(big.stageNamed('s2500')?.index).toBe(2500);
  });

  it('expands global ARG defaults that use earlier global ARGs', () => {
    const src = 'ARG MAJOR=3.12\nARG TAG=${MAJOR}-slim\nARG LATER=${NOPE}x\nFROM python:${TAG}\nARG TAG\nRUN echo $TAG\nFROM alpine:${LATER}\n';
    const df = parseDockerfile('D', src);
    expect(df.stages[0].resolvedImage).toBe('python:3.12-slim');
    // Re-declared in the stage without a value: the global default, expanded.
    expect(df.variable(df.instructions[5], 'TAG')).toBe('3.12-slim');
    // A default that uses an unknown variable is unknown, not its raw text.
    expect(df.stages[1].resolvedImage).toBeNull();
  });

  it('marks the shipped stage chain', () => {
    const df = parseDockerfile('D', 'FROM node:20 AS base\nFROM base AS build\nFROM alpine AS other\nFROM base\n');
    expect([...df.shippedStages].sort()).toEqual([0, 3]);
  });

  it('resolves ARG and ENV in scope', () => {
    const src = 'ARG V=1\nFROM x\nARG V\nENV A=$V B=${C:-dflt}\nENV D=${A}-x\nRUN true\nFROM x AS two\nRUN true\n';
    const df = parseDockerfile('D', src);
    const run = df.instructions[5];
    expect(df.variable(run, 'V')).toBe('1');
    expect(df.variable(run, 'A')).toBe('1');
    expect(df.variable(run, 'B')).toBe('dflt');
    expect(df.variable(run, 'D')).toBe('1-x');
    expect(df.expand(run, '${D}/bin')).toBe('1-x/bin');
    expect(df.variable(df.instructions[7], 'A')).toBeUndefined();
  });

  it("resolves a parent stage's ENV from that stage's ARG, which the child does not see itself", () => {
    const src = 'FROM debian:12 AS base\nARG APP_HOME=app\nENV APP_HOME=${APP_HOME} HOME_ARG=$APP_HOME\nARG ONLY_ARG=x\nFROM base\nRUN true\n';
    const df = parseDockerfile('D', src);
    const run = df.instructions[5];
    expect(df.variable(run, 'APP_HOME')).toBe('app');
    expect(df.variable(run, 'ONLY_ARG')).toBeUndefined();
  });

  it('leaves a variable to the RUN that assigns it itself', () => {
    const src = 'FROM x\nARG PKG=curl\nARG N=1\nRUN PKG="curl=7.88.1-10" && export A=1 && read B && for C in a b; do :; done && apt-get install $PKG\nRUN X=1 env && echo $N\n';
    const df = parseDockerfile('D', src);
    const [run1, run2] = [df.instructions[3], df.instructions[4]];
    expect(df.expand(run1, '$PKG')).toBeNull();
    for (const n of ['PKG', 'A', 'B', 'C']) expect(df.variable(run1, n)).toBeUndefined();
    expect(df.variable(run1, 'N')).toBe('1');
    // A prefix assignment sets X for its command only.
    expect(df.expand(run2, '$N')).toBe('1');
    expect(df.variable(run2, 'PKG')).toBe('curl');
  });

  it('lets an ENV outrank a later ARG of the same name, its own stage\'s or one inherited with FROM, as Docker documents', () => {
    const src = 'FROM x AS base\nENV X=env\nARG X=arg\nRUN a\nARG X\nENV Y=$X\nRUN b\nFROM base\nARG X=child\nRUN c\nFROM x\nARG X=only\nRUN d\nENV X=set\nRUN e\n';
    const df = parseDockerfile('D', src);
    const runs = df.instructions.filter((i) => i.keyword === 'RUN');
    expect(runs.map((r) => df.variable(r, 'X'))).toEqual(['env', 'env', 'env', 'only', 'set']);
    expect(df.variable(runs[1], 'Y')).toBe('env');
  });

  it('inherits an ENV from the nearest ancestor stage that sets it, not from a later sibling, however many siblings set it', () => {
    const siblings = Array.from({ length: 100 }, (_, i) => `FROM a AS b${i}\nENV X=b${i}\n`).join('');
    const src = `FROM x AS a\nENV X=a\n${siblings}FROM a AS c\nRUN c\nFROM c AS d\nRUN d\nFROM b7 AS e\nRUN e\nFROM x\nRUN f\n`;
    const df = parseDockerfile('D', src);
    const runs = df.instructions.filter((i) => i.keyword === 'RUN');
    expect(runs.map((r) => df.variable(r, 'X'))).toEqual(['a', 'a', 'b7', undefined]);
  });

  it("gives every key of one ENV the values from before it, and applies one ARG's keys in turn", () => {
    const src = 'FROM x\nENV U=app\nENV U=root RUNAS=$U\nARG A=1 B=$A\nRUN true\n';
    const df = parseDockerfile('D', src);
    const run = df.instructions[4];
    expect(df.variable(run, 'RUNAS')).toBe('app');
    expect(df.variable(run, 'U')).toBe('root');
    expect(df.variable(run, 'B')).toBe('1');
  });

  it('parses ENV, LABEL and ARG pairs with quotes and the legacy form', () => {
    const src = 'FROM x\nENV A=1 B="two words" C=\'x y\'\nENV LEGACY some value\nLABEL "org.opencontainers.image.title"="App" version=1.0\nARG NAME\nARG WITH=default\n';
    const df = parseDockerfile('D', src);
    const [, env, legacy, label, a1, a2] = df.instructions;
    expect(env.pairs.map((p) => [p.key, p.value, at(src, p.valueSpan)])).toEqual([['A', '1', '1'], ['B', 'two words', '"two words"'], ['C', 'x y', "'x y'"]]);
    expect(legacy.pairs.map((p) => [p.key, p.value])).toEqual([['LEGACY', 'some value']]);
    expect(label.pairs.map((p) => [p.key, p.value])).toEqual([['org.opencontainers.image.title', 'App'], ['version', '1.0']]);
    expect([a1.pairs[0].hasValue, a2.pairs[0].value]).toEqual([false, 'default']);
  });

  it('parses ONBUILD triggers as instructions', () => {
    const src = 'FROM x\nONBUILD RUN apt-get install -y curl\nONBUILD COPY . /app\n';
    const df = parseDockerfile('D', src);
    const t = df.instructions[1].trigger!;
    expect([t.keyword, t.parent === df.instructions[1]]).toEqual(['RUN', true]);
    const cmd = df.script(t).commands[0];
    expect([cmd.name, at(src, cmd)]).toEqual(['apt-get', 'apt-get install -y curl']);
    expect(df.instructions[2].trigger!.words.map((w) => w.value)).toEqual(['.', '/app']);
  });

  it('reports a syntax error per instruction and keeps the rest', () => {
    const src = 'FROM x\nFROMM y\nCOPY onlyone\nENV\nHEALTHCHECK curl x\nRUN echo ok\n';
    const df = parseDockerfile('D', src);
    expect(df.instructions.map((i) => i.error?.message ?? null)).toEqual([
      null,
      'unknown instruction "FROMM"',
      'COPY requires at least a source and a destination',
      'ENV requires at least one argument',
      'HEALTHCHECK must be followed by CMD <command> or NONE',
      null,
    ]);
  });

  it('handles CRLF line endings and a BOM', () => {
    const src = '\uFEFF# syntax=docker/dockerfile:1\r\nFROM alpine:3.19\r\nRUN apk add \\\r\n  curl\r\n';
    const df = parseDockerfile('D', src);
    expect(df.directives).toHaveLength(1);
    expect(df.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN']);
    const curl = df.script(df.instructions[1]).commands[0].args[1];
    expect([curl.value, df.source.position(curl.start)]).toEqual(['curl', { line: 4, column: 3 }]);
    expect(df.stages[0].ref?.tag).toBe('3.19');
  });

  it('never throws on junk', () => {
    for (const junk of ['', '\n\n', '\\', 'RUN \\', 'FROM', '<<EOF', 'RUN <<', '["a"', '\u0000\u0001', 'ONBUILD', 'ONBUILD ONBUILD', 'RUN $(( ', 'RUN "unterminated', "RUN 'x", 'RUN `x', 'RUN a &&& b ||| c ;;; d']) {
      expect(() => {
        const df = parseDockerfile('D', junk);
        for (const i of df.instructions) df.script(i);
      }).not.toThrow();
    }
  });
});

describe('exec-form shell scripts', () => {
  it('maps ["sh", "-c", "..."] scripts to exact positions across JSON escapes', () => {
    const src = 'FROM x\nRUN ["sh", "-c", "echo \\"a\\" && apt-get install curl"]\n';
    const df = parseDockerfile('D', src);
    const cmds = df.script(df.instructions[1]).commands;
    const curl = cmds[1].args[1];
    expect(curl.value).toBe('curl');
    expect(src.slice(curl.start, curl.end)).toBe('curl');
  });
});

describe('parser edge cases', () => {
  it('does not continue a line that ends in an escaped escape', () => {
    const df = parseDockerfile('D', 'FROM x\nCOPY a b C:\\\\dir\\\\\n\nENV V 1\n');
    expect(df.instructions.map((i) => i.keyword)).toEqual(['FROM', 'COPY', 'ENV']);
  });

  it('resolves global ARGs at FROM', () => {
    const df = parseDockerfile('D', 'ARG P=linux/amd64\nFROM --platform=$P alpine:3\n');
    expect(df.expand(df.stages[0].from, '$P')).toBe('linux/amd64');
  });

  it('expands a default that is itself a variable, ${A:-${B}}', () => {
    const df = parseDockerfile('D', 'ARG DEFAULT_TAG=latest\nARG TAG\nARG SET=3\nFROM debian:${TAG:-${DEFAULT_TAG}}\n');
    const from = df.stages[0].from;
    expect(df.expand(from, 'debian:${TAG:-${DEFAULT_TAG}}')).toBe('debian:latest');
    expect(df.expand(from, '${SET:-${DEFAULT_TAG}}-x')).toBe('3-x');
    expect(df.expand(from, '${TAG:-${NOPE}}')).toBeNull();
    expect(df.expand(from, '${TAG:-${DEFAULT_TAG}')).toBeNull();
  });
});

describe('word splitting', () => {
  it('splits COPY/ADD on whitespace first, as BuildKit does; quotes act inside a word', () => {
    const df = parseDockerfile('D', 'FROM x\nADD \\conf\\\\" /.znc\nCOPY "a"b "/c d" /e/\n');
    expect(df.instructions[1].words.map((w) => w.raw)).toEqual(['\\conf\\\\"', '/.znc']);
    expect(df.instructions[2].words.map((w) => w.value)).toEqual(['ab', '"/c', 'd"', '/e/']);
    expect(df.instructions[1].error).toBeNull();
  });
});

describe('sh -c scripts in shell-form RUN', () => {
  const commandsOf = (run: string) => {
    const df = parseDockerfile('Dockerfile', `FROM debian:12-slim\n${run}\n`);
    const text = df.source.text;
    return df.script(df.instructions[1]).commands.map((c) => [c.base, c.nested, text.slice(c.start, c.end)]);
  };

  it('reads a quoted script with no expansion as nested commands, in source order, at their source positions', () => {
    expect(commandsOf("RUN sh -c 'cd /tmp && apt-get install -y curl' && echo done")).toEqual([
      ['sh', false, "sh -c 'cd /tmp && apt-get install -y curl'"],
      ['cd', true, 'cd /tmp'],
      ['apt-get', true, 'apt-get install -y curl'],
      ['echo', false, 'echo done'],
    ]);
  });

  it('reads the script of a shell run by a wrapper', () => {
    expect(commandsOf("RUN sudo -E sh -c 'rm -rf /var/lib/apt/lists/*'")).toEqual([
      ['sudo', false, "sudo -E sh -c 'rm -rf /var/lib/apt/lists/*'"],
      ['rm', true, 'rm -rf /var/lib/apt/lists/*'],
    ]);
  });

  it('reads a double-quoted script with expansions as the outer shell leaves it: the expansions are words of it', () => {
    expect(commandsOf('RUN bash -c "apt-get install $PKGS && echo $(date)"')).toEqual([
      ['bash', false, 'bash -c "apt-get install $PKGS && echo $(date)"'],
      ['apt-get', true, 'apt-get install $PKGS'],
      ['echo', true, 'echo $(date)'],
      // The outer parse's (once).
      ['date', true, 'date'],
    ]);
  });

  it('leaves a script with escapes or continuation lines to the outer parse', () => {
    expect(commandsOf('RUN bash -c "echo \\"x\\""').map((c) => c[0])).toEqual(['bash']);
    expect(commandsOf("RUN bash -c 'echo a \\\n  && echo b'").map((c) => c[0])).toEqual(['bash']);
  });
});
