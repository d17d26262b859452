import rule from '../../../src/rules/dockerfile/dnf-cache-not-cleaned.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'the cache removed through a variable', code: 'FROM fedora:40\nENV CACHE=/var/cache/dnf\nRUN dnf install -y gcc-14.1.1 && rm -rf ${CACHE}\n' },
    { name: 'a build stage whose layers are not shipped', code: 'FROM fedora:40 AS build\nRUN dnf install -y gcc-14.1.1\nFROM fedora:40\nCOPY --from=build /out /out\n' },
    'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
    'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y jq && microdnf clean all\n',
    { name: 'any dnf-family cleaner counts', code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y jq && yum clean all\n' },
    'FROM fedora:41\nRUN dnf5 install -y httpd && rm -rf /var/cache/libdnf5*\n',
    'FROM fedora:40\nRUN dnf install -y httpd && rm -rf /var/cache/dnf\n',
    { name: 'libdnf5 cache mount', code: 'FROM fedora:41\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y httpd\n' },
    { name: 'dnf cache mount', code: 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf,sharing=locked dnf install -y httpd\n' },
    { name: 'user cache mount', code: 'FROM fedora:41\nRUN --mount=type=cache,target=/home/app/.cache/libdnf5 dnf install -y httpd\n' },
    { name: 'not a cache-filling command', code: 'FROM fedora:40\nRUN dnf remove -y vim-minimal\n' },
    { name: 'yum is a different rule', code: 'FROM centos:7\nRUN yum install -y httpd\n' },
  ],
  invalid: [
    { name: 'no fix with --installroot=: the cache is under the root', code: 'FROM fedora:40\nRUN dnf --installroot=/sysroot --releasever=40 install -y bash-5.2.26\n', errors: [{ line: 2, column: 5 }], output: 'FROM fedora:40\nRUN dnf --installroot=/sysroot --releasever=40 install -y bash-5.2.26\n' },
    { name: 'no fix with --installroot DIR', code: 'FROM fedora:40\nRUN dnf --installroot /sysroot install -y bash-5.2.26\n', errors: [{ line: 2, column: 5 }], output: 'FROM fedora:40\nRUN dnf --installroot /sysroot install -y bash-5.2.26\n' },
    { name: 'a stage the final stage is built FROM', code: 'FROM fedora:40 AS base\nRUN dnf install -y gcc-14.1.1\nFROM base\n', errors: [{ line: 2, column: 5, endColumn: 16 }] },
    {
      code: 'FROM fedora:40\nRUN dnf install -y httpd\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 16, message: '`dnf install` leaves its cache in this layer; end the same RUN with `dnf clean all`' }],
      output: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
    },
    {
      name: 'microdnf, upgrade alias',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf up -y\n',
      errors: [{ line: 2, column: 5, endColumn: 16, message: '`microdnf up`' }],
      output: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf up -y && microdnf clean all\n',
    },
    {
      name: 'a clean before the install does not help',
      code: 'FROM fedora:40\nRUN dnf clean all && \\\n  dnf -y --setopt=tsflags=nodocs install httpd\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 41 }],
      output: 'FROM fedora:40\nRUN dnf clean all && \\\n  dnf -y --setopt=tsflags=nodocs install httpd && dnf clean all\n',
    },
    {
      name: 'the clean after an alternative runs when either install worked',
      code: 'FROM fedora:40\nRUN dnf install -y httpd || dnf install -y apache2\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM fedora:40\nRUN dnf install -y httpd || dnf install -y apache2 && dnf clean all\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM fedora:40\nONBUILD RUN dnf install -y httpd\n',
      errors: [{ line: 2, column: 13, endColumn: 24 }],
    },
  ],
});
