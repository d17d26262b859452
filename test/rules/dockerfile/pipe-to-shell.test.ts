import rule from '../../../src/rules/dockerfile/pipe-to-shell.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'a curl inside a plain sh -c script is one of its commands', code: "FROM debian:12-slim\nRUN sh -c 'curl -fsSL https://x.example/a.tgz | tar -xz'\n" },
    'FROM debian:12-slim\nRUN curl -fsSLo /tmp/install.sh https://example.com/install.sh && sha256sum -c install.sha256 && sh /tmp/install.sh\n',
    { name: 'pipe into tar', code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/x.tar.gz | tar -xz -C /opt\n' },
    { name: 'pipe into gpg', code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/x.gpg\n' },
    { name: 'python -c reads data, not code', code: 'FROM python:3.12-slim\nRUN curl -s https://api.github.com/repos/x/y/releases/latest | python3 -c "import sys, json; print(json.load(sys.stdin)[\'tag_name\'])"\n' },
    { name: 'sh with a script file reads stdin as data', code: 'FROM debian:12-slim\nRUN curl -s https://example.com/list.txt | sh ./process.sh\n' },
    { name: 'curl writes to a file, nothing reaches the shell', code: 'FROM debian:12-slim\nRUN curl -fsSL -o /usr/local/bin/tool https://example.com/tool | bash\n' },
    { name: 'wget writes to a file by default', code: 'FROM debian:12-slim\nRUN wget https://example.com/install.sh | sh\n' },
    { name: 'tee writes the script to a file, nothing is piped on', code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/i.sh | tee /tmp/i.sh > /dev/null && sha256sum -c i.sha256 && sh /tmp/i.sh\n' },
    { name: 'bash with a script file that is not stdin', code: 'FROM debian:12-slim\nRUN curl -s https://example.com/list.txt | bash /usr/local/bin/process.sh\n' },
    { name: 'PowerShell: download to a file, then run it (separate statements)', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN iwr https://example.com/i.ps1 -OutFile i.ps1; iex .\\i.ps1\n' },
    { name: 'PowerShell: iex without a download', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN iex "setx PATH C:\\tools"; iwr https://example.com/a.zip -OutFile a.zip\n' },
    { name: 'the word iex in a Linux RUN is not PowerShell', code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/iex -o /tmp/iex\n' },
    { name: 'command substitution into a variable', code: 'FROM debian:12-slim\nRUN VERSION="$(curl -fsSL https://example.com/latest)" && echo "$VERSION"\n' },
  ],
  invalid: [
    {
      name: 'bash reading the script from /dev/stdin',
      code: 'FROM debian:12-slim\nRUN curl -sSL https://aka.ms/getvsdbgsh | bash /dev/stdin -v latest -l /vsdbg\n',
      errors: [{ line: 2, column: 5, endColumn: 78, message: 'The output of curl is run directly by bash' }],
    },
    {
      name: 'through tee into sh',
      code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/i.sh | tee /tmp/i.sh | sh\n',
      errors: [{ line: 2, column: 5, endColumn: 61, message: 'The output of curl is run directly by sh' }],
    },
    {
      name: 'PowerShell: iex of DownloadString (chocolatey install)',
      code: "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN iex ((New-Object Net.WebClient).DownloadString('https://chocolatey.org/install.ps1')); \\\n    choco install -y git\n",
      errors: [{ line: 3, column: 5, endColumn: 90, message: 'iex runs a script fetched by DownloadString without checking it; save it with -OutFile' }],
    },
    {
      name: 'PowerShell: iwr piped into iex, under cmd',
      code: "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -NoLogo -Command \"iwr -UseBasicParsing 'https://get.scoop.sh' | iex;\"\n",
      errors: [{ line: 2, column: 34, endColumn: 83, message: 'iex runs a script fetched by iwr' }],
    },
    {
      name: 'PowerShell: Invoke-Expression of Invoke-RestMethod, in an ONBUILD trigger',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nONBUILD RUN Invoke-Expression (Invoke-RestMethod https://example.com/i.ps1)\n',
      errors: [{ line: 3, column: 13, endColumn: 76, message: 'Invoke-Expression runs a script fetched by Invoke-RestMethod' }],
    },
    {
      name: 'a fetcher run by sudo',
      code: 'FROM debian:12-slim\nRUN sudo curl -fsSL https://example.com/install.sh | sh\n',
      errors: [{ line: 2, column: 10, endColumn: 56, message: 'The output of curl is run directly by sh' }],
    },
    {
      code: 'FROM debian:12-slim\nRUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 62, message: 'The output of curl is run directly by bash' }],
    },
    {
      name: 'wget -qO- on a continuation line',
      code: 'FROM debian:12-slim\nRUN apt-get update && \\\n    wget -qO- https://example.com/install.sh | sh -s -- --yes\n',
      errors: [{ line: 3, column: 5, endColumn: 62, message: 'wget' }],
    },
    {
      name: 'wget -O - and sudo',
      code: 'FROM debian:12-slim\nRUN wget -O - https://example.com/i.sh | sudo -E bash\n',
      errors: [{ line: 2, column: 5, endColumn: 54, message: 'run directly by bash' }],
    },
    {
      name: 'busybox sh',
      code: 'FROM alpine:3.20\nRUN wget -qO- https://example.com/i.sh | busybox sh\n',
      errors: [{ line: 2, column: 5, endColumn: 52, message: 'run directly by sh' }],
    },
    {
      name: 'interpreter reading the program from stdin',
      code: 'FROM python:3.12-slim\nRUN curl -sSL https://install.python-poetry.org | POETRY_HOME=/opt/poetry python3 -\n',
      errors: [{ line: 2, column: 5, message: 'python3' }],
    },
    {
      name: 'sh -c "$(curl ...)"',
      code: 'FROM debian:12-slim\nRUN sh -c "$(curl -fsSL https://example.com/install.sh)"\n',
      errors: [{ line: 2, column: 5, endColumn: 57, message: 'sh runs a script fetched by curl' }],
    },
    {
      name: 'bash <(curl ...)',
      code: 'FROM debian:12-slim\nRUN bash <(curl -fsSL https://example.com/install.sh)\n',
      errors: [{ line: 2, column: 5, message: 'bash runs a script fetched by curl' }],
    },
    {
      name: 'eval "$(wget -qO- ...)"',
      code: 'FROM debian:12-slim\nRUN eval "$(wget -qO- https://example.com/env.sh)"\n',
      errors: [{ line: 2, column: 5, message: 'eval runs a script fetched by wget' }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM debian:12-slim\nONBUILD RUN curl https://example.com/i.sh | sh\n',
      errors: [{ line: 2, column: 13, endColumn: 47 }],
    },
  ],
});
