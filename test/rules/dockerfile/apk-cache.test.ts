import rule from '../../../src/rules/dockerfile/apk-cache.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: '--no-cache from a variable', code: 'FROM alpine:3.20\nARG APK_FLAGS="--no-cache --virtual .build-deps"\nRUN apk add $APK_FLAGS tini=0.19.0-r3\n' },
    { name: 'a build stage whose layers are not shipped', code: 'FROM alpine:3.20 AS build\nRUN apk add curl\nFROM alpine:3.20\nCOPY --from=build /usr/bin/curl /usr/bin/curl\n' },
    'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    'FROM alpine:3.20\nRUN apk --no-cache add curl\n',
    'FROM alpine:3.20\nRUN apk add curl --no-cache\n',
    { name: 'cache mount', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n' },
    { name: 'cache mount via /etc/apk/cache', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/etc/apk/cache apk add -U curl\n' },
    { name: 'cache removed later in the same RUN', code: 'FROM alpine:3.20\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n' },
    { name: 'a parent of the cache removed', code: 'FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/*\n' },
    { name: 'a glob on the cache directory itself', code: 'FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk*\n' },
    'FROM alpine:3.20\nRUN apk del curl && apk info\n',
    { name: '--no-network installs from disk', code: 'FROM alpine:3.20\nRUN apk add --no-network --virtual .rundeps $deps\n' },
    'FROM alpine:3.20\nRUN echo apk add curl\n',
  ],
  invalid: [
    { name: 'removing one file of the cache leaves the rest', code: 'FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/APKINDEX.tar.gz\n', errors: [{ line: 2, column: 5 }] },
    { name: 'a stage the final stage is built FROM', code: 'FROM alpine:3.20 AS base\nRUN apk add curl\nFROM base\nUSER 1000\n', errors: [{ line: 2, column: 5, endColumn: 12 }] },
    {
      code: 'FROM alpine:3.20\nRUN apk add curl\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 12, message: '--no-cache' }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    },
    {
      name: 'options before add, continuation line',
      code: 'FROM alpine:3.20\nRUN apk update && \\\n    apk -U --repository https://x/main add curl\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 43 }],
      output: 'FROM alpine:3.20\nRUN apk update && \\\n    apk -U --repository https://x/main add --no-cache curl\n',
    },
    {
      name: 'removing the cache before add does not count',
      code: 'FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && apk add curl\n',
      errors: [{ line: 2, column: 32, endColumn: 39 }],
      output: 'FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && apk add --no-cache curl\n',
    },
    {
      name: 'removing a sibling whose name starts like the cache does not count',
      code: 'FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk-old\n',
      errors: [{ line: 2, column: 5, endColumn: 12 }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl && rm -rf /var/cache/apk-old\n',
    },
    {
      name: 'a mount elsewhere does not help',
      code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache apk add curl\n',
      errors: [{ line: 2, column: 44 }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM alpine:3.20\nONBUILD RUN apk add curl\n',
      errors: [{ line: 2, column: 13, endColumn: 20 }],
      output: 'FROM alpine:3.20\nONBUILD RUN apk add --no-cache curl\n',
    },
  ],
});
