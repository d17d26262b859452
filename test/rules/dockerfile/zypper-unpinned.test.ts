import rule from '../../../src/rules/dockerfile/zypper-unpinned.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'options held in a variable are not packages', code: 'FROM opensuse/leap:15.6\nARG ZYPPER_FLAGS="--no-recommends"\nRUN zypper -n in $ZYPPER_FLAGS curl=8.6.0 && zypper clean -a\n' },
    { name: 'name-version[-release], which zypper reads as name = version', code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl-8.6.0-150600.4.3.1 wget-1.21 && zypper clean -a\n' },
    'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean -a\n',
    { name: 'ranges', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in "curl>=8.0" \'git<3\' && zypper clean -a\n' },
    { name: 'rpm files', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in ./app-1.0.x86_64.rpm && zypper clean -a\n' },
    { name: 'patterns are not versioned packages', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in -t pattern devel_basis && zypper clean -a\n' },
    { name: 'option values are not packages', code: 'FROM opensuse/leap:15.6\nRUN zypper -n --root /target in -r oss --from oss curl=8.6.0 && zypper clean -a\n' },
    { name: 'version from ARG', code: 'FROM opensuse/leap:15.6\nARG CURL_VERSION=8.6.0\nRUN zypper -n in curl=${CURL_VERSION} && zypper clean -a\n' },
    { name: 'unknown variable', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in $PACKAGES && zypper clean -a\n' },
    { name: 'other subcommands', code: 'FROM opensuse/leap:15.6\nRUN zypper -n remove vim && zypper -n up\n' },
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean -a\n',
      errors: [{ line: 2, column: 23, endLine: 2, endColumn: 27, message: 'Package "curl" is installed without a version; pin it as curl=<version>' }],
    },
    {
      name: 'a name without a version beside name-version and name=version pins',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n in -y --no-recommends git-2.43 tar=1.34 vim java-11-openjdk\n',
      errors: [{ line: 2, column: 55, endColumn: 58, message: '"vim"' }, { line: 2, column: 59, endColumn: 74, message: '"java-11-openjdk"' }],
    },
    {
      name: 'explicit package type, continuation line',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n in -t package \\\n    vim\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 8 }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper -n in curl\n',
      errors: [{ line: 2, column: 26, endColumn: 30 }],
    },
  ],
});
