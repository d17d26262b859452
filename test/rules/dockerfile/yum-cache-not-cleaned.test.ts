import rule from '../../../src/rules/dockerfile/yum-cache-not-cleaned.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'a build stage whose layers are not shipped', code: 'FROM centos:7 AS build\nRUN yum install -y gcc-4.8.5\nFROM centos:7\nCOPY --from=build /out /out\n' },
    'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
    'FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum/*\n',
    { name: 'on RHEL 8+ yum is dnf: its cleaner and cache dir count', code: 'FROM rockylinux:9\nRUN yum install -y httpd && dnf clean all\nRUN yum install -y jq && rm -rf /var/cache/dnf\n' },
    { name: 'removing a parent directory', code: 'FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/*\n' },
    { name: 'cache mount', code: 'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd\n' },
    { name: 'clean in a later heredoc line', code: 'FROM centos:7\nRUN <<EOF\nyum install -y httpd\nyum clean all\nEOF\n' },
    { name: 'commands that do not fill the cache', code: 'FROM centos:7\nRUN yum remove -y vim-minimal\n' },
    { name: 'dnf is a different rule', code: 'FROM fedora:40\nRUN dnf install -y httpd\n' },
  ],
  invalid: [
    { name: 'no fix after sudo: the clean would run as the stage user', code: 'FROM centos:7\nUSER app\nRUN sudo yum install -y httpd-2.4.6\n', errors: [{ line: 3, column: 10 }], output: 'FROM centos:7\nUSER app\nRUN sudo yum install -y httpd-2.4.6\n' },
    { name: 'a stage the final stage is built FROM', code: 'FROM centos:7 AS base\nRUN yum install -y gcc-4.8.5\nFROM base\n', errors: [{ line: 2, column: 5, endColumn: 16 }] },
    {
      code: 'FROM centos:7\nRUN yum install -y httpd\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 16, message: '`yum install` leaves its cache' }],
      output: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
    },
    {
      name: 'a clean before the install does not help',
      code: 'FROM centos:7\nRUN yum clean all && yum -y update\n',
      errors: [{ line: 2, column: 22, endColumn: 35, message: '`yum update`' }],
    },
    {
      name: 'one report per RUN, at the first install after the last clean',
      code: 'FROM centos:7\nRUN yum install -y a && yum clean all && \\\n    yum install -y b && yum install -y c\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 16 }],
      output: 'FROM centos:7\nRUN yum install -y a && yum clean all && \\\n    yum install -y b && yum install -y c && yum clean all\n',
    },
    {
      name: 'the clean follows the last yum command, before what comes after it',
      code: 'FROM centos:7\nRUN yum install -y httpd; \\\n    yum-config-manager --enable x && echo ok # done\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM centos:7\nRUN yum install -y httpd && yum clean all; \\\n    yum-config-manager --enable x && echo ok # done\n',
    },
    {
      name: 'a cache mount elsewhere does not count',
      code: 'FROM centos:7\nRUN --mount=type=cache,target=/root/.cache yum group install -y "Development Tools"\n',
      errors: [{ line: 2, column: 44, endColumn: 61, message: '`yum group install`' }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM centos:7\nONBUILD RUN yum install -y httpd\n',
      errors: [{ line: 2, column: 13, endColumn: 24 }],
      output: 'FROM centos:7\nONBUILD RUN yum install -y httpd && yum clean all\n',
    },
  ],
});

describe('DF032 fix is withheld where appending could change control flow', () => {
  it.each([
    ['||', 'RUN yum install -y a || true'],
    ['a pipeline', 'RUN yum install -y b | tee log'],
    ['a subshell', 'RUN (yum install -y c)'],
    ['a loop', 'RUN for p in d e; do yum install -y $p; done'],
    ['a heredoc', 'RUN <<EOF\nyum install -y f\nEOF'],
    ['exec form', 'RUN ["yum", "install", "-y", "g"]'],
  ])('%s', (_, run) => {
    const found = runRule(rule, { code: `FROM centos:7\n${run}\n` });
    expect(found).toHaveLength(1);
    expect(found[0].fix).toBeUndefined();
  });
});
