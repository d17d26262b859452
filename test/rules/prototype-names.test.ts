// Words that are also Object.prototype properties (`constructor`, `__proto__`, ...) reach rules as
// command names, image names, keys and stage aliases; a lookup in a plain object would find the
// inherited property and crash the rule. Every Dockerfile rule (off-by-default ones included) must
// take them as plain words.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/api.js';
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
  }
});
