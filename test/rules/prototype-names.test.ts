// Words that are also Object.prototype properties (`constructor`, `__proto__`, ...) reach rules as
// command names, image names, keys and stage aliases; a lookup in a plain object would find the
// inherited property and crash the rule. Every Dockerfile rule (off-by-default ones included) must
// take them as plain words.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint, lintText } from '../../src/api.js';
import { dockerfileRules } from '../../src/rules/index.js';
import type { ShipreadyConfig } from '../../src/config/types.js';

const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];
const lines = (n: string): string[] => [
  `RUN ${n} install x && ${n} build && ${n} ${n} ${n}`,
  `RUN curl -fsSL https://example.com/x | ${n} - && ${n} upgrade`,
  `HEALTHCHECK CMD ${n} ${n}`,
  `CMD ${n} ${n}`,
  `ENTRYPOINT ["${n}", "${n}"]`,
  `USER ${n}`,
  `LABEL ${n}=${n}`,
  `ENV ${n}=${n}`,
  `ARG ${n}`,
  `COPY --from=${n} ${n} /${n}`,
  `EXPOSE ${n}`,
  `WORKDIR ${n}`,
  `ONBUILD RUN ${n} ${n}`,
  `RUN apt-get install ${n} && pip install ${n} && npm install ${n} && apk add ${n} && yum install ${n} && go install ${n}`,
  `SHELL ["${n}", "-c"]`,
  `ADD ${n} ${n}`,
  // As a subcommand and as a package manager's sub-action (dnf group, yum module...).
  `RUN dnf ${n} x && yum ${n} y && dnf group ${n} z && apt-get ${n} a && apk ${n} b && pip ${n} c && npm ${n} d && gem ${n} e`,
];
const config: ShipreadyConfig = {
  rules: Object.fromEntries(dockerfileRules.map((r) => [r.id, 'warning' as const])),
  trustedRegistries: ['docker.io'],
  labelSchema: { maintainer: 'text' },
};

describe('Object.prototype names in Dockerfiles', () => {
  for (const n of NAMES) {
    it(`no rule crashes on "${n}"`, () => {
      const errors: string[] = [];
      for (const base of ['python:3.12', n, `${n}:${n}`]) {
        for (const line of lines(n)) {
          const r = lintText(`FROM ${base} AS ${n}\n${line}\n`, { config });
          for (const e of r.errors) errors.push(`${line}: ${e.message}`);
        }
      }
      expect(errors).toEqual([]);
    });

    it(`no rule crashes on "${n}" when every line is in one file (rules that relate instructions)`, () => {
      const text = `FROM python:3.12 AS ${n}\n${lines(n).join('\n')}\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n`;
      expect(lintText(text, { config }).errors.map((e) => e.message)).toEqual([]);
    });
  }
});

describe('Object.prototype names in Compose files, .dockerignore patterns and hadolint configs', () => {
  const project = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'shipready-proto-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };

  it('reads them as plain words, not as inherited functions', async () => {
    for (const n of NAMES) {
      const dir = project({
        'compose.yaml': `services:\n  a:\n    image: ${n}:1\n    cap_add: [${n}]\n    volumes:\n      - /var/run/${n}:/x\n    network_mode: ${n}\n`,
        'Dockerfile': 'FROM alpine:3.20\nCOPY . /x\n',
        '.dockerignore': `[[:${n}:]]\n`,
      });
      const r = await lint([dir], { shellcheck: false });
      expect(r.errors, n).toEqual([]);
      // No message shows an inherited function (`function Object() { [native code] }`).
      expect(r.findings.filter((f) => /native code|\[object Object\]/.test(f.message)).map((f) => `${f.ruleId}: ${f.message}`), n).toEqual([]);
      expect(r.findings.filter((f) => f.ruleId === 'DC006'), `${n}: not a Docker socket`).toEqual([]);
    }
  });

  it('refuses them as hadolint levels and thresholds', async () => {
    for (const n of NAMES.filter((x) => x !== '__proto__')) {
      const dir = project({ 'Dockerfile': 'FROM alpine:3.20\n', '.hadolint.yaml': `failure-threshold: ${n}\noverride:\n  ${n}: [DL3008]\n` });
      await expect(lint([join(dir, 'Dockerfile')], { shellcheck: false, configPath: join(dir, '.hadolint.yaml') }), n).rejects.toThrow(/failure-threshold/);
    }
  });
});
