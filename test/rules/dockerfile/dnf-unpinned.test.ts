import rule from '../../../src/rules/dockerfile/dnf-unpinned.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'options held in a variable are not packages, nor the value of --setopt', code: 'FROM fedora:40\nARG DNF_FLAGS="-y --setopt tsflags=nodocs"\nRUN dnf install $DNF_FLAGS httpd-2.4.59 && dnf clean all\n' },
    'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
    'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y shadow-utils-2:4.9-9.el9 && microdnf clean all\n',
    { name: 'epoch, release and arch', code: 'FROM fedora:40\nRUN dnf in -y nginx-1:1.26.2-1.fc40.x86_64 && dnf clean all\n' },
    { name: 'module stream (also via @)', code: 'FROM rockylinux:9\nRUN dnf module install -y nodejs:20 && dnf install -y @php:8.2 && dnf clean all\n' },
    { name: 'groups', code: 'FROM fedora:40\nRUN dnf group install -y "C Development Tools and Libraries" && dnf install -y @development-tools && dnf clean all\n' },
    { name: 'rich dependency and rpm file', code: 'FROM fedora:40\nRUN dnf install -y "python3 >= 3.12" /tmp/app-1.0.rpm && dnf clean all\n' },
    { name: 'version from ARG', code: 'FROM fedora:40\nARG HTTPD_VERSION=2.4.62\nRUN dnf install -y httpd-${HTTPD_VERSION} && dnf clean all\n' },
    { name: 'version from an ARG given at build time', code: 'FROM fedora:40\nARG HTTPD_VERSION\nRUN dnf install -y "httpd-${HTTPD_VERSION}" && dnf clean all\n' },
    { name: 'yum is a different rule', code: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n' },
  ],
  invalid: [
    {
      code: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
      errors: [{ line: 2, column: 20, endLine: 2, endColumn: 25, message: 'Package "httpd" is installed without a version; pin it as httpd-<version>' }],
    },
    {
      name: 'microdnf and dnf5, several packages',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y --nodocs tar gzip-1.12 && dnf5 install -y python3-devel\n',
      errors: [
        { line: 2, column: 34, endColumn: 37, message: '"tar"' },
        { line: 2, column: 67, endColumn: 80, message: '"python3-devel"' },
      ],
    },
    {
      name: 'module without a stream',
      code: 'FROM rockylinux:9\nRUN dnf -y module install nodejs\n',
      errors: [{ line: 2, column: 27, endColumn: 33, message: 'Module "nodejs"' }],
    },
    {
      name: 'continuation line',
      code: 'FROM fedora:40\nRUN dnf install -y \\\n      git \\\n      make-4.4.1\n',
      errors: [{ line: 3, column: 7, endLine: 3, endColumn: 10, message: '"git"' }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM fedora:40\nONBUILD RUN dnf install -y httpd\n',
      errors: [{ line: 2, column: 28, endColumn: 33 }],
    },
  ],
});
