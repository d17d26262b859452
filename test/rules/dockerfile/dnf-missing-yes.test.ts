import rule from '../../../src/rules/dockerfile/dnf-missing-yes.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: '-y from a variable', code: 'FROM fedora:40\nARG DNF_FLAGS="-y --setopt tsflags=nodocs"\nRUN dnf install $DNF_FLAGS httpd-2.4.59 && dnf clean all\n' },
    'FROM fedora:40\nRUN dnf install -y httpd\n',
    'FROM fedora:40\nRUN dnf -y install httpd\n',
    'FROM fedora:40\nRUN dnf install --assumeyes httpd\n',
    'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y --nodocs shadow-utils\n',
    'FROM fedora:40\nRUN dnf5 -y --setopt=install_weak_deps=False install httpd\n',
    'FROM fedora:40\nRUN dnf --setopt assumeyes=True install httpd\n',
    { name: 'read-only subcommands', code: 'FROM fedora:40\nRUN dnf makecache && dnf clean all && dnf repoquery httpd\n' },
    { name: 'yum is a different rule', code: 'FROM centos:7\nRUN yum install httpd\n' },
  ],
  invalid: [
    {
      name: 'a subcommand named like an Object.prototype key (toString, constructor) does not crash the check',
      code: 'FROM fedora:40\nRUN dnf toString x && dnf constructor y && dnf install httpd\n',
      errors: [{ line: 2, column: 44, endColumn: 55, message: '`dnf install` without -y' }],
    },
    {
      code: 'FROM fedora:40\nRUN dnf install httpd\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 16, message: '`dnf install` without -y' }],
      output: 'FROM fedora:40\nRUN dnf install -y httpd\n',
    },
    {
      name: 'microdnf',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install shadow-utils\n',
      errors: [{ line: 2, column: 5, endColumn: 21, message: '`microdnf install`' }],
      output: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y shadow-utils\n',
    },
    {
      name: 'dnf aliases and module actions',
      code: 'FROM fedora:40\nRUN dnf in jq && dnf module enable nodejs:20\n',
      errors: [
        { line: 2, column: 5, endColumn: 11, message: '`dnf in`' },
        { line: 2, column: 18, endColumn: 35, message: '`dnf module enable`' },
      ],
      output: 'FROM fedora:40\nRUN dnf in -y jq && dnf module enable -y nodejs:20\n',
    },
    {
      name: 'continuation line',
      code: 'FROM fedora:40\nRUN dnf makecache \\\n && dnf --refresh upgrade\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 26 }],
      output: 'FROM fedora:40\nRUN dnf makecache \\\n && dnf --refresh upgrade -y\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM fedora:40\nONBUILD RUN dnf install httpd\n',
      errors: [{ line: 2, column: 13, endColumn: 24 }],
    },
  ],
});
