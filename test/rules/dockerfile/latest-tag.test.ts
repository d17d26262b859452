import rule from '../../../src/rules/dockerfile/latest-tag.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'FROM node:20.11-slim\n',
    'FROM node:latest@sha256:0123456789abcdef\n',
    'FROM scratch\n',
    'FROM node\n',
    'ARG BASE=node:20\nFROM ${BASE}\n',
    { name: 'unresolvable variable', code: 'FROM node:${TAG}\n' },
    { name: 'earlier stage alias', code: 'FROM node:20 AS latest\nFROM latest\n' },
  ],
  invalid: [
    { code: 'FROM node:latest\n', errors: [{ line: 1, column: 6, endLine: 1, endColumn: 17, message: 'node:<version>' }] },
    { name: 'registry with port', code: 'FROM registry.local:5000/team/app:latest AS x\n', errors: [{ line: 1, column: 6, endColumn: 41, message: 'such as registry.local:5000/team/app:<version>' }] },
    { name: 'latest through an ARG default', code: 'ARG TAG=latest\nFROM node:${TAG}\n', errors: [{ line: 2, column: 6, endColumn: 17, message: '"node:latest"' }] },
    { name: 'every stage', code: 'FROM golang:latest AS build\nFROM alpine:latest\n', errors: [{ line: 1, column: 6 }, { line: 2, column: 6 }] },
    { name: 'the suggestion keeps the registry', code: 'FROM gcr.io/distroless/base:latest\n', errors: [{ line: 1, column: 6, endColumn: 35, message: 'such as gcr.io/distroless/base:<version>' }] },
  ],
});
