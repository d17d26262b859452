import rule from '../../../src/rules/compose/logging-rotation-missing.js';
import { describe, expect, it } from 'vitest';
import { composeRuleTester, findingsOf } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  a:\n    image: x:1\n    logging:\n      options:\n        max-size: 10m\n',
    'services:\n  a:\n    image: x:1\n    logging:\n      driver: local\n',
    'services:\n  a:\n    image: x:1\n    logging:\n      driver: journald\n',
    { name: 'driver from an unset variable', code: 'services:\n  a:\n    image: x:1\n    logging:\n      driver: ${LOG_DRIVER}\n' },
  ],
  invalid: [
    {
      code: 'services:\n  a:\n    image: x:1 # keep\n\n  b:\n    image: y:1\n',
      errors: [{ line: 2, column: 3 }, { line: 5, column: 3 }],
      output: 'services:\n  a:\n    image: x:1 # keep\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n        max-file: "3"\n\n  b:\n    image: y:1\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n        max-file: "3"\n',
    },
    {
      name: 'json-file without options',
      code: 'services:\n  a:\n    image: x:1\n    logging:\n      driver: json-file\n',
      errors: [{ line: 5, column: 15, endColumn: 24 }],
      output: 'services:\n  a:\n    image: x:1\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n        max-file: "3"\n',
    },
    {
      name: 'options without max-size',
      code: 'services:\n  a:\n    image: x:1\n    logging:\n      options:\n        max-file: "5"\n',
      errors: [{ line: 4, column: 5 }],
      output: 'services:\n  a:\n    image: x:1\n    logging:\n      options:\n        max-file: "5"\n        max-size: 10m\n',
    },
  ],
});

describe('DC021 fix applicability', () => {
  // Safe only where the file itself names json-file: elsewhere the fix may change the driver or give another driver an option it rejects.
  const cases: Array<[string, string, 'safe' | 'unsafe']> = [
    ['no logging: the fix writes driver: json-file', 'services:\n  a:\n    image: x:1\n', 'unsafe'],
    ['options under the daemon default driver', 'services:\n  a:\n    image: x:1\n    logging:\n      options:\n        max-file: "5"\n', 'unsafe'],
    ['json-file written without options', 'services:\n  a:\n    image: x:1\n    logging:\n      driver: json-file\n', 'safe'],
    ['json-file written with options', 'services:\n  a:\n    image: x:1\n    logging:\n      driver: json-file\n      options: {max-file: "5"}\n', 'safe'],
  ];
  for (const [name, code, want] of cases) {
    it(name, () => {
      expect(findingsOf(rule, { code }).map((f) => f.fix?.applicability)).toEqual([want]);
    });
  }
});
