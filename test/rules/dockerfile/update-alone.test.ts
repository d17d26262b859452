import rule from '../../../src/rules/dockerfile/update-alone.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'a later apt-cache lookup installs nothing', code: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-cache policy curl\n' },
    'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n',
    { name: 'install later in the same RUN, after other commands', code: 'FROM debian:12-slim\nRUN apt-get update; echo hi; apt-get -y install curl\n' },
    { name: 'a script run after the update may install', code: 'FROM debian:12-slim\nRUN apt-get update && ./install-deps.sh\nRUN apt-get install -y curl\n' },
    { name: 'an installer helper', code: 'FROM bitnami/minideb:bookworm\nRUN apt-get update && install_packages curl\nRUN apt-get install -y jq\n' },
    { name: 'xargs apt-get install', code: 'FROM debian:12-slim\nRUN apt-get update && cat pkgs | xargs apt-get install -y\nRUN apt-get install -y jq\n' },
    { name: 'apt-cache reads the index', code: 'FROM debian:12-slim\nRUN apt-get update && apt-cache policy curl\nRUN apt-get install -y jq\n' },
    { name: 'no later install', code: 'FROM debian:12-slim\nRUN apt-get update\nRUN echo done\n' },
    { name: 'the later RUN refreshes itself', code: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get update && apt-get install -y curl\n' },
    { name: 'apt 3 install --update refreshes', code: 'FROM debian:13-slim\nRUN apt-get update; apt-get dist-clean\nRUN apt-get install --update -y curl\n' },
    { name: 'apk refreshes a cached index older than four hours itself', code: 'FROM alpine:3.20\nRUN apk update\nRUN apk add curl\nRUN apk add --no-cache jq\n' },
    { name: 'a later lookup installs nothing', code: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt list --installed && apt show curl\n' },
    { name: 'another stage installs', code: 'FROM debian:12-slim AS a\nRUN apt-get update\nFROM debian:12-slim\nRUN apt-get install -y curl\n' },
    { name: 'dnf refreshes expired metadata itself', code: 'FROM fedora:40\nRUN dnf makecache\nRUN dnf install -y curl\n' },
    { name: 'another package manager installs', code: 'FROM debian:12-slim\nRUN apt-get update\nRUN apk add curl\n' },
    { name: 'an ONBUILD update and a RUN of the same stage', code: 'FROM debian:12-slim\nONBUILD RUN apt-get update\nRUN apt-get install -y curl\n' },
    { name: 'echoed', code: 'FROM debian:12-slim\nRUN echo apt-get update\nRUN apt-get install -y curl\n' },
  ],
  invalid: [
    {
      name: 'a later refresh supersedes an earlier one: only the last before the install is reported',
      code: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get update\nRUN apt-get install -y curl\n',
      errors: [{ line: 3, column: 5, message: 'on line 4' }],
    },
    {
      name: 'a refresh in one child stage does not help its sibling',
      code: 'FROM debian:12-slim AS base\nRUN apt-get update\nFROM base AS a\nRUN apt-get update && apt-get install -y curl\nFROM base AS b\nRUN apt-get install -y jq\n',
      errors: [{ line: 2, column: 5, message: 'on line 6' }],
    },
    {
      name: 'run by sudo',
      code: 'FROM gitpod/workspace-base:2024\nRUN sudo apt-get update\nRUN sudo apt-get install -y curl\n',
      errors: [{ line: 2, column: 10, endColumn: 24, message: 'on line 3' }],
    },
    {
      code: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y curl\n',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 19, message: '`apt-get update` runs in a RUN that installs nothing after it, and the build cache keeps that layer: `apt-get install` on line 3 then installs from a stale index. Run `apt-get update` and the install in the same RUN.' }],
    },
    {
      name: 'install before the update in the same RUN does not count; the reader is in a child stage',
      code: 'FROM ubuntu:24.04 AS base\nRUN apt-get install -y gnupg && \\\n    add-apt-repository ppa:x/y && apt-get -q update\nFROM base\nRUN apt install -y y-tool\n',
      errors: [{ line: 3, column: 35, endColumn: 52, message: '`apt install` on line 5' }],
    },
    {
      name: 'a wrapped command after the update is no script',
      code: 'FROM debian:12-slim\nRUN sudo apt-get update && sudo mkdir -p /opt/x\nRUN sudo apt-get install -y curl\n',
      errors: [{ line: 2, column: 10, endColumn: 24, message: 'on line 3' }],
    },
    {
      name: 'the reader is the first install, not a lookup',
      code: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt show curl && apt-get install -y curl\n',
      errors: [{ line: 2, column: 5, message: '`apt-get install` on line 3' }],
    },
    {
      name: 'ONBUILD triggers',
      code: 'FROM debian:12-slim\nONBUILD RUN apt-get update\nONBUILD RUN apt-get install -y curl\n',
      errors: [{ line: 2, column: 13, endColumn: 27 }],
    },
    {
      name: 'a later update after the reader does not hide it',
      code: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y curl\nRUN apt-get update && apt-get install -y jq\n',
      errors: [{ line: 2, column: 5, message: 'on line 3' }],
    },
  ],
});
