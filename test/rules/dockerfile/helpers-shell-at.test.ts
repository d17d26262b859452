import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../../src/model/dockerfile/parse.js';
import { parseImageRef } from '../../../src/model/dockerfile/image-ref.js';
import { isWindowsImage, shellAt } from '../../../src/rules/helpers/dockerfile.js';

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

describe('isWindowsImage', () => {
  const windows = ['mcr.microsoft.com/windows/servercore:ltsc2022', 'mcr.microsoft.com/windows/nanoserver:1809', 'mcr.microsoft.com/windows:20H2', 'microsoft/windowsservercore', 'microsoft/mssql-server-windows-developer', 'mcr.microsoft.com/dotnet/framework/sdk:4.8', 'golang:1.22-windowsservercore-ltsc2022', 'node:20-nanoserver', 'mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022', 'stefanscherer/node-windows:6.0.0'];
  const linux = ['node:20', 'debian:12', 'mcr.microsoft.com/dotnet/sdk:8.0', 'mcr.microsoft.com/powershell:lts', 'windowsfoo/bar:1', 'acme/windowsill:2', 'golang:1.22-bookworm'];
  it('tells Windows base images from Linux ones by name and tag', () => {
    for (const image of windows) expect(isWindowsImage(parseImageRef(image)), image).toBe(true);
    for (const image of linux) expect(isWindowsImage(parseImageRef(image)), image).toBe(false);
    expect(isWindowsImage(null)).toBe(false);
  });
});

describe("the base image's shell", () => {
  it('is cmd on a Windows image, the one a `# hadolint shell=` comment names, else the default', () => {
    const shells = (src: string) => { const df = parseDockerfile('D', src); return df.instructions.filter((i) => i.keyword === 'RUN').map((i) => shellAt(df, i)); };
    expect(shells('FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS w\nRUN a\nFROM w\nRUN b\nFROM debian:12\nRUN c\n')).toEqual([['cmd', '/S', '/C'], ['cmd', '/S', '/C'], null]);
    expect(shells('# hadolint shell=powershell\nFROM acme/base:1\nRUN a\nSHELL ["/bin/sh", "-c"]\nRUN b\n')).toEqual([['powershell'], ['/bin/sh', '-c']]);
  });
});
