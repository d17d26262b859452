import rule from '../../../src/rules/dockerfile/tls-verification-disabled.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'a global ARG reaches no RUN', code: 'ARG NODE_TLS_REJECT_UNAUTHORIZED=0\nFROM node:20-slim\nRUN npm ci\n' },
    { name: 'a shell variable that is not exported', code: 'FROM node:20-slim\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 && npm ci\n' },
    { name: 'npm reads no/off as true', code: 'FROM node:20-slim\nENV NPM_CONFIG_STRICT_SSL=no\nRUN npm config set strict-ssl off\n' },
    { name: 'a prefix on a wrapper is read once', code: 'FROM node:20-slim\nRUN NODE_TLS_REJECT_UNAUTHORIZED=1 nice -n 5 node seed.js\n' },
    { name: 'sslverify on', code: 'FROM rockylinux:9\nRUN dnf --setopt=sslverify=1 install -y x && apt-get -o Acquire::https::Verify-Peer=true update\n' },
    'FROM debian:12-slim\nRUN curl -fsSL -o /tmp/x https://example.com/x\n',
    { name: 'k as the value of -o and of a header', code: 'FROM debian:12-slim\nRUN curl -o -k https://example.com/x && curl -H -k https://example.com/y\n' },
    { name: 'a bundle whose k is part of a value', code: 'FROM debian:12-slim\nRUN curl -sSLokey.pem https://example.com/x\n' },
    { name: 'wget with a CA file', code: 'FROM debian:12-slim\nRUN wget --ca-certificate=/ca.pem https://example.com/x\n' },
    { name: 'pip with an index URL', code: 'FROM python:3.12-slim\nRUN pip install --index-url https://pypi.example.com/simple flask==3.0.3\n' },
    { name: 'strict-ssl left on', code: 'FROM node:20-slim\nRUN npm config set strict-ssl true && yarn config set strict-ssl true\n' },
    { name: 'git sslVerify true, and other config', code: 'FROM alpine:3.20\nRUN git config --global http.sslVerify true && git config --global user.name ci\n' },
    { name: 'NODE_TLS_REJECT_UNAUTHORIZED=1', code: 'FROM node:20-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\nRUN NODE_TLS_REJECT_UNAUTHORIZED=1 npm ci\n' },
    { name: 'an unknown value', code: 'FROM node:20-slim\nARG TLS\nENV NODE_TLS_REJECT_UNAUTHORIZED=$TLS\n' },
    { name: 'echoed', code: 'FROM debian:12-slim\nRUN echo curl -k https://example.com\n' },
    { name: 'an ARG without a default', code: 'FROM python:3.12-slim\nARG PIP_TRUSTED_HOST\n' },
    { name: 'written config that keeps verification on', code: 'FROM rockylinux:9\nRUN echo "sslverify=1" >> /etc/yum.conf && echo strict-ssl=true >> ~/.npmrc && echo \'Acquire::https::Verify-Peer "true";\' > /etc/apt/apt.conf.d/99x\nRUN echo "check_certificate = on" >> ~/.wgetrc && printf \'enableStrictSsl: true\\n\' > .yarnrc.yml && sed -i \'s/sslverify=0/sslverify=1/\' /etc/dnf/dnf.conf\n' },
    { name: 'the setting written to a file no tool reads', code: 'FROM rockylinux:9\nRUN echo "sslverify=0" >> /tmp/notes.txt && echo sslverify=0 > /tmp/x.repo && echo strict-ssl=false > /app/npmrc && echo insecure > /root/curlrc\nCOPY <<EOF /etc/motd\nsslverify=0\nEOF\n' },
    { name: 'echoed to standard output or its errors to the file, and sed without -i', code: 'FROM node:20-slim\nRUN echo "strict-ssl=false" && echo strict-ssl=false 2>> ~/.npmrc && sed \'s/sslverify=1/sslverify=0/\' /etc/yum.conf\nRUN cat <<EOF\nstrict-ssl=false\nEOF\n' },
    { name: 'a group whose output is not the file: its errors, a command sending its own elsewhere, a group in the middle of a pipe', code: 'FROM rockylinux:9\nRUN { echo "sslverify=0"; } 2> /etc/yum.conf\nRUN { echo "sslverify=0" >&2; echo "[main]"; } > /etc/yum.conf\nRUN { echo "sslverify=0" > /tmp/notes; } >> /etc/dnf/dnf.conf\nRUN (echo "strict-ssl=false" | grep -v ssl) > /root/.npmrc\n' },
    { name: 'commented out', code: 'FROM debian:12-slim\nCOPY <<EOF /etc/dnf/dnf.conf\n# sslverify=0\n;sslverify=0\nEOF\nCOPY <<EOF /etc/apt/apt.conf.d/99x\n// Acquire::https::Verify-Peer "false";\n# Acquire::https::Verify-Peer "false";\n/* Acquire::https::Verify-Peer "false"; */\nEOF\nRUN echo "; strict-ssl=false" >> ~/.npmrc && echo "# insecure" >> ~/.curlrc && printf \'[http]\\n# sslVerify = false\\n\' >> ~/.gitconfig\n' },
    { name: 'other keys', code: 'FROM debian:12-slim\nRUN echo gpgcheck=0 >> /etc/yum.conf && echo \'Acquire::https::Proxy "false";\' > /etc/apt/apt.conf.d/99proxy && echo strict-peer-deps=false >> ~/.npmrc\nRUN echo --no-insecure >> ~/.curlrc && echo "index-url = https://pypi.example.com/simple" >> /etc/pip.conf && printf \'[http]\\nsslCAInfo = /ca.pem\\n\' >> ~/.gitconfig\nCOPY <<EOF /etc/gitconfig\n[core]\n  sslVerify = false\nEOF\n' },
  ],
  invalid: [
    {
      name: 'a checksum check later in the RUN still catches a replaced file',
      code: 'FROM debian:12-slim\nRUN curl -fsSLk -o /tmp/a.tgz https://x.example/a.tgz && echo "abc  /tmp/a.tgz" | sha256sum -c -\n',
      errors: [{ line: 2, column: 10, endColumn: 16, message: 'the checksum check later in this RUN still catches a replaced file' }],
    },
    {
      name: 'a prefix on a wrapper: one finding',
      code: 'FROM node:20-slim\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 nice -n 5 node seed.js\n',
      errors: [{ line: 2, column: 5, endColumn: 35, message: 'for this `nice` command' }],
    },
    {
      name: 'a global ARG declared again in the stage',
      code: 'ARG NODE_TLS_REJECT_UNAUTHORIZED=0\nFROM node:20-slim\nARG NODE_TLS_REJECT_UNAUTHORIZED\nRUN npm ci\n',
      errors: [{ line: 3, column: 5, endColumn: 33, message: 'ARG NODE_TLS_REJECT_UNAUTHORIZED=0 turns off' }],
    },
    {
      name: 'wget -e, apt --option=, pip config --user set, an empty GIT_SSL_NO_VERIFY',
      code: 'FROM debian:12-slim\nRUN wget -e check_certificate=off https://x.example/a\nRUN apt-get --option=Acquire::https::Verify-Peer=false update\nRUN pip config --user set global.trusted-host pypi.example\nENV GIT_SSL_NO_VERIFY=""\n',
      errors: [{ line: 2, column: 13, endColumn: 34 }, { line: 3, column: 13, endColumn: 55 }, { line: 4, column: 27, endColumn: 46 }, { line: 5, column: 5, endColumn: 25 }],
    },
    {
      name: 'a variable before any command, and through env',
      code: 'FROM node:20-slim\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 node seed.js && env GIT_SSL_NO_VERIFY=true git clone https://git.example/x\n',
      errors: [
        { line: 2, column: 5, endColumn: 35, message: 'for this `node` command' },
        { line: 2, column: 56, endColumn: 78, message: 'GIT_SSL_NO_VERIFY=true turns off TLS certificate verification for this `git` command' },
      ],
    },
    {
      name: 'dnf sslverify and apt Verify-Peer',
      code: 'FROM rockylinux:9\nRUN dnf --setopt=sslverify=0 install -y x\nFROM debian:12-slim\nRUN apt-get -o Acquire::https::Verify-Peer=false update\n',
      errors: [{ line: 2, column: 9, endColumn: 29, message: 'sslcacert=' }, { line: 4, column: 16, endColumn: 49, message: 'Acquire::https::CAInfo' }],
    },
    {
      code: 'FROM debian:12-slim\nRUN curl -sSLk -o /tmp/x https://example.com/x\n',
      errors: [{ line: 2, column: 10, endLine: 2, endColumn: 15, message: '`curl -sSLk` turns off TLS certificate verification, so anyone on the network path can replace what this step downloads; drop it and add the server\'s CA certificate to the image' }],
    },
    {
      name: 'curl --insecure and wget --no-check-certificate',
      code: 'FROM debian:12-slim\nRUN curl --insecure https://a.example && \\\n    wget --no-check-certificate https://b.example\n',
      errors: [{ line: 2, column: 10, endColumn: 20, message: '`curl --insecure`' }, { line: 3, column: 10, endColumn: 32, message: 'pass --ca-certificate=<file>' }],
    },
    {
      name: 'pip and python -m pip',
      code: 'FROM python:3.12-slim\nRUN pip install --trusted-host pypi.example.com flask && python -m pip config set global.trusted-host pypi.example.com\n',
      errors: [{ line: 2, column: 17, endColumn: 31, message: '`pip --trusted-host pypi.example.com`' }, { line: 2, column: 83, endColumn: 102, message: '`python -m pip config set global.trusted-host`' }],
    },
    {
      name: 'npm, pnpm and yarn strict-ssl',
      code: 'FROM node:20-slim\nRUN npm config set strict-ssl false\nRUN pnpm install --strict-ssl=false\nRUN yarn config set "strict-ssl" false -g\n',
      errors: [{ line: 2, column: 20, endColumn: 30, message: 'keep strict-ssl on' }, { line: 3, column: 18, endColumn: 36 }, { line: 4, column: 21, endColumn: 33 }],
    },
    {
      name: 'git config and git -c',
      code: 'FROM alpine:3.20\nRUN git config --global http.sslVerify false\nRUN git -c http.sslverify=false clone https://git.example/x\n',
      errors: [{ line: 2, column: 25, endColumn: 39, message: 'http.sslCAInfo' }, { line: 3, column: 12, endColumn: 32 }],
    },
    {
      name: 'variables in a RUN: for one command, and exported',
      code: 'FROM node:20-slim\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci && export GIT_SSL_NO_VERIFY=1\n',
      errors: [
        { line: 2, column: 5, endColumn: 35, message: 'NODE_TLS_REJECT_UNAUTHORIZED=0 turns off TLS certificate verification for this `npm` command; remove it and pass your CA with NODE_EXTRA_CA_CERTS.' },
        { line: 2, column: 53, endColumn: 72, message: 'GIT_SSL_NO_VERIFY=1 turns off TLS certificate verification for the rest of this RUN' },
      ],
    },
    {
      name: 'ENV in the shipped image also applies at run time; ENV in a build stage and ARG only to the build',
      code: 'FROM python:3.12 AS build\nENV PYTHONHTTPSVERIFY=0\nARG PIP_TRUSTED_HOST=pypi.example.com\nFROM node:20-slim\nENV npm_config_strict_ssl=false NODE_TLS_REJECT_UNAUTHORIZED=0\n',
      errors: [
        { line: 2, column: 5, endColumn: 24, message: 'ENV PYTHONHTTPSVERIFY=0 turns off TLS certificate verification for every later build step;' },
        { line: 3, column: 5, endColumn: 38, message: 'ARG PIP_TRUSTED_HOST=pypi.example.com' },
        { line: 5, column: 5, endColumn: 32, message: 'every later build step and for the running container' },
        { line: 5, column: 33, endColumn: 63, message: 'for the running container' },
      ],
    },
    {
      name: 'an ENV value from an ARG default',
      code: 'FROM node:20-slim\nARG NO_VERIFY=0\nENV NODE_TLS_REJECT_UNAUTHORIZED=${NO_VERIFY}\n',
      errors: [{ line: 3, column: 5, message: 'ENV NODE_TLS_REJECT_UNAUTHORIZED=0' }],
    },
    {
      name: 'yum/dnf: echo >>, echo | tee -a, sed s and sed a',
      code: 'FROM rockylinux:9\nRUN echo "sslverify=0" >> /etc/yum.conf\nRUN echo \'sslverify = false\' | tee -a /etc/dnf/dnf.conf\nRUN sed -i \'s/sslverify=1/sslverify=0/\' /etc/yum.repos.d/epel.repo\nRUN sed -i \'/\\[main\\]/a sslverify=0\' /etc/dnf/dnf.conf\n',
      errors: [
        { line: 2, column: 11, endColumn: 22, message: '`sslverify=0` in /etc/yum.conf turns off yum/dnf\'s TLS certificate verification, so anyone on the network path can replace what yum/dnf downloads; keep sslverify on' },
        { line: 3, column: 11, endColumn: 28, message: 'in /etc/dnf/dnf.conf' },
        { line: 4, column: 27, endColumn: 38, message: 'in /etc/yum.repos.d/epel.repo' },
        { line: 5, column: 25, endColumn: 36, message: 'in /etc/dnf/dnf.conf' },
      ],
    },
    {
      name: 'echo inside a { } group or a ( ) subshell whose output goes to the file',
      code: 'FROM rockylinux:9\nRUN { echo "registry=https://r.example/"; echo "strict-ssl=false"; } | tee /root/.npmrc\nRUN (echo "[main]"; echo "sslverify=0") > /etc/dnf/dnf.conf\nRUN { { echo "[main]"; echo "sslverify=0"; }; } 2>/dev/null >> /etc/yum.conf\n',
      errors: [
        { line: 2, column: 49, endColumn: 65, message: 'in /root/.npmrc' },
        { line: 3, column: 27, endColumn: 38, message: 'in /etc/dnf/dnf.conf' },
        { line: 4, column: 30, endColumn: 41, message: 'in /etc/yum.conf' },
      ],
    },
    {
      name: 'apt.conf: echo >, printf with a host, Verify-Host',
      code: 'FROM debian:12-slim\nRUN echo \'Acquire::https::Verify-Peer "false";\' > /etc/apt/apt.conf.d/99insecure\nRUN printf \'Acquire::https::repo.example.com::Verify-Host "false";\\n\' > /etc/apt/apt.conf\n',
      errors: [
        { line: 2, column: 11, endColumn: 46, message: 'in /etc/apt/apt.conf.d/99insecure turns off apt\'s TLS certificate verification' },
        { line: 3, column: 13, endColumn: 66, message: 'Acquire::https::CAInfo' },
      ],
    },
    {
      name: 'apt.conf scopes in a COPY heredoc, to a directory named after the delimiter',
      code: 'FROM debian:12-slim\nCOPY <<99insecure /etc/apt/apt.conf.d/\n// written for the proxy\nAcquire {\n  https {\n    Verify-Peer "false";\n  };\n};\n99insecure\n',
      errors: [
        { line: 6, column: 5, endColumn: 24, message: '`Acquire::https::Verify-Peer "false"` in /etc/apt/apt.conf.d/99insecure' },
      ],
    },
    {
      name: 'npmrc: ~, $HOME, /root, the global npmrc, a project .npmrc',
      code: 'FROM node:20-slim\nRUN echo "strict-ssl=false" >> ~/.npmrc\nRUN echo strict-ssl=false > "$HOME/.npmrc"\nRUN printf \'registry=https://r.example/\\nstrict-ssl = false\\n\' > /root/.npmrc\nRUN echo "strict-ssl=0" | tee /usr/local/etc/npmrc\nCOPY <<EOF .npmrc\nstrict-ssl=false\nEOF\n',
      errors: [
        { line: 2, column: 11, endColumn: 27, message: '`strict-ssl=false` in ~/.npmrc turns off npm\'s TLS certificate verification, so anyone on the network path can replace what npm downloads; keep strict-ssl on and point `cafile` at your registry\'s CA.' },
        { line: 3, column: 10, endColumn: 26, message: 'in $HOME/.npmrc' },
        { line: 4, column: 42, endColumn: 60, message: 'in /root/.npmrc' },
        { line: 5, column: 11, endColumn: 23, message: 'in /usr/local/etc/npmrc' },
        { line: 7, column: 1, endColumn: 17, message: 'in .npmrc' },
      ],
    },
    {
      name: 'RUN cat > file <<EOF, and a heredoc piped into sudo tee',
      code: 'FROM node:20-slim\nRUN cat > /root/.npmrc <<EOF\nregistry=https://r.example/\nstrict-ssl = false\nEOF\nRUN cat <<EOF | sudo tee /etc/apt/apt.conf.d/99x\nAcquire::https::Verify-Host "0";\nEOF\n',
      errors: [
        { line: 4, column: 1, endColumn: 19, message: 'in /root/.npmrc' },
        { line: 7, column: 1, endColumn: 32, message: 'in /etc/apt/apt.conf.d/99x' },
      ],
    },
    {
      name: 'yarn: .yarnrc and .yarnrc.yml',
      code: 'FROM node:20-slim\nRUN echo \'strict-ssl false\' >> ~/.yarnrc\nRUN printf \'enableStrictSsl: false\\n\' >> .yarnrc.yml\n',
      errors: [
        { line: 2, column: 11, endColumn: 27, message: 'in ~/.yarnrc turns off Yarn\'s' },
        { line: 3, column: 13, endColumn: 35, message: 'keep enableStrictSsl on and point httpsCaFilePath' },
      ],
    },
    {
      name: 'curlrc and wgetrc',
      code: 'FROM debian:12-slim\nRUN echo insecure >> ~/.curlrc\nRUN echo -k > /root/.config/curlrc\nRUN tee ~/.curlrc <<EOF\nsilent\n--insecure\nEOF\nRUN echo "check_certificate = off" >> ~/.wgetrc && echo check-certificate=no > /etc/wgetrc\n',
      errors: [
        { line: 2, column: 10, endColumn: 18, message: '`insecure` in ~/.curlrc turns off curl\'s' },
        { line: 3, column: 10, endColumn: 12, message: 'in /root/.config/curlrc' },
        { line: 6, column: 1, endColumn: 11, message: 'pass --cacert' },
        { line: 8, column: 11, endColumn: 34, message: 'in ~/.wgetrc turns off wget\'s' },
        { line: 8, column: 57, endColumn: 77, message: 'in /etc/wgetrc' },
      ],
    },
    {
      name: 'pip.conf: a heredoc, printf, hosts on the next lines',
      code: 'FROM python:3.12-slim\nCOPY <<EOF /etc/pip.conf\n[global]\nindex-url = https://pypi.example.com/simple\ntrusted-host = pypi.example.com\nEOF\nRUN mkdir -p ~/.config/pip && printf \'[global]\\ntrusted-host = pypi.example.com\\n\' > ~/.config/pip/pip.conf\nRUN cat >> ~/.pip/pip.conf <<EOF\n[install]\ntrusted-host =\n    pypi.example.com\nEOF\n',
      errors: [
        { line: 5, column: 1, endColumn: 32, message: 'in /etc/pip.conf turns off pip\'s' },
        { line: 7, column: 49, endColumn: 80, message: 'in ~/.config/pip/pip.conf' },
        { line: 10, column: 1, endColumn: 15, message: '`trusted-host = pypi.example.com` in ~/.pip/pip.conf' },
      ],
    },
    {
      name: 'gitconfig: [http] and [http "url"]',
      code: 'FROM alpine:3.20\nRUN printf \'[http]\\n\\tsslVerify = false\\n\' >> ~/.gitconfig\nCOPY <<EOF /etc/gitconfig\n[user]\n  name = ci\n[http "https://git.example/"]\n  sslverify = no # self-signed\nEOF\n',
      errors: [
        { line: 2, column: 23, endColumn: 40, message: '`[http] sslVerify = false` in ~/.gitconfig turns off git\'s' },
        { line: 7, column: 3, endColumn: 17, message: 'in /etc/gitconfig' },
      ],
    },
    {
      name: 'a RUN heredoc script, and ONBUILD',
      code: 'FROM rockylinux:9\nRUN <<EOF\nset -e\necho "sslverify=0" >> /etc/yum.conf\nEOF\nONBUILD RUN echo strict-ssl=false >> ~/.npmrc\n',
      errors: [
        { line: 4, column: 7, endColumn: 18, message: 'in /etc/yum.conf' },
        { line: 6, column: 18, endColumn: 34, message: 'in ~/.npmrc' },
      ],
    },

    {
      name: 'digits glued to the text are not a descriptor; a <<- heredoc keeps its tabs in the source',
      code: 'FROM rockylinux:9\nRUN echo sslverify=0>>/etc/yum.conf\nRUN cat <<-EOF > /etc/yum.repos.d/x.repo\n\t[x]\n\tsslverify=false\n\tEOF\n',
      errors: [{ line: 2, column: 10, endColumn: 21, message: 'in /etc/yum.conf' }, { line: 5, column: 2, endColumn: 17, message: 'in /etc/yum.repos.d/x.repo' }],
    },
  ],
});
