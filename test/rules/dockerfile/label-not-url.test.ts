import rule from '../../../src/rules/dockerfile/label-not-url.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const settings = { labelSchema: { 'org.opencontainers.image.source': 'url', docs: 'url', other: 'text' } };

ruleTester(rule, {
  valid: [
    { name: 'no schema', code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source=github.com/x/y\n' },
    { code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/example/demo" docs=https://example.com/docs#top\n', settings },
    { name: 'label of another type', code: 'FROM alpine:3.20\nLABEL other="not a url"\n', settings },
    { name: 'empty value is left to label-empty', code: 'FROM alpine:3.20\nLABEL docs=""\n', settings },
    { name: 'unresolved build argument', code: 'FROM alpine:3.20\nARG REPO_URL\nLABEL docs=$REPO_URL\n', settings },
    { name: 'resolved build argument', code: 'FROM alpine:3.20\nARG REPO_URL=https://example.com/repo\nLABEL docs="${REPO_URL}"\n', settings },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="github.com/example/demo"\n',
      settings,
      errors: [{ line: 2, column: 39, endLine: 2, endColumn: 64, message: 'must be an absolute URL but is "github.com/example/demo"' }],
    },
    {
      name: 'resolved build argument that is not a URL',
      code: 'FROM alpine:3.20\nARG HOST=example.com\nLABEL docs=$HOST/docs\n',
      settings,
      errors: [{ line: 3, column: 12, endColumn: 22, message: '"example.com/docs"' }],
    },
    {
      name: 'continuation line, space in the URL',
      code: 'FROM alpine:3.20\nLABEL other=x \\\n      docs="https://example.com/my docs"\n',
      settings,
      errors: [{ line: 3, column: 12, endColumn: 41 }],
    },
    {
      name: 'single quotes are not expanded',
      code: "FROM alpine:3.20\nLABEL docs='$URL'\n",
      settings,
      errors: [{ line: 2, column: 12, endColumn: 18 }],
    },
    {
      name: 'http without a host',
      code: 'FROM alpine:3.20\nONBUILD LABEL docs=https:///docs\n',
      settings,
      errors: [{ line: 2, column: 20 }],
    },
  ],
});
