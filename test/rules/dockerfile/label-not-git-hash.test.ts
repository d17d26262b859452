import rule from '../../../src/rules/dockerfile/label-not-git-hash.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const settings = { labelSchema: { 'org.opencontainers.image.revision': 'hash' } };
const L = 'LABEL org.opencontainers.image.revision=';

ruleTester(rule, {
  valid: [
    { name: 'no schema', code: `FROM alpine:3.20\n${L}main\n` },
    { code: `FROM alpine:3.20\n${L}4f2c1e9a7b3d5f60718293a4b5c6d7e8f9012345\n`, settings },
    { name: 'short hash', code: `FROM alpine:3.20\n${L}4f2c1e9\n`, settings },
    { name: 'longer abbreviation than 7', code: `FROM alpine:3.20\n${L}4f2c1e9a7b3d\n`, settings },
    { name: 'unresolved build argument', code: `FROM alpine:3.20\nARG VCS_REF\n${L}$VCS_REF\n`, settings },
  ],
  invalid: [
    {
      code: `FROM alpine:3.20\n${L}"main"\n`,
      settings,
      errors: [{ line: 2, column: 41, endLine: 2, endColumn: 47, message: 'must be a git commit hash but is "main"' }],
    },
    {
      name: 'upper-case hex',
      code: `FROM alpine:3.20\n${L}4F2C1E9\n`,
      settings,
      errors: [{ line: 2, column: 41, endColumn: 48 }],
    },
  ],
});
