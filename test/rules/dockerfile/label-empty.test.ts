import rule from '../../../src/rules/dockerfile/label-empty.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const settings = { labelSchema: { vendor: 'text', 'org.opencontainers.image.url': 'url' } };

ruleTester(rule, {
  valid: [
    { name: 'no schema', code: 'FROM alpine:3.20\nLABEL vendor=""\n' },
    { code: 'FROM alpine:3.20\nLABEL vendor="Example Corp"\n', settings },
    { name: 'label outside the schema', code: 'FROM alpine:3.20\nLABEL other=""\n', settings },
    { name: 'build argument without default', code: 'FROM alpine:3.20\nARG VENDOR\nLABEL vendor=$VENDOR\n', settings },
    { name: 'build argument with an empty default is a placeholder', code: 'FROM alpine:3.20\nARG VENDOR=""\nLABEL vendor="${VENDOR}"\n', settings },
    { name: 'variable with a value', code: 'ARG VENDOR=acme\nFROM alpine:3.20\nARG VENDOR\nLABEL vendor=$VENDOR\n', settings },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nLABEL vendor=""\n',
      settings,
      errors: [{ line: 2, column: 14, endLine: 2, endColumn: 16, message: 'Label "vendor" is empty' }],
    },
    {
      name: 'no value after = : the whole pair',
      code: 'FROM alpine:3.20\nLABEL vendor= org.opencontainers.image.url=""\n',
      settings,
      errors: [{ line: 2, column: 7, endColumn: 14 }, { line: 2, column: 44, endColumn: 46, message: 'org.opencontainers.image.url' }],
    },
    {
      name: 'blank value on a continuation line',
      code: 'FROM alpine:3.20\nLABEL a=b \\\n      vendor="   "\n',
      settings,
      errors: [{ line: 3, column: 14, endColumn: 19 }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM alpine:3.20\nONBUILD LABEL vendor=""\n',
      settings,
      errors: [{ line: 2, column: 22 }],
    },
  ],
});
