import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import type { TextLocation } from '../../src/finding.js';

// Findings must not depend on the machine that runs the linter: HOME, USER, PWD... of its own
// process are unknown (as unset variables are), while a project's .env still sets them.
describe('host-specific variables of the linter\'s environment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipready-hostenv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const saved = { HOME: process.env.HOME, USER: process.env.USER, SR_TEST_DATA: process.env.SR_TEST_DATA };
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  const compose = 'services:\n  db:\n    image: mariadb:11.4\n    user: ${USER}\n    volumes:\n      - ${HOME}/data/mariadb:/var/lib/mysql\n      - ${SR_TEST_DATA}:/x\n';

  const cases: Array<{ name: string; dotenv?: string; env: Record<string, string>; want: string[] }> = [
    { name: 'HOME and USER of the linter are not used', env: { HOME: '/root', USER: 'root' }, want: [] },
    { name: 'a .env file that sets them still counts', dotenv: 'HOME=/root\nUSER=root\n', env: { HOME: '/home/alice', USER: 'alice' }, want: ['4:11 runs-as-root', '6:9 sensitive-host-mount'] },
    { name: 'other variables of the environment are still used', env: { SR_TEST_DATA: '/etc' }, want: ['7:9 sensitive-host-mount'] },
  ];
  cases.forEach((c, i) => {
    it(c.name, async () => {
      const sub = join(dir, `c${i}`);
      mkdirSync(sub);
      writeFileSync(join(sub, 'compose.yaml'), compose);
      if (c.dotenv) writeFileSync(join(sub, '.env'), c.dotenv);
      Object.assign(process.env, c.env);
      const r = await lint(['compose.yaml'], { cwd: sub, shellcheck: false, config: {} });
      const got = r.findings.filter((f) => ['runs-as-root', 'sensitive-host-mount'].includes(f.ruleName)).map((f) => `${(f.location as TextLocation).line}:${(f.location as TextLocation).column} ${f.ruleName}`);
      expect(got).toEqual(c.want);
    });
  });
});
