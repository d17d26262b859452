import { describe, expect, it } from 'vitest';
import { runCompose } from '../../helpers/compose-tester.js';

// The rules about a setting a service lacks: they skip a service whose other half is elsewhere.
const MISSING_SETTING_RULES = [
  'restart-policy-missing', 'resource-limits-missing', 'healthcheck-missing', 'logging-rotation-missing',
  'no-new-privileges-missing', 'read-only-missing', 'cap-drop-all-missing', 'runs-as-root',
];

const reported = (c: Parameters<typeof runCompose>[0]) =>
  runCompose(c).findings.filter((f) => MISSING_SETTING_RULES.includes(f.ruleName)).map((f) => `${f.ruleName}@${'line' in f.location ? f.location.line : 0}`);

describe('partial Compose services', () => {
  it('an override file read alone (services with neither image nor build) is a fragment', () => {
    expect(reported({ code: 'services:\n  app:\n    env_file: test.env\n' })).toEqual([]);
  });

  it('a service whose extends base file cannot be read', () => {
    expect(reported({ code: 'services:\n  web:\n    image: nginx:1.27\n    extends:\n      file: ../base/compose.yaml\n      service: web\n' })).toEqual([]);
  });

  it('a service that extends one whose base cannot be read', () => {
    const code = 'services:\n  base:\n    extends:\n      file: missing.yaml\n      service: x\n  web:\n    image: nginx:1.27\n    extends: base\n';
    expect(reported({ code })).toEqual([]);
  });

  it('every one of these rules still fires on a complete service, also one completed through extends', () => {
    const code = 'services:\n  web:\n    extends:\n      file: base.yaml\n      service: web\n';
    const got = reported({ code, files: { 'base.yaml': 'services:\n  web:\n    image: nginx:1.27\n' } });
    expect(new Set(got.map((g) => g.split('@')[0]))).toEqual(new Set(MISSING_SETTING_RULES));
  });
});
