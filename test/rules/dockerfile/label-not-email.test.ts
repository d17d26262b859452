import rule from '../../../src/rules/dockerfile/label-not-email.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const settings = { labelSchema: { maintainer: 'email' } };

ruleTester(rule, {
  valid: [
    { name: 'no schema', code: 'FROM alpine:3.20\nLABEL maintainer="Jane"\n' },
    { code: 'FROM alpine:3.20\nLABEL maintainer=jane@example.com\n', settings },
    { name: 'name-addr form', code: 'FROM alpine:3.20\nLABEL maintainer="Jane Doe <jane@example.com>"\n', settings },
    { name: 'legacy form with name-addr', code: 'FROM alpine:3.20\nLABEL maintainer Jane Doe <jane@example.com>\n', settings },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nLABEL maintainer="Platform Team"\n',
      settings,
      errors: [{ line: 2, column: 18, endLine: 2, endColumn: 33, message: 'must be an email address but is "Platform Team"' }],
    },
    {
      name: 'list of addresses',
      code: 'FROM alpine:3.20\nLABEL maintainer="a@example.com, b@example.com"\n',
      settings,
      errors: [{ line: 2, column: 18 }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM alpine:3.20\nONBUILD LABEL maintainer=jane@\n',
      settings,
      errors: [{ line: 2, column: 26, endColumn: 31 }],
    },
  ],
});
