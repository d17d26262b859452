import rule from '../../../src/rules/dockerfile/label-not-semver.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const settings = { labelSchema: { version: 'semver' } };

ruleTester(rule, {
  valid: [
    { name: 'no schema', code: 'FROM alpine:3.20\nLABEL version=latest\n' },
    { code: 'FROM alpine:3.20\nLABEL version=1.4.0\n', settings },
    { code: 'FROM alpine:3.20\nLABEL version="2.0.0-rc.1+build.5"\n', settings },
    { name: 'resolved ARG default', code: 'ARG VERSION=1.2.3\nFROM alpine:3.20\nARG VERSION\nLABEL version=$VERSION\n', settings },
    { name: 'global ARG default built from another ARG (not resolved by the model: skipped)', code: 'ARG MAJOR=7.0\nARG VERSION=${MAJOR}.5\nFROM alpine:3.20\nARG VERSION\nLABEL version="${VERSION}"\n', settings },
    { name: 'unresolved ARG', code: 'FROM alpine:3.20\nARG VERSION\nLABEL version=$VERSION\n', settings },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nLABEL version="1.4"\n',
      settings,
      errors: [{ line: 2, column: 15, endLine: 2, endColumn: 20, message: 'must be a semantic version but is "1.4"; use MAJOR.MINOR.PATCH' }],
    },
    {
      name: 'leading v',
      code: 'FROM alpine:3.20\nLABEL version=v1.4.0\n',
      settings,
      errors: [{ line: 2, column: 15, endColumn: 21, message: 'drop the leading "v"' }],
    },
    {
      name: 'value from an ARG default, continuation line',
      code: 'FROM alpine:3.20\nARG VERSION=dev\nLABEL a=b \\\n  version=$VERSION\n',
      settings,
      errors: [{ line: 4, column: 11, endColumn: 19, message: '"dev"' }],
    },
  ],
});
