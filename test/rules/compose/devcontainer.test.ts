import { describe, expect, it } from 'vitest';
import { runCompose } from '../../helpers/compose-tester.js';

// The production rules: hardening, health checks, restarts, limits, log rotation, root, published databases.
const PRODUCTION = ['cap-drop-all-missing', 'no-new-privileges-missing', 'read-only-missing', 'healthcheck-missing', 'restart-policy-missing', 'resource-limits-missing', 'logging-rotation-missing', 'runs-as-root', 'database-port-published'];

const TEXT = 'services:\n  app:\n    image: node:20-slim\n    command: sleep infinity\n  db:\n    image: postgres:16\n    ports: ["5432:5432"]\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n';

const ruleNames = (path: string) => new Set(runCompose({ files: { [path]: TEXT }, main: [path], env: { POSTGRES_PASSWORD: 'x' } }).findings.map((f) => f.ruleName));

describe('dev container Compose files', () => {
  it('get no production findings in .devcontainer/, and get them all elsewhere', () => {
    const elsewhere = ruleNames('compose.yaml');
    for (const r of PRODUCTION) expect(elsewhere.has(r), r).toBe(true);
    const dev = ruleNames('.devcontainer/docker-compose.yml');
    for (const r of PRODUCTION) expect(dev.has(r), r).toBe(false);
    // Other rules still apply there (a floating image tag is still a floating tag).
    expect([...elsewhere].filter((r) => !PRODUCTION.includes(r)).every((r) => dev.has(r))).toBe(true);
  });
});
