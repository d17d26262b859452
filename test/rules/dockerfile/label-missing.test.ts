import rule from '../../../src/rules/dockerfile/label-missing.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const settings = { labelSchema: { 'org.opencontainers.image.source': 'url', maintainer: 'text' } };
const LABELS = 'LABEL maintainer="me" org.opencontainers.image.source="https://github.com/example/demo"\n';

ruleTester(rule, {
  valid: [
    { name: 'no schema: rule is inert', code: 'FROM alpine:3.20\n' },
    { code: `FROM alpine:3.20\n${LABELS}`, settings },
    { name: 'split over LABEL instructions, legacy form', code: 'FROM alpine:3.20\nLABEL maintainer me\nLABEL org.opencontainers.image.source=https://x.io\n', settings },
    { name: 'inherited from the stage it builds FROM', code: `FROM alpine:3.20 AS base\n${LABELS}FROM base\nRUN true\n`, settings },
    { name: 'build stages need no labels', code: `FROM golang:1.22 AS build\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=build /app /app\n${LABELS}`, settings },
    { name: 'unrelated stage that is not shipped (hadolint#758)', code: `FROM alpine:3.20 AS test\nRUN make test\nFROM alpine:3.20\n${LABELS}`, settings },
    { name: 'shipped base stage without labels, final stage sets them', code: `FROM alpine:3.20 AS base\nRUN true\nFROM base\n${LABELS}`, settings },
    { name: 'empty file', code: '# nothing\n', settings },
    { name: 'key from a resolved variable', code: 'FROM alpine:3.20\nARG K=maintainer\nLABEL $K=me org.opencontainers.image.source=https://x.io\n', settings },
    { name: 'key from an unknown variable may be the required one', code: 'FROM alpine:3.20\nARG K\nLABEL ${K}=me\n', settings },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nLABEL maintainer=me\n',
      settings,
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 17, message: 'Label "org.opencontainers.image.source" required by labelSchema' }],
    },
    {
      name: 'one finding per missing label, span covers the alias',
      code: 'FROM alpine:3.20 AS final\nRUN true\n',
      settings,
      errors: [
        { line: 1, column: 1, endColumn: 26, message: 'org.opencontainers.image.source' },
        { line: 1, column: 1, endColumn: 26, message: '"maintainer"' },
      ],
    },
    {
      name: 'labels of a stage that is not an ancestor do not count',
      code: `ARG V=1\nFROM alpine:3.20 AS meta\n${LABELS}FROM alpine:3.20\nRUN true\n`,
      settings: { labelSchema: { maintainer: 'text' } },
      errors: [{ line: 4, column: 1, endColumn: 17 }],
    },
    {
      name: 'through a chain of stages',
      code: 'FROM alpine:3.20 AS a\nLABEL maintainer=x\nFROM a AS b\nFROM b\n',
      settings,
      errors: [{ line: 4, column: 1, endColumn: 7, message: 'org.opencontainers.image.source' }],
    },
    {
      name: 'ONBUILD LABEL does not label this image',
      code: 'FROM alpine:3.20\nONBUILD LABEL maintainer=x\n',
      settings: { labelSchema: { maintainer: 'text' } },
      errors: [{ line: 1, column: 1 }],
    },
    {
      name: 'label names are case-sensitive',
      code: 'FROM alpine:3.20\nLABEL Maintainer=x\n',
      settings: { labelSchema: { maintainer: 'text' } },
      errors: [{ line: 1, column: 1 }],
    },
  ],
});
