import rule from '../../../src/rules/dockerfile/label-unexpected.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const settings = { strictLabels: true, labelSchema: { maintainer: 'text', 'org.opencontainers.image.source': 'url' } };

ruleTester(rule, {
  valid: [
    { name: 'strictLabels off', code: 'FROM alpine:3.20\nLABEL anything=1\n', settings: { labelSchema: { maintainer: 'text' } } },
    { code: 'FROM alpine:3.20\nLABEL maintainer=me org.opencontainers.image.source=https://x.io\n', settings },
    { name: 'legacy form', code: 'FROM alpine:3.20\nLABEL maintainer Jane Doe\n', settings },
    { name: 'key from a resolved variable', code: 'FROM alpine:3.20\nARG K=maintainer\nLABEL $K=me\n', settings },
    { name: 'key from an unknown variable', code: 'FROM alpine:3.20\nARG K\nLABEL $K=me\n', settings },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nLABEL maintainer=me build-host="ci-7"\n',
      settings,
      errors: [{ line: 2, column: 21, endLine: 2, endColumn: 31, message: 'Label "build-host" is not in labelSchema' }],
    },
    {
      name: 'empty schema: every label',
      code: 'FROM alpine:3.20\nLABEL a=1 \\\n      b=2\n',
      settings: { strictLabels: true },
      errors: [{ line: 2, column: 7, endColumn: 8 }, { line: 3, column: 7, endColumn: 8 }],
    },
    {
      name: 'names are case-sensitive',
      code: 'FROM alpine:3.20\nLABEL Maintainer=me\n',
      settings,
      errors: [{ line: 2, column: 7, endColumn: 17 }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM alpine:3.20\nONBUILD LABEL extra=1\n',
      settings,
      errors: [{ line: 2, column: 15, endColumn: 20 }],
    },
  ],
});
