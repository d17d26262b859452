import rule from '../../../src/rules/dockerfile/yum-cache-not-cleaned.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
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
    {
      code: 'FROM centos:7\nRUN yum install -y httpd\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 16, message: '`yum install` leaves its cache' }],
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
    },
  ],
});
