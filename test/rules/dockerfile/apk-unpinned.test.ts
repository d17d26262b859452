import rule from '../../../src/rules/dockerfile/apk-unpinned.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'options held in a variable are not packages, nor the value of --virtual', code: 'FROM alpine:3.20\nARG APK_FLAGS="--no-cache --virtual .build-deps"\nRUN apk add $APK_FLAGS tini=0.19.0-r3\n' },
    'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2 git~2.45 "openssl>3.1" "zlib<2"\n',
    'FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/pkg.apk\n',
    { name: '--virtual name is not a package', code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1-r0\n' },
    { name: '-t name', code: 'FROM alpine:3.20\nRUN apk add -t .deps gcc=13.2.1-r0\n' },
    { name: 'repository value', code: 'FROM alpine:3.20\nRUN apk add --repository http://dl-cdn.alpinelinux.org/alpine/edge/testing -X https://x/main foo=1\n' },
    { name: 'options before add', code: 'FROM alpine:3.20\nRUN apk --no-cache --root /sysroot add foo=1\n' },
    'FROM alpine:3.20\nRUN apk update && apk del curl && apk upgrade\n',
    { name: 'variable pins', code: 'FROM alpine:3.20\nARG CURL=8.9.1-r2\nRUN apk add curl=${CURL}\n' },
    { name: 'unknown variable', code: 'FROM alpine:3.20\nRUN apk add $DEPS\n' },
  ],
  invalid: [
    {
      name: 'a package in a variable next to options',
      code: 'FROM alpine:3.20\nARG APK_FLAGS="--no-cache -t .deps curl"\nRUN apk add $APK_FLAGS tini=0.19.0-r3\n',
      errors: [{ line: 3, column: 13, endLine: 3, endColumn: 23, message: 'Package "curl"' }],
    },
    {
      code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      errors: [{ line: 2, column: 24, endLine: 2, endColumn: 28, message: '"curl"' }],
    },
    {
      name: 'several packages, virtual group skipped',
      code: 'FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc musl-dev=1.2.5-r0 make\n',
      errors: [{ line: 2, column: 35, endColumn: 38, message: '"gcc"' }, { line: 2, column: 57, endColumn: 61, message: '"make"' }],
    },
    {
      name: 'repository tag is not a version; continuation line',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n    tini \\\n    foo@edge\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 9 }, { line: 4, column: 5, endColumn: 13 }],
    },
    {
      name: 'ENV resolving to unpinned packages',
      code: 'FROM alpine:3.20\nENV DEPS="bash curl=8"\nRUN apk add $DEPS\n',
      errors: [{ line: 3, column: 13, endColumn: 18, message: '"bash"' }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM alpine:3.20\nONBUILD RUN apk add bash\n',
      errors: [{ line: 2, column: 21 }],
    },
  ],
});
