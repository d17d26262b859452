import rule from '../../../src/rules/dockerfile/yum-unpinned.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'options held in a variable are not packages', code: 'FROM centos:7\nARG YUM_FLAGS=-y\nRUN yum install $YUM_FLAGS httpd-2.4.6 && yum clean all\n' },
    'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    { name: 'version-release, epoch, globs', code: 'FROM centos:7\nRUN yum install -y httpd-2.4.6-97.el7.centos.5 nginx-1:1.20.1 php-7.4* git-2.39-* && yum clean all\n' },
    { name: 'rpm files and URLs', code: 'FROM centos:7\nRUN yum install -y ./local.rpm https://example.com/epel-release-latest-7.noarch.rpm && yum clean all\n' },
    { name: 'comparison specs', code: 'FROM centos:7\nRUN yum install -y "openssl >= 1.0.2" && yum clean all\n' },
    { name: 'module with a stream', code: 'FROM rockylinux:8\nRUN yum module install -y nodejs:18/common && yum clean all\n' },
    { name: 'groups and @ names have no package version', code: 'FROM centos:7\nRUN yum groupinstall -y "Development Tools" && yum install -y @base && yum clean all\n' },
    { name: 'version from ARG / ENV', code: 'FROM centos:7\nARG HTTPD_VERSION=2.4.6\nENV JQ=jq-1.6\nRUN yum install -y httpd-${HTTPD_VERSION} $JQ && yum clean all\n' },
    { name: 'variable without a known value', code: 'FROM centos:7\nARG VERSION\nRUN yum install -y httpd-$VERSION $EXTRA_PACKAGES && yum clean all\n' },
    { name: 'option values are not packages', code: 'FROM centos:7\nRUN yum --enablerepo epel --exclude kernel install -y jq-1.6 && yum clean all\n' },
    { name: 'other subcommands', code: 'FROM centos:7\nRUN yum remove -y httpd && yum update -y\n' },
  ],
  invalid: [
    {
      name: 'the pin suggested for an arch suffix, a file and a capability',
      code: "FROM centos:7\nRUN yum install -y httpd.x86_64 /usr/bin/python3 'dnf-command(config-manager)' && yum clean all\n",
      errors: [
        { line: 2, column: 20, message: 'pin it as httpd-<version>.x86_64.' },
        { line: 2, column: 33, message: 'pin it as name-<version> of the package that provides it (a file has no version).' },
        { line: 2, column: 50, message: "pin it as 'dnf-command(config-manager) = <version>'" },
      ],
    },
    {
      code: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
      errors: [{ line: 2, column: 20, endLine: 2, endColumn: 25, message: 'Package "httpd" is installed without a version' }],
    },
    {
      name: 'the last dash part must be a version',
      code: 'FROM centos:7\nRUN yum install -y java-11-openjdk gcc-c++ python3.11 && yum clean all\n',
      errors: [
        { line: 2, column: 20, endColumn: 35, message: '"java-11-openjdk"' },
        { line: 2, column: 36, endColumn: 43, message: '"gcc-c++"' },
        { line: 2, column: 44, endColumn: 54, message: '"python3.11"' },
      ],
    },
    {
      name: 'module without a stream',
      code: 'FROM rockylinux:8\nRUN yum module install -y nodejs:18 php\n',
      errors: [{ line: 2, column: 37, endColumn: 40, message: 'Module "php" is installed without a stream; pin it as php:<stream>' }],
    },
    {
      name: 'continuation lines',
      code: 'FROM centos:7\nRUN yum -y \\\n  --enablerepo extras install \\\n    python3-pip java-11-openjdk-11.0.20 java-11-openjdk-devel\n',
      errors: [
        { line: 4, column: 5, endLine: 4, endColumn: 16, message: '"python3-pip"' },
        { line: 4, column: 41, endLine: 4, endColumn: 62, message: '"java-11-openjdk-devel"' },
      ],
    },
    {
      name: 'package list from ENV is resolved',
      code: 'FROM centos:7\nENV PKGS="jq wget-1.14"\nRUN yum install -y $PKGS && yum clean all\n',
      errors: [{ line: 3, column: 20, endColumn: 25, message: '"jq"' }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM centos:7\nONBUILD RUN yum install -y httpd\n',
      errors: [{ line: 2, column: 28, endColumn: 33 }],
    },
  ],
});
