import rule from '../../../src/rules/dockerfile/label-not-spdx.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const settings = { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' } };
const L = 'LABEL org.opencontainers.image.licenses=';

ruleTester(rule, {
  valid: [
    { name: 'no schema', code: `FROM alpine:3.20\n${L}"Apache 2"\n` },
    { code: `FROM alpine:3.20\n${L}MIT\n`, settings },
    { name: 'identifiers are case-insensitive', code: `FROM alpine:3.20\n${L}apache-2.0\n`, settings },
    { name: 'license expression (hadolint#992)', code: `FROM alpine:3.20\n${L}"Apache-2.0 OR MIT"\n`, settings },
    { name: 'WITH exception and LicenseRef', code: `FROM alpine:3.20\n${L}"(GPL-2.0-only WITH Classpath-exception-2.0) AND LicenseRef-Acme"\n`, settings },
    { name: 'deprecated id', code: `FROM alpine:3.20\n${L}GPL-2.0+\n`, settings },
  ],
  invalid: [
    {
      code: `FROM alpine:3.20\n${L}"Apache 2"\n`,
      settings,
      errors: [{ line: 2, column: 41, endLine: 2, endColumn: 51, message: 'must be an SPDX license identifier or expression but is "Apache 2"' }],
    },
    {
      name: 'unknown id inside an expression',
      code: `FROM alpine:3.20\n${L}"MIT OR GPLv3"\n`,
      settings,
      errors: [{ line: 2, column: 41, endColumn: 55 }],
    },
    {
      name: 'legacy form',
      code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses BSD\n',
      settings,
      errors: [{ line: 2, column: 41, endColumn: 44 }],
    },
  ],
});
