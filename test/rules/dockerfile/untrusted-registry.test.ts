import rule from '../../../src/rules/dockerfile/untrusted-registry.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const settings = { trustedRegistries: ['registry.example.com', '*.gcr.io', 'mirror-*'] };

ruleTester(rule, {
  valid: [
    { name: 'not configured: rule is inert', code: 'FROM evil.example.org/node:20\n' },
    { code: 'FROM registry.example.com/node:20\n', settings },
    { name: 'suffix wildcard', code: 'FROM eu.gcr.io/distroless/static:nonroot\n', settings },
    { name: 'prefix wildcard', code: 'FROM mirror-eu.corp/node:20\n', settings },
    { name: 'scratch is always allowed', code: 'FROM scratch\n', settings },
    { name: 'stage aliases are not images', code: 'FROM registry.example.com/golang:1.22 AS build\nFROM build\nCOPY --from=build /a /b\nCOPY --from=0 /a /b\nRUN --mount=type=bind,from=build,source=/a,target=/a true\n', settings },
    { name: 'Docker Hub trusted by name', code: 'FROM node:20\nFROM library/node:20\nFROM docker.io/library/node:20\n', settings: { trustedRegistries: ['docker.io'] } },
    { name: 'hub.docker.com means Docker Hub', code: 'FROM node:20\n', settings: { trustedRegistries: ['hub.docker.com'] } },
    { name: 'host with a path trusts that namespace', code: 'FROM ghcr.io/acme/base:1\n', settings: { trustedRegistries: ['ghcr.io/acme'] } },
    { name: 'unresolvable variable', code: 'ARG REGISTRY\nFROM ${REGISTRY}/node:20\n', settings },
    { name: 'resolved ARG default', code: 'ARG REGISTRY=registry.example.com\nFROM ${REGISTRY}/node:20\n', settings },
  ],
  invalid: [
    {
      code: 'FROM node:20\n',
      settings,
      errors: [{ line: 1, column: 6, endLine: 1, endColumn: 13, message: 'comes from docker.io' }],
    },
    {
      name: 'the message names the list, or its first five of a long one',
      code: 'FROM node:20\n',
      settings: { trustedRegistries: Array.from({ length: 500 }, (_, i) => `reg${i}.example.com`) },
      errors: [{ line: 1, column: 6, message: 'not in trustedRegistries (reg0.example.com, reg1.example.com, reg2.example.com, reg3.example.com, reg4.example.com and 495 more);' }],
    },
    {
      code: 'FROM node:20\n',
      settings,
      errors: [{ line: 1, column: 6, message: 'not in trustedRegistries (registry.example.com, *.gcr.io, mirror-*);' }],
    },
    {
      name: 'suffix wildcard needs the dot boundary',
      code: 'FROM evilgcr.io/x:1\nFROM gcr.io/x:1\n',
      settings: { trustedRegistries: ['*.gcr.io'] },
      errors: [{ line: 1, column: 6, message: 'evilgcr.io' }, { line: 2, column: 6, message: 'gcr.io' }],
    },
    {
      name: 'path entry does not trust sibling namespaces',
      code: 'FROM ghcr.io/acme-evil/base:1\n',
      settings: { trustedRegistries: ['ghcr.io/acme'] },
      errors: [{ line: 1, column: 6 }],
    },
    {
      name: 'COPY --from an image',
      code: 'FROM registry.example.com/node:20\nCOPY --from=quay.io/coreos/etcd:v3.5 /usr/local/bin/etcd /usr/local/bin/\n',
      settings,
      errors: [{ line: 2, column: 13, endColumn: 37, message: 'quay.io' }],
    },
    {
      name: 'RUN --mount from an image, on a continuation line',
      code: 'FROM registry.example.com/node:20\nRUN --mount=type=cache,target=/root/.cache \\\n    --mount=type=bind,from=alpine:3.20,source=/etc/apk,target=/apk \\\n    ls /apk\n',
      settings,
      errors: [{ line: 3, column: 23, endColumn: 39, message: '"alpine:3.20"' }],
    },
    {
      name: 'ARG default resolving to an untrusted registry',
      code: 'ARG BASE=docker.io/library/python:3.12\nFROM $BASE\n',
      settings,
      errors: [{ line: 2, column: 6, endColumn: 11 }],
    },
  ],
});
