import rule from '../../../src/rules/dockerfile/yum-missing-yes.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: '-y from a variable', code: 'FROM centos:7\nARG YUM_FLAGS=-y\nRUN yum install $YUM_FLAGS httpd-2.4.6 && yum clean all\n' },
    'FROM centos:7\nRUN yum install -y httpd\n',
    'FROM centos:7\nRUN yum -y install httpd\n',
    'FROM centos:7\nRUN yum install --assumeyes httpd\n',
    'FROM centos:7\nRUN yum -qy install httpd\n',
    'FROM centos:7\nRUN yum --setopt=assumeyes=1 install httpd\n',
    'FROM centos:7\nRUN yum -y group install "Development Tools"\n',
    { name: 'read-only subcommands never prompt', code: 'FROM centos:7\nRUN yum clean all && yum makecache && yum list installed\n' },
    { name: 'a repo option value is not the subcommand', code: 'FROM centos:7\nRUN yum --enablerepo epel -y install jq\n' },
    { name: 'dnf is a different rule', code: 'FROM fedora:40\nRUN dnf install httpd\n' },
    'FROM centos:7\nRUN echo yum install httpd\n',
  ],
  invalid: [
    {
      code: 'FROM centos:7\nRUN yum install httpd\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 16, message: '`yum install` without -y' }],
      output: 'FROM centos:7\nRUN yum install -y httpd\n',
    },
    {
      name: 'other prompting subcommands',
      code: 'FROM centos:7\nRUN yum update && yum remove -q vim-minimal\n',
      errors: [
        { line: 2, column: 5, endColumn: 15, message: '`yum update`' },
        { line: 2, column: 19, endColumn: 29, message: '`yum remove`' },
      ],
      output: 'FROM centos:7\nRUN yum update -y && yum remove -y -q vim-minimal\n',
    },
    {
      name: 'group install: -y goes after the action',
      code: 'FROM centos:7\nRUN yum group install "Development Tools"\n',
      errors: [{ line: 2, column: 5, endColumn: 22, message: '`yum group install`' }],
      output: 'FROM centos:7\nRUN yum group install -y "Development Tools"\n',
    },
    {
      name: 'second line of a continuation, full path',
      code: 'FROM centos:7\nRUN yum makecache && \\\n    /usr/bin/yum --enablerepo=epel install jq\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 43 }],
      output: 'FROM centos:7\nRUN yum makecache && \\\n    /usr/bin/yum --enablerepo=epel install -y jq\n',
    },
    {
      name: 'exec form',
      code: 'FROM centos:7\nRUN ["yum", "install", "httpd"]\n',
      errors: [{ line: 2, column: 6, endColumn: 22 }],
      output: 'FROM centos:7\nRUN ["yum", "install", "-y", "httpd"]\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM centos:7\nONBUILD RUN yum install httpd\n',
      errors: [{ line: 2, column: 13, endColumn: 24 }],
      output: 'FROM centos:7\nONBUILD RUN yum install -y httpd\n',
    },
  ],
});
