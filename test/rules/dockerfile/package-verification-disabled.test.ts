import rule from '../../../src/rules/dockerfile/package-verification-disabled.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'gpgcheck=0 for a file:// repository', code: 'FROM centos:7\nRUN printf \'[local]\\nbaseurl=file:///tmp/repo\\ngpgcheck=0\\n\' > /etc/yum.repos.d/local.repo\n' },
    { name: 'local files by path or file: URL', code: 'FROM fedora:40\nRUN dnf install -y --nogpgcheck file:///tmp/foo.rpm && apk add --allow-untrusted /tmp/pkgs/*\n' },
    'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n',
    { name: 'local apk files (built or downloaded earlier)', code: 'FROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted /tmp/packages/*.apk msodbcsql18_18.0.1.1-1_amd64.apk\n' },
    { name: 'apk index of local packages', code: 'FROM alpine:3.20\nRUN apk index --allow-untrusted -o /tmp/APKINDEX.tar.gz /tmp/*.apk\n' },
    { name: 'a trusted file: repository', code: 'FROM debian:12-slim\nRUN echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list\n' },
    { name: 'signed-by', code: 'FROM debian:12-slim\nRUN echo "deb [signed-by=/etc/apt/keyrings/x.gpg] https://apt.example stable main" > /etc/apt/sources.list.d/x.list\n' },
    { name: 'dnf installing a local rpm', code: 'FROM fedora:40\nRUN dnf install -y --nogpgcheck ./build/app-1.0.rpm\n' },
    { name: 'rpm -i of a local file', code: 'FROM rockylinux:9\nRUN rpm -i --nosignature /tmp/app.rpm\n' },
    { name: 'gpgcheck=1', code: 'FROM centos:7\nRUN echo -e "[x]\\nbaseurl=https://repo.example\\ngpgcheck=1" > /etc/yum.repos.d/x.repo\n' },
    { name: 'sed turning the check on', code: 'FROM centos:7\nRUN sed -i \'s/gpgcheck=0/gpgcheck=1/g\' /etc/yum.conf\n' },
    { name: 'sed printing, not editing in place', code: 'FROM centos:7\nRUN sed \'s/gpgcheck=1/gpgcheck=0/\' /etc/yum.conf > /tmp/yum.conf\n' },
    { name: 'sed with -e as the script option, not -i', code: 'FROM centos:7\nRUN sed -ne \'s/gpgcheck=1/gpgcheck=0/p\' /etc/yum.conf\n' },
    { name: 'a heredoc .repo for a file:// repository', code: 'FROM fedora:40\nCOPY <<EOF /etc/yum.repos.d/local.repo\n[local]\nbaseurl=file:///repo\ngpgcheck=0\nEOF\n' },
    { name: 'a heredoc .repo with gpgcheck=1', code: 'FROM fedora:40\nCOPY <<EOF /etc/yum.repos.d/x.repo\n[x]\nbaseurl=https://repo.example\ngpgcheck=1\nEOF\n' },
    { name: 'a heredoc script: its echo is read as a command (reported once, see invalid)', code: 'FROM centos:7\nRUN <<EOF\nset -e\necho "gpgcheck is off in tests only"\nEOF\n' },
    { name: 'apt option set to false', code: 'FROM debian:12-slim\nRUN apt-get -o APT::Get::AllowUnauthenticated=false install -y curl\n' },
  ],
  invalid: [
    {
      name: 'an unquoted sources entry, and yum-config-manager',
      code: 'FROM debian:12-slim\nRUN echo deb [trusted=yes] https://x.example/ stable main > /etc/apt/sources.list.d/x.list\nRUN yum-config-manager --setopt=x.gpgcheck=0 --save\n',
      errors: [{ line: 2, column: 15, endColumn: 26, message: '`[trusted=yes] https://x.example/`' }, { line: 3, column: 24, endColumn: 45 }],
    },
    {
      code: 'FROM debian:12-slim\nRUN apt-get install -y --allow-unauthenticated vendor-tool\n',
      errors: [{ line: 2, column: 24, endLine: 2, endColumn: 47, message: '`apt-get --allow-unauthenticated` installs packages without checking their signatures, so a compromised mirror or a proxy can replace them; import the repository\'s signing key (a keyring under /etc/apt/keyrings and `signed-by=` in the sources entry) instead.' }],
    },
    {
      name: 'apt options, --force-yes, and env-wrapped apt-get',
      code: 'FROM debian:12-slim\nRUN apt-get -o APT::Get::AllowUnauthenticated=true install -y a\nRUN apt-get install --force-yes b\nRUN env DEBIAN_FRONTEND=noninteractive apt-get install --allow-insecure-repositories -y c\n',
      errors: [{ line: 2, column: 16, endColumn: 51 }, { line: 3, column: 21, endColumn: 32 }, { line: 4, column: 56, endColumn: 85 }],
    },
    {
      name: 'apk from a repository, also mixed with a local file',
      code: 'FROM alpine:3.20\nRUN apk add --allow-untrusted --no-cache vendor-tool\nRUN apk add --allow-untrusted pkg.apk unixodbc-dev\n',
      errors: [{ line: 2, column: 13, endColumn: 30, message: '/etc/apk/keys' }, { line: 3, column: 13 }],
    },
    {
      name: 'dnf and yum',
      code: 'FROM rockylinux:9\nRUN dnf install -y --nogpgcheck vendor-tool\nRUN yum --setopt=vendor.gpgcheck=0 install -y x\nRUN dnf install -y https://example.com/app.rpm --nogpgcheck\n',
      errors: [{ line: 2, column: 20, endColumn: 32, message: 'rpm --import' }, { line: 3, column: 9, endColumn: 35 }, { line: 4, column: 48, endColumn: 60 }],
    },
    {
      name: 'rpm from a URL',
      code: 'FROM rockylinux:9\nRUN rpm -Uvh --nosignature https://example.com/app.rpm\n',
      errors: [{ line: 2, column: 14, endColumn: 27, message: '`rpm --nosignature`' }],
    },
    {
      name: 'a trusted https repository and gpgcheck=0 written by echo',
      code: 'FROM debian:12-slim\nRUN echo \'deb [ allow-insecure=yes trusted=yes ] https://apt.example/x trixie main\' > /etc/apt/sources.list.d/x.list\nRUN echo -e "[epel]\\nbaseurl=https://dl.example/\\ngpgcheck=0" > /etc/yum.repos.d/epel.repo\n',
      errors: [{ line: 2, column: 17, endColumn: 35, message: '`[allow-insecure=yes trusted=yes] https://apt.example/x`' }, { line: 3, column: 51, endColumn: 61, message: '`gpgcheck=0`' }],
    },
    {
      name: 'sed -i writing gpgcheck=0 (s command, -i with a suffix, an a command)',
      code: 'FROM centos:7\nRUN sed -i \'s/gpgcheck=1/gpgcheck=0/g\' /etc/yum.conf\nRUN sed -ie "s/^gpgcheck=.*/gpgcheck=false/" /etc/yum.repos.d/x.repo\nRUN sed -i -e \'/\\[main\\]/a gpgcheck=0\' /etc/yum.conf\n',
      errors: [
        { line: 2, column: 26, endColumn: 36, message: '`gpgcheck=0`' },
        { line: 3, column: 29, endColumn: 43, message: '`gpgcheck=false`' },
        { line: 4, column: 28, endColumn: 38, message: '`gpgcheck=0`' },
      ],
    },
    {
      name: 'sed -i adding [trusted=yes] to the sources',
      code: 'FROM debian:12-slim\nRUN sed -Ei \'s/^deb /deb [trusted=yes] /\' /etc/apt/sources.list\n',
      errors: [{ line: 2, column: 27, endColumn: 38, message: '`[trusted=yes]`' }],
    },
    {
      name: 'heredocs writing a .repo file or a deb822 sources file (COPY, and RUN cat)',
      code: 'FROM fedora:40\nCOPY <<EOF /etc/yum.repos.d/x.repo\n[x]\nbaseurl=https://repo.example\ngpgcheck=0\nEOF\nRUN cat > /etc/apt/sources.list.d/x.sources <<EOF\nTypes: deb\nURIs: https://apt.example/\n  Trusted: yes\nEOF\n',
      errors: [
        { line: 5, column: 1, endColumn: 11, message: '`gpgcheck=0`' },
        { line: 10, column: 3, endColumn: 15, message: '`Trusted: yes`' },
      ],
    },
    {
      name: 'a heredoc script echoing a sources entry is reported once',
      code: 'FROM debian:12-slim\nRUN <<EOF\necho "deb [trusted=yes] https://apt.example/ stable main" > /etc/apt/sources.list.d/x.list\nEOF\n',
      errors: [{ line: 3, column: 12, endColumn: 23 }],
    },
  ],
});
