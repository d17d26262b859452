import rule from '../../../src/rules/dockerfile/apt-lists-not-cleaned.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'the lists removed through a variable', code: 'FROM debian:12\nENV LISTS=/var/lib/apt/lists\nRUN apt-get update && apt-get install -y --no-install-recommends git=1:2.39 && rm -rf ${LISTS}/*\n' },
    { name: 'lists removed by sudo', code: 'FROM debian:12-slim\nRUN sudo apt-get update && sudo apt-get install -y curl && sudo rm -rf /var/lib/apt/lists/*\n' },
    { name: 'lists removed in a bash -c script the parser reads as commands', code: 'FROM debian:12-slim\nRUN sudo apt-get update && sudo bash -c "apt-get install -y curl && rm -rf /var/lib/apt/lists/*"\n' },
    { name: 'lists removed in a bash -c script with expansions, read as text', code: 'FROM debian:12-slim\nARG PKG=curl\nRUN sudo apt-get update && sudo bash -c "apt-get install -y $PKG && rm -rf /var/lib/apt/lists/*"\n' },
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -fr /var/lib/apt/lists /tmp/*\n',
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -r -f /var/lib/apt/lists/\n',
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt-get distclean\n',
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && find /var/lib/apt/lists -type f -delete\n',
    'FROM debian:12\nRUN apt-get update\\\n && apt-get install -y curl \\\n && apt-get clean \\\n && rm -rf /var/lib/apt/lists/*\n',
    { name: 'no update, nothing downloaded', code: 'FROM debian:12\nRUN apt-get install -y ./pkg.deb\n' },
    { name: 'build stage that does not ship', code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM scratch\nCOPY --from=build /out /out\n' },
    { name: 'cache mount on the lists', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n' },
    { name: 'cache mounts on /var/lib/apt and /var/cache/apt', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n    apt-get update && apt-get install -y curl\n' },
    { name: 'tmpfs mount', code: 'FROM debian:12\nRUN --mount=type=tmpfs,dst=/var/lib/apt/lists/ apt-get update && apt-get install -y curl\n' },
    'FROM debian:12\nRUN echo apt-get update\n',
    'FROM debian:12\nRUN apt-cache update\n',
  ],
  invalid: [
    { name: 'removing or mounting only a part of the lists leaves the rest', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl=7.88.1-10 && rm -rf /var/lib/apt/lists/partial\nRUN --mount=type=cache,target=/var/lib/apt/lists/partial apt-get update && apt-get install -y wget=1.21\n', errors: [{ line: 2, column: 5 }, { line: 3, column: 58 }] },
    { name: 'no fix after sudo: rm would run as the stage user', code: 'FROM debian:12\nUSER app\nRUN sudo apt-get update && sudo apt-get install -y --no-install-recommends curl=7.88.1-10\n', errors: [{ line: 3, column: 10 }], output: 'FROM debian:12\nUSER app\nRUN sudo apt-get update && sudo apt-get install -y --no-install-recommends curl=7.88.1-10\n' },
    {
      name: 'an update run by sudo',
      code: 'FROM debian:12-slim\nRUN sudo apt-get update && sudo apt-get install -y curl\n',
      errors: [{ line: 2, column: 10, endColumn: 24 }],
    },
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 19, message: 'rm -rf /var/lib/apt/lists/*' }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'removing a sibling whose name starts like the lists directory does not count',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists.bak\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 19 }],
    },
    {
      name: 'apt and aptitude count, the fix ends the RUN',
      code: 'FROM debian:12\nRUN apt update && apt install -y curl && echo done\n',
      errors: [{ line: 2, column: 5, endColumn: 15, message: '`apt update`' }],
      output: 'FROM debian:12\nRUN apt update && apt install -y curl && echo done && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'the fix goes after a script run after apt, which may install from the lists',
      code: 'FROM debian:12\nRUN apt-get update && bash /tmp/scripts/sshd-debian.sh\n',
      errors: [{ line: 2, column: 5, endColumn: 19 }],
      output: 'FROM debian:12\nRUN apt-get update && bash /tmp/scripts/sshd-debian.sh && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'an if that closes before the last command does not withhold the fix',
      code: 'FROM debian:12\nRUN apt-get update && if true; then apt-get install -y curl; fi && fi_done=1\n',
      errors: [{ line: 2, column: 5, endColumn: 19 }],
      output: 'FROM debian:12\nRUN apt-get update && if true; then apt-get install -y curl; fi && fi_done=1 && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'a RUN that is one if around the update and the install: the cleanup goes in the same branch',
      code: 'FROM debian:12\nARG JDK=false\nRUN if [ "$JDK" = true ]; then \\\n    apt-get update && apt-get install -y default-jdk \\\n;fi\n',
      errors: [{ line: 4, column: 5, endColumn: 19 }],
      output: 'FROM debian:12\nARG JDK=false\nRUN if [ "$JDK" = true ]; then \\\n    apt-get update && apt-get install -y default-jdk && rm -rf /var/lib/apt/lists/* \\\n;fi\n',
    },
    {
      name: 'at the end of the RUN, after || and pipelines',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl || true\nRUN apt-get update && apt-get install -y wget | tee /log\n',
      errors: [{ line: 2, column: 5 }, { line: 3, column: 5 }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl || true && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get install -y wget | tee /log && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'continuation lines, options before update',
      code: 'FROM debian:12\nRUN set -eux; \\\n    apt-get -qq update; \\\n    apt-get install -y curl \\\n      git\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 23 }],
      output: 'FROM debian:12\nRUN set -eux; \\\n    apt-get -qq update; \\\n    apt-get install -y curl \\\n      git && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'removing the lists before update does not count',
      code: 'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && aptitude update && aptitude install -y curl\n',
      errors: [{ line: 2, column: 36, endColumn: 51 }],
      output: 'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && aptitude update && aptitude install -y curl && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'cleaning in a later RUN leaves them in the earlier layer',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n',
      errors: [{ line: 2, column: 5 }],
    },
    {
      name: 'no fix while a later RUN installs from these lists',
      code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      errors: [{ line: 2, column: 5, endColumn: 19 }],
    },
    {
      name: 'parent of the final stage ships',
      code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nCMD ["curl"]\n',
      errors: [{ line: 2, column: 5 }],
    },
    {
      name: 'a cache mount on /var/cache/apt alone leaves the lists in the layer',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl\n',
      errors: [{ line: 2, column: 46 }],
    },
    {
      name: 'heredoc: reported, no fix',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n',
      errors: [{ line: 3, column: 1, endColumn: 15 }],
    },
    {
      name: 'no fix when the RUN ends in a loop',
      code: 'FROM debian:12\nRUN apt-get update && for p in a b; do apt-get install -y $p; done\n',
      errors: [{ line: 2, column: 5 }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM debian:12\nONBUILD RUN apt-get update && apt-get install -y curl\n',
      errors: [{ line: 2, column: 13, endColumn: 27 }],
      output: 'FROM debian:12\nONBUILD RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    },
  ],
});

describe('DF011 fix is withheld where it could change the build', () => {
  const cases = {
    'a later RUN installs from these lists': 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    'a later ONBUILD installs from these lists': 'FROM debian:12\nRUN apt-get update\nONBUILD RUN apt-get install -y curl\n',
    heredoc: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n',
    'in a loop': 'FROM debian:12\nRUN apt-get update && for p in a b; do apt-get install -y $p; done\n',
    'in a subshell': 'FROM debian:12\nRUN (apt-get update && apt-get install -y curl)\n',
    'exec form': 'FROM debian:12\nRUN ["sh", "-c", "apt-get update && apt-get install -y curl"]\n',
    'non-POSIX shell': 'FROM debian:12\nSHELL ["pwsh", "-c"]\nRUN apt-get update\n',
    // The lists are for a later step that is not an apt command (here a script): removing them breaks it.
    'nothing runs after the update': 'FROM debian:12\nRUN apt-get update\nRUN ./install-deps.sh\n',
    'only apt-get clean runs after the update': 'FROM debian:12\nRUN apt-get update && apt-get clean\nRUN ./install-deps.sh\n',
    // Appended there, the cleanup would run only in that branch, or never (a function not called).
    'the RUN ends in an if branch': 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && if [ -n "$DEV" ]; then apt-get install -y gdb; fi\n',
    'the RUN ends in a function body': 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && f() { true; }\n',
  };
  for (const [name, code] of Object.entries(cases)) {
    it(name, () => {
      const found = runRule(rule, { code });
      expect(found).toHaveLength(1);
      expect(found[0].fix).toBeUndefined();
    });
  }
});
