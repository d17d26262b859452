import rule from '../../../src/rules/dockerfile/label-not-rfc3339.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const settings = { labelSchema: { 'org.opencontainers.image.created': 'rfc3339' } };

ruleTester(rule, {
  valid: [
    { name: 'no schema', code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created=yesterday\n' },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="2024-05-01T12:00:00Z"\n', settings },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created=2024-05-01T12:00:00.5+02:00\n', settings },
    { name: 'build argument without default (the usual pattern)', code: 'FROM alpine:3.20\nARG BUILD_DATE\nLABEL org.opencontainers.image.created=$BUILD_DATE\n', settings },
    { name: 'empty value is left to label-empty', code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created=""\n', settings },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="2024-05-01"\n',
      settings,
      errors: [{ line: 2, column: 40, endLine: 2, endColumn: 52, message: 'must be an RFC 3339 date-time but is "2024-05-01"' }],
    },
    {
      name: 'impossible date, continuation line',
      code: 'FROM alpine:3.20\nLABEL a=b \\\n  org.opencontainers.image.created=2023-02-29T00:00:00Z\n',
      settings,
      errors: [{ line: 3, column: 36, endColumn: 56 }],
    },
    {
      name: 'placeholder default',
      code: 'FROM alpine:3.20\nARG BUILD_DATE=unknown\nLABEL org.opencontainers.image.created=${BUILD_DATE}\n',
      settings,
      errors: [{ line: 3, column: 40, endColumn: 53, message: 'but is "unknown" (from ${BUILD_DATE});' }],
    },
  ],
});
