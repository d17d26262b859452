import rule from '../../../src/rules/dockerfile/copy-from-self.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM golang:1.22 AS build\nFROM debian:12 AS final\nCOPY --from=build /out /out\n',
    { name: 'index of an earlier stage', code: 'FROM golang:1.22\nFROM debian:12\nCOPY --from=0 /out /out\n' },
    { name: 'unnamed stage, image with the same name', code: 'FROM debian:12\nCOPY --from=debian:12 /etc/os-release /tmp/\n' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nCOPY --from=build /out/app /usr/local/bin/app\n',
      errors: [{ line: 3, column: 13, endLine: 3, endColumn: 18, message: '--from=build' }],
    },
    {
      name: 'case-insensitive alias',
      code: 'FROM golang:1.22 AS Build\nCOPY --from=BUILD /a /b\n',
      errors: [{ line: 2, column: 13, endColumn: 18 }],
    },
    {
      name: 'own stage index',
      code: 'FROM golang:1.22\nFROM debian:12\nCOPY --from=1 /a /b\n',
      errors: [{ line: 3, column: 13, endColumn: 14 }],
    },
    {
      name: 'through an ARG',
      code: 'FROM golang:1.22 AS build\nARG FROM_STAGE=build\nCOPY --from=$FROM_STAGE /a /b\n',
      errors: [{ line: 3, column: 13, endColumn: 24, message: '--from=build' }],
    },
  ],
});
