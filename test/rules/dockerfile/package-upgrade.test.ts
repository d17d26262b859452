import rule from '../../../src/rules/dockerfile/package-upgrade.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --only-upgrade openssl\n',
    { name: 'upgrading named packages', code: 'FROM alpine:3.20\nRUN apk upgrade --no-cache openssl libcrypto3\n' },
    { name: 'dnf update of one package', code: 'FROM rockylinux:9\nRUN dnf update -y curl\n' },
    { name: 'apk add --upgrade', code: 'FROM alpine:3.20\nRUN apk add --no-cache --upgrade busybox\n' },
    { name: 'apt-get update refreshes lists only', code: 'FROM debian:12-slim\nRUN apt-get update\n' },
    { name: 'zypper is zypper-dist-upgrade\'s', code: 'FROM opensuse/leap:15.6\nRUN zypper -n update\n' },
    { name: 'echoed', code: 'FROM debian:12-slim\nRUN echo apt-get upgrade\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get upgrade -y\n',
      errors: [{ line: 2, column: 31, endLine: 2, endColumn: 38, message: '`apt-get upgrade` upgrades every installed package' }],
    },
    {
      name: 'dist-upgrade even with packages, on a continuation line',
      code: 'FROM ubuntu:24.04\nRUN apt-get update \\\n && apt-get -y dist-upgrade\n',
      errors: [{ line: 3, column: 16, endColumn: 28, message: 'apt-get install --only-upgrade <pkg>' }],
    },
    {
      name: 'apk upgrade',
      code: 'FROM alpine:3.20\nRUN apk upgrade --no-cache\n',
      errors: [{ line: 2, column: 9, endColumn: 16, message: 'apk upgrade <pkg>' }],
    },
    {
      name: 'yum and dnf',
      code: 'FROM centos:7\nRUN yum -y update && yum clean all\nRUN dnf --setopt=tsflags=nodocs upgrade -y\n',
      errors: [{ line: 2, column: 12, endColumn: 18 }, { line: 3, column: 33, endColumn: 40 }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM debian:12-slim\nONBUILD RUN apt-get full-upgrade -y\n',
      errors: [{ line: 2, column: 21, endColumn: 33 }],
    },
  ],
});
