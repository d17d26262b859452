import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/model/dockerfile/parse.js';
import { stageDistro } from '../../src/rules/helpers/distro.js';

const distroOf = (text: string, stage = -1) => {
  const df = parseDockerfile('Dockerfile', text);
  return stageDistro(df, df.stages.at(stage));
};

describe('stageDistro', () => {
  it.each([
    ['FROM alpine:3.20', 'alpine'],
    ['FROM library/alpine', 'alpine'],
    ['FROM node:20-alpine3.19', 'alpine'],
    ['FROM ghcr.io/linuxserver/baseimage-alpine-nginx:3.24', 'alpine'],
    ['FROM busybox:1.36-glibc', 'busybox'],
    ['FROM debian:12-slim', 'gnu'],
    ['FROM docker.io/library/python:3.12', 'gnu'],
    ['FROM registry.access.redhat.com/ubi9/ubi-minimal', 'gnu'],
    ['FROM opensuse/leap:15.6', 'gnu'],
    ['FROM acme/base:1', null],
    ['FROM alpinelinux-ish/thing', null],
    ['FROM mirror.example.com/python:3.12', null],
    ['FROM scratch', null],
  ])('%s: %s', (from, distro) => {
    expect(distroOf(`${from}\n`)).toBe(distro);
  });

  it('follows FROM chains, and takes a stage that (or whose parent) runs apk for alpine', () => {
    expect(distroOf('FROM alpine:3.20 AS a\nFROM a\n')).toBe('alpine');
    expect(distroOf('FROM acme/base:1 AS a\nRUN apk add --no-cache jq=1.7.1-r0\nFROM a AS b\nFROM acme/base:1\n', 1)).toBe('alpine');
    expect(distroOf('FROM acme/base:1 AS a\nRUN apk add --no-cache jq=1.7.1-r0\nFROM acme/base:1\n')).toBeNull();
  });
});
