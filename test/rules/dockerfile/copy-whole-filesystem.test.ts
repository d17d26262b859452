import rule from '../../../src/rules/dockerfile/copy-whole-filesystem.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'a stage chosen by a build argument among scratch stages (buildkit)', code: 'FROM scratch AS binaries-linux\nCOPY a /\nFROM scratch AS binaries-windows\nCOPY b /\nFROM binaries-$TARGETOS AS binaries\nFROM scratch\nCOPY --from=binaries / /\n' },
    'FROM golang:1.22 AS build\nFROM debian:12\nCOPY --from=build /out/app /usr/local/bin/app\n',
    { name: 'local context root is not another filesystem', code: 'FROM debian:12\nCOPY / /\n' },
    { name: 'root into a subdirectory', code: 'FROM golang:1.22 AS build\nFROM debian:12\nCOPY --from=build / /rootfs/\n' },
    { name: 'stage that starts FROM scratch holds only what was put there (hadolint flags this)', code: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM scratch AS export\nCOPY --from=build /out/app /app\nFROM debian:12\nCOPY --from=export / /\n' },
    { name: 'tonistiigi/xx helper stage', code: 'FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.4 AS xx\nFROM golang:1.22\nCOPY --from=xx / /\n' },
    { name: 'tonistiigi/xx image directly', code: 'FROM golang:1.22\nCOPY --from=docker.io/tonistiigi/xx:1.4 / /\n' },
  ],
  invalid: [
    {
      name: 'a stage chosen by a build argument where one candidate is a full image',
      code: 'FROM scratch AS binaries-linux\nCOPY a /\nFROM debian:12 AS binaries-windows\nFROM binaries-${TARGETOS} AS binaries\nFROM scratch\nCOPY --from=binaries / /\n',
      errors: [{ line: 6, column: 22, endColumn: 23 }],
    },
    {
      code: 'FROM golang:1.22 AS build\nFROM debian:12\nCOPY --from=build / /\n',
      errors: [{ line: 3, column: 19, endLine: 3, endColumn: 20, message: 'entire filesystem of build' }],
    },
    {
      name: 'external image, JSON form',
      code: 'FROM debian:12\nCOPY --from=alpine:3.20 ["/", "/"]\n',
      errors: [{ line: 2, column: 26, endColumn: 29 }],
    },
    {
      name: 'quoted, with other flags, continuation',
      code: 'FROM golang:1.22 AS build\nFROM debian:12\nCOPY --link --from=0 \\\n  "/" /\n',
      errors: [{ line: 4, column: 3, endColumn: 6 }],
    },
  ],
});
