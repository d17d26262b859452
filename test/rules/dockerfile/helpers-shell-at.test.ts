import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../../src/model/dockerfile/parse.js';
import { shellAt } from '../../../src/rules/helpers/dockerfile.js';

describe('shellAt', () => {
  it('gives the SHELL in effect: inherited from parent stages, not from unrelated ones; triggers run after the stage', () => {
    const src = [
      'FROM debian:12 AS base',
      'RUN a',
      'SHELL ["/bin/bash", "-c"]',
      'RUN b',
      'ONBUILD RUN t',
      'SHELL ["pwsh", "-Command"]',
      'FROM base AS child',
      'RUN c',
      'FROM debian:12',
      'RUN d',
      'SHELL ["/bin/sh", "-e", "-c"]',
      'CMD e',
    ].join('\n');
    const df = parseDockerfile('Dockerfile', src);
    const at = (line: number) => shellAt(df, df.instructions.find((i) => i.line === line)!);
    expect(at(2)).toBeNull();
    expect(at(3)).toBeNull(); // a SHELL instruction is run by the shell before it
    expect(at(4)).toEqual(['/bin/bash', '-c']);
    expect(shellAt(df, df.instructions.find((i) => i.line === 5)!.trigger!)).toEqual(['pwsh', '-Command']);
    expect(at(8)).toEqual(['pwsh', '-Command']);
    expect(at(10)).toBeNull();
    expect(at(12)).toEqual(['/bin/sh', '-e', '-c']);
  });

  it('finds the right SHELL among thousands in one stage', () => {
    const lines = ['FROM debian:12'];
    for (let i = 0; i < 2000; i++) lines.push(`SHELL ["/bin/sh${i}", "-c"]`, `CMD x${i}`);
    const df = parseDockerfile('Dockerfile', lines.join('\n'));
    const cmds = df.instructions.filter((i) => i.keyword === 'CMD');
    expect(cmds.map((c) => shellAt(df, c)![0])).toEqual(cmds.map((_, i) => `/bin/sh${i}`));
  });
});
