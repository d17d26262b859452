import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/model/dockerfile/parse.js';
import { commandsIn, runCommandsNamed } from '../../src/rules/helpers/dockerfile.js';
import { innerCommand } from '../../src/model/shell/wrappers.js';

const firstCommand = (script: string) => {
  const df = parseDockerfile('Dockerfile', `FROM debian:12-slim\nRUN ${script}\n`);
  return { df, cmd: df.script(df.instructions[1]).commands[0] };
};

describe('innerCommand', () => {
  it.each([
    ['sudo apt-get install -y curl', 'apt-get', ['install', '-y', 'curl'], []],
    ['sudo -E -u app pip install flask', 'pip', ['install', 'flask'], []],
    ['sudo DEBIAN_FRONTEND=noninteractive apt-get upgrade', 'apt-get', ['upgrade'], ['DEBIAN_FRONTEND=noninteractive']],
    ['env -u HOME A=1 B=2 /usr/bin/apt-get update', 'apt-get', ['update'], ['A=1', 'B=2']],
    ['xargs -r -n 1 apk add --no-cache', 'apk', ['add', '--no-cache'], []],
    ['nice -n 10 make -j4', 'make', ['-j4'], []],
    ['/usr/bin/time -f %e go build ./...', 'go', ['build', './...'], []],
    ['exec -a app node server.js', 'node', ['server.js'], []],
    ['sudo -- rm -rf /tmp/x', 'rm', ['-rf', '/tmp/x'], []],
    ['sudo -Eu root apt-get install curl', 'apt-get', ['install', 'curl'], []],
    ['sudo -k curl -k https://x', 'curl', ['-k', 'https://x'], []],
    ['env - PATH=/usr/bin curl -k https://x', 'curl', ['-k', 'https://x'], ['PATH=/usr/bin']],
    ['timeout -s KILL 600 apt-get install -y curl', 'apt-get', ['install', '-y', 'curl'], []],
    ['eatmydata apt-get install -y curl', 'apt-get', ['install', '-y', 'curl'], []],
    ['flock /tmp/lock make all', 'make', ['all'], []],
    ['xargs -I{} pip install --no-cache-dir {}', 'pip', ['install', '--no-cache-dir'], []],
    ['xargs -I % apt-get install -y %', 'apt-get', ['install', '-y'], []],
    ['xargs --replace cp {} /dest/{}.bak', 'cp', [], []],
    ['busybox wget -q http://x', 'wget', ['-q', 'http://x'], []],
    ['builtin cd /app', 'cd', ['/app'], []],
  ])('%s runs %s', (script, base, args, assignments) => {
    const { df, cmd } = firstCommand(script);
    const inner = innerCommand(cmd)!;
    expect(inner.base).toBe(base);
    expect(inner.args.map((a) => a.value)).toEqual(args);
    expect(inner.assignments.map((a) => a.value)).toEqual(assignments);
    // The inner command keeps source positions: its first word is the program's name in the text.
    expect(df.source.text.slice(inner.words[0].start, inner.words[0].end)).toBe(inner.name);
    expect(inner.start).toBe(inner.words[0].start);
    expect(inner.end).toBe(cmd.end);
  });

  it.each([
    'command -v curl',
    'sudo -l',
    'sudo -s',
    'env',
    'env A=1',
    'env -S "apt-get install -y curl"',
    'apt-get install -y curl',
    'xargs',
    'doas -C /etc/doas.conf curl -k https://x',
    'flock -c "make all" /tmp/lock',
    'busybox --install -s',
    'busybox --list',
    'busybox',
  ])('%s runs no command', (script) => {
    expect(innerCommand(firstCommand(script).cmd)).toBeUndefined();
  });
});

it('leaves a prefix on the wrapper to the wrapper', () => {
  const { cmd } = firstCommand('NODE_TLS_REJECT_UNAUTHORIZED=0 nice -n 5 node seed.js');
  expect(cmd.assignments.map((a) => a.value)).toEqual(['NODE_TLS_REJECT_UNAUTHORIZED=0']);
  expect(innerCommand(cmd)!.assignments).toEqual([]);
});

describe('the RUN command index', () => {
  const df = parseDockerfile('Dockerfile', 'FROM debian:12-slim\nRUN sudo env A=1 apt-get update && echo done\nRUN apt-get install -y curl\n');

  it('lists a wrapped command under its own name after its wrappers', () => {
    expect(runCommandsNamed(df, 'apt-get').map((rc) => [rc.instr.line, rc.cmd.args[0].value])).toEqual([[2, 'update'], [3, 'install']]);
    expect(commandsIn(df, df.instructions[1]).map((c) => c.base)).toEqual(['sudo', 'env', 'apt-get', 'echo']);
    expect(commandsIn(df, df.instructions[2]).map((c) => c.base)).toEqual(['apt-get']);
  });

  it('returns no commands for an instruction that is no RUN', () => {
    expect(commandsIn(df, df.instructions[0])).toEqual([]);
  });
});
