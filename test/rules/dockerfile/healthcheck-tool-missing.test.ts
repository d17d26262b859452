import rule from '../../../src/rules/dockerfile/healthcheck-tool-missing.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'curl installed with apt-get', code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\n' },
    { name: 'installed after the HEALTHCHECK line still exists at run time', code: 'FROM debian:12-slim\nHEALTHCHECK CMD curl -f http://localhost/\nRUN apt-get update && apt-get install -y curl\n' },
    { name: 'a probe the image lacks, with a fallback it has after ||', code: 'FROM python:3.12-slim\nHEALTHCHECK CMD curl -f http://localhost/ || python -c "import urllib.request as u; u.urlopen(\'http://localhost/\')" || exit 1\n' },
    { name: 'wget on alpine is busybox', code: 'FROM node:20-alpine\nHEALTHCHECK CMD wget -qO- http://localhost:3000/health || exit 1\n' },
    { name: 'curl added with apk', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    { name: 'installed in the parent stage', code: 'FROM debian:12-slim AS base\nRUN apt-get update && apt-get install -y wget\n\nFROM base\nHEALTHCHECK CMD wget -q --spider http://localhost/\n' },
    { name: 'copied in from another image', code: 'FROM gcr.io/distroless/static-debian12\nCOPY --from=curlimages/curl:8.8.0 /usr/bin/curl /usr/bin/curl\nHEALTHCHECK CMD ["/usr/bin/curl", "-f", "http://localhost/"]\n' },
    { name: 'unknown base image may have it', code: 'FROM mycorp/runtime:1.4\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    { name: 'full language image has curl', code: 'FROM python:3.12\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    { name: 'HEALTHCHECK in a build stage only', code: 'FROM debian:12-slim AS build\nHEALTHCHECK CMD curl -f http://localhost/\n\nFROM nginx:1.27\n' },
    { name: 'used by a RUN, so it is there', code: 'FROM ubuntu:24.04\nRUN curl -fsSLo /tmp/x https://example.com/x\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    { name: 'distroless debug has busybox wget', code: 'FROM gcr.io/distroless/base-debian12:debug\nHEALTHCHECK CMD ["wget", "-q", "--spider", "http://localhost/"]\n' },
    { name: 'HEALTHCHECK NONE', code: 'FROM debian:12-slim\nHEALTHCHECK NONE\n' },
  ],
  invalid: [
    {
      name: 'a fallback after || that the image lacks too, or that only sets the exit status',
      code: 'FROM python:3.12-slim\nHEALTHCHECK CMD curl -f http://localhost/ || wget -qO- http://localhost/ || exit 1\n',
      errors: [{ line: 2, column: 17, endColumn: 21, message: 'HEALTHCHECK runs curl' }, { line: 2, column: 46, endColumn: 50, message: 'HEALTHCHECK runs wget' }],
    },
    ...['constructor', 'toString', '__proto__', 'hasOwnProperty'].map((name) => ({
      name: `a RUN command named ${name} (an Object.prototype key) does not crash the check`,
      code: `FROM python:3.12-slim\nRUN ${name} setup\nHEALTHCHECK CMD curl -f http://localhost/\n`,
      errors: [{ line: 3, column: 17, endColumn: 21, message: 'HEALTHCHECK runs curl' }],
    })),
    {
      code: 'FROM python:3.12-slim\nEXPOSE 8000\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\n',
      errors: [{ line: 3, column: 17, endLine: 3, endColumn: 21, message: 'python:3.12-slim does not include' }],
    },
    {
      name: 'curl on alpine suggests busybox wget',
      code: 'FROM node:20-alpine\nHEALTHCHECK --interval=30s \\\n  CMD curl -fsS http://localhost:3000/ || exit 1\n',
      errors: [{ line: 3, column: 7, endColumn: 11, message: 'busybox wget' }],
    },
    {
      name: 'exec form on distroless: points inside the quotes',
      code: 'FROM gcr.io/distroless/nodejs20-debian12\nHEALTHCHECK CMD ["wget", "-q", "--spider", "http://localhost:3000/"]\n',
      errors: [{ line: 2, column: 19, endColumn: 23 }],
    },
    {
      name: 'scratch',
      code: 'FROM scratch\nCOPY app /app\nHEALTHCHECK CMD ["/usr/bin/curl", "-f", "http://localhost/"]\nENTRYPOINT ["/app"]\n',
      errors: [{ line: 3, column: 19, endColumn: 32 }],
    },
    {
      name: 'installed in a build stage that the final image only copies from',
      code: 'FROM debian:12-slim AS build\nRUN apt-get update && apt-get install -y curl\n\nFROM debian:12-slim\nCOPY --from=build /etc/ssl /etc/ssl\nHEALTHCHECK CMD curl -f http://localhost/\n',
      errors: [{ line: 6, column: 17 }],
    },
    {
      name: 'installed with an apk --virtual group and deleted again',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .fetch curl && curl -fsSLo /app https://example.com/app && apk del .fetch\nHEALTHCHECK CMD curl -f http://localhost/\n',
      errors: [{ line: 3, column: 17 }],
    },
    {
      name: 'purged again',
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl && curl -fsSLo /app https://example.com/app && apt-get purge -y curl\nHEALTHCHECK CMD curl -f http://localhost/\n',
      errors: [{ line: 3, column: 17 }],
    },
    {
      name: 'parent stage is the slim one',
      code: 'FROM node:20-slim AS base\nWORKDIR /app\n\nFROM base\nHEALTHCHECK CMD wget -q --spider http://localhost:3000/\n',
      errors: [{ line: 5, column: 17, endColumn: 21, message: 'node:20-slim' }],
    },
  ],
});
