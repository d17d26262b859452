import rule from '../../../src/rules/dockerfile/secret-value.js';
import { ruleTester } from '../../helpers/rule-tester.js';

// Fake credentials, assembled at run time so that secret scanners do not flag this file.
const GHP = 'ghp_' + 'R8vJm2Qx7LpT4nWc9ZbK1sYd6FhA3uGe0XiO';
const AKIA = 'AKIA' + 'Z7QW3RTY5UIOP2AS';
const STRIPE = 'sk_live_' + '51HxQ2eLk9Vb7Tn3Rw8Zp4Ya';
const JWT = 'eyJhbGciOiJIUzI1NiJ9' + '.eyJzdWIiOiIxMjM0NTY3ODkwIn0' + '.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const GOOGLE = 'AIza' + 'SyD3x9Qk2LmN8pR5tV7wZ1bC4eF6hJ0kM2n';
const RANDOM = 'Xk9mQ2vL7pR4wZ8t';

ruleTester(rule, {
  valid: [
    'FROM node:20-slim\nARG GITHUB_TOKEN\nENV TOKEN=${GITHUB_TOKEN}\n',
    { name: 'word-like password (secret-name warns about the name)', code: 'FROM postgres:16\nENV POSTGRES_PASSWORD=postgres\n' },
    { name: 'placeholder', code: 'FROM node:20-slim\nENV API_KEY=changeme-changeme-123\n' },
    { name: 'AWS documentation example key', code: 'FROM amazon/aws-cli:2.17.0\nENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n' },
    { name: 'GPG fingerprint is public', code: 'FROM buildpack-deps:bookworm\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n' },
    { name: 'checksum is not a secret', code: 'FROM debian:12-slim\nENV NODE_SHA256=c08bc65a81971c1dd5783182826503369466c7e67374d1646519adf05207b684\n' },
    { name: 'path to a secret file', code: 'FROM node:20-slim\nENV DB_PASSWORD_FILE=/run/secrets/db_password\n' },
    { name: 'public browser key', code: `FROM node:20-slim\nENV NEXT_PUBLIC_FIREBASE_API_KEY=${GOOGLE}\n` },
    { name: 'anon JWT', code: `FROM node:20-slim\nENV SUPABASE_ANON_KEY=${JWT}\n` },
    { name: 'URL with a word password', code: 'FROM node:20-slim\nENV DATABASE_URL=postgres://app:app@db:5432/app\n' },
    { name: 'git commit label', code: 'FROM debian:12-slim\nLABEL org.opencontainers.image.revision=9f2c1e4b7a3d5f6e8c0b1a2d3e4f5a6b7c8d9e0f\n' },
    { name: 'value made of variables', code: 'FROM node:20-slim\nARG A\nENV SECRET_KEY=${A}${A}${A}${A}${A}\n' },
  ],
  invalid: [
    {
      code: `FROM node:20-slim\nENV GITHUB_TOKEN=${GHP}\n`,
      errors: [{ line: 2, column: 18, endLine: 2, endColumn: 58, message: 'ENV GITHUB_TOKEN contains a literal GitHub token' }],
    },
    {
      name: 'quoted ARG default; points at the token inside the quotes',
      code: `FROM amazon/aws-cli:2.17.0\nARG AWS_ACCESS_KEY_ID="${AKIA}"\n`,
      errors: [{ line: 2, column: 24, endColumn: 44, message: 'AWS access key id' }],
    },
    {
      name: 'LABEL, second pair on a continuation line',
      code: `FROM debian:12-slim\nLABEL maintainer="ops@example.org" \\\n      billing.key=${STRIPE}\n`,
      errors: [{ line: 3, column: 19, message: 'LABEL billing.key contains a literal Stripe secret key' }],
    },
    {
      name: 'JWT under a non-public name',
      code: `FROM node:20-slim\nENV SERVICE_ROLE_KEY=${JWT}\n`,
      errors: [{ line: 2, column: 22, message: 'JSON Web Token' }],
    },
    {
      name: 'private key header',
      code: 'FROM debian:12-slim\nENV DEPLOY_KEY="-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAA"\n',
      errors: [{ line: 2, column: 17, endColumn: 52, message: 'private key' }],
    },
    {
      name: 'random-looking literal under a password name',
      code: `FROM node:20-slim\nENV DB_PASSWORD=${RANDOM}\n`,
      errors: [{ line: 2, column: 17, endColumn: 33, message: 'looks like a real credential' }],
    },
    {
      name: 'camelCase secret name',
      code: `FROM node:20-slim\nENV jwtSecret=${RANDOM}\n`,
      errors: [{ line: 2, column: 15 }],
    },
    {
      name: 'password in a URL',
      code: `FROM node:20-slim\nENV DATABASE_URL=postgres://app:${RANDOM}@db:5432/app\n`,
      errors: [{ line: 2, column: 18, message: 'ENV DATABASE_URL' }],
    },
    {
      name: 'ONBUILD trigger',
      code: `FROM node:20-slim\nONBUILD ENV NPM_TOKEN=npm_${'a1B2c3D4e5F6g7H8i9J0'}${'k1L2m3N4o5P6q7R8'}\n`,
      errors: [{ line: 2, column: 23, message: 'npm token' }],
    },
  ],
});
