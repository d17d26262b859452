import rule from '../../../src/rules/dockerfile/apt-unpinned.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'options held in a variable are not packages, nor the value of -t', code: 'FROM debian:12\nARG APT_FLAGS="-y -t bookworm-backports"\nRUN apt-get install $APT_FLAGS curl=7.88.1-10\n' },
    { name: 'a bundled -t takes the next word; pkg- removes a package', code: 'FROM debian:12\nRUN apt-get install -yt bookworm-backports --no-install-recommends curl=7.88.1-10 nano-\n' },
    { name: '--only-upgrade asks for the newest version', code: 'FROM debian:12-slim\nRUN apt-get install -y --only-upgrade openssl\n' },
    { name: 'apt-get install -s only simulates (a probe, docker-library postgres)', code: 'FROM debian:12-slim\nRUN apt-get update && if apt-get install -s postgresql-18 > /dev/null 2>&1; then echo ok; fi && apt-get install --simulate curl && apt-get install -qs wget\n' },
    'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10\n',
    'FROM debian:12\nRUN apt-get install -y ./local.deb /tmp/pkg.deb pkg.deb\n',
    { name: 'release pin', code: 'FROM debian:12\nRUN apt-get install -y curl/bookworm-backports\n' },
    { name: '-t value is not a package', code: 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports curl=8.0\n' },
    { name: '-o value is not a package', code: 'FROM debian:12\nRUN apt-get -o Dpkg::Options::=--force-confold install -y -o APT::Get::Fix-Broken install=1\n' },
    { name: '-c value', code: 'FROM debian:12\nRUN apt-get -c /etc/apt/my.conf install -y curl=1\n' },
    'FROM debian:12\nRUN apt-get update\n',
    'FROM debian:12\nRUN apt-get install -y -f\n',
    'FROM debian:12\nRUN apt install -y curl\n',
    'FROM debian:12\nRUN echo apt-get install curl\n',
    { name: 'version from a variable', code: 'FROM debian:12\nARG V=1.2\nRUN apt-get install -y "curl=${V}"\n' },
    { name: 'unknown variable is not guessed', code: 'FROM debian:12\nRUN apt-get install -y $PACKAGES\n' },
    { name: 'variable resolving to pinned packages', code: 'FROM debian:12\nARG PKGS="curl=1 git=2"\nRUN apt-get install -y $PKGS\n' },
    { name: 'command substitution', code: 'FROM debian:12\nRUN apt-get install -y $(cat /pkgs.txt)\n' },
  ],
  invalid: [
    { name: 'options held in a variable are not packages', code: 'FROM debian:12\nARG APT_FLAGS="-y --no-install-recommends"\nRUN apt-get install ${APT_FLAGS} curl=7.88.1-10 wget\n', errors: [{ line: 3, column: 49, message: '"wget"' }] },
    {
      // An escaped quote does not end $'...' (bash), so the install after it is a command of its own.
      name: 'after an ANSI-C string with an escaped quote',
      code: "FROM debian:12-slim\nRUN echo $'it\\'s' && apt-get install -y curl\n",
      errors: [{ line: 2, column: 41, endColumn: 45, message: 'Package "curl"' }],
    },
    {
      name: 'inside a bash -c script',
      code: "FROM debian:12-slim\nRUN bash -c 'apt-get update && apt-get install -y curl'\n",
      errors: [{ line: 2, column: 51, endColumn: 55, message: 'Package "curl"' }],
    },
    {
      name: 'run by sudo and by env',
      code: 'FROM debian:12-slim\nRUN sudo apt-get install -y curl && env DEBIAN_FRONTEND=noninteractive \\\n    apt-get install -y jq\n',
      errors: [{ line: 2, column: 29, endColumn: 33, message: 'Package "curl"' }, { line: 3, column: 24, endColumn: 26, message: 'Package "jq"' }],
    },
    {
      code: 'FROM debian:12\nRUN apt-get install -y curl\n',
      errors: [{ line: 2, column: 24, endLine: 2, endColumn: 28, message: '"curl"' }],
    },
    {
      name: 'one finding per package, pinned ones skipped',
      code: 'FROM debian:12\nRUN apt-get install -y curl git=1:2.39 wget\n',
      errors: [{ line: 2, column: 24, endColumn: 28 }, { line: 2, column: 40, endColumn: 44, message: '"wget"' }],
    },
    {
      name: 'flags after install and -t value',
      code: 'FROM debian:12\nRUN apt-get -qq install --no-install-recommends -t bookworm -o A=B ca-certificates\n',
      errors: [{ line: 2, column: 68, endColumn: 83 }],
    },
    {
      name: 'continuation line',
      code: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y \\\n      curl \\\n      git=1\n',
      errors: [{ line: 4, column: 7, endLine: 4, endColumn: 11 }],
    },
    {
      name: 'quoted package and path to apt-get',
      code: 'FROM debian:12\nRUN /usr/bin/apt-get install -y "curl"\n',
      errors: [{ line: 2, column: 33, endColumn: 39, message: '"curl"' }],
    },
    {
      name: 'ARG resolving to unpinned packages',
      code: 'FROM debian:12\nARG PKGS="curl git=1 wget"\nRUN apt-get install -y $PKGS\n',
      errors: [{ line: 3, column: 24, endColumn: 29, message: '"curl"' }, { line: 3, column: 24, endColumn: 29, message: '"wget"' }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM debian:12\nONBUILD RUN apt-get install -y curl\n',
      errors: [{ line: 2, column: 32 }],
    },
    {
      name: 'heredoc body',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n',
      errors: [{ line: 4, column: 20, endColumn: 24 }],
    },
  ],
});
