// The Compose fix oracle (test/helpers/compose-fix-oracle.ts) on crafted projects (anchors and merge
// keys, flow style, CRLF, tabs, several documents, overrides, extends, block scalars) and on every
// file of the shared corpus (../shared/corpus/compose), each alone, with safe and with all fixes, and
// frappe_docker's compose.yaml with each of its override files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkComposeFile, checkComposeFixes, type OracleProject } from '../helpers/compose-fix-oracle.js';

const svc = (name: string, body = '') => `  ${name}:\n    image: x:1\n${body}`;

const CRAFTED: Record<string, OracleProject> = {
  'a shared anchor merged into services, one of them privileged': {
    main: ['compose.yaml'],
    files: { 'compose.yaml': 'x-base: &base\n  image: x:1\n  cap_drop: [NET_RAW]\n  security_opt:\n    - label:disable\n  logging:\n    options:\n      max-file: "2"\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n    privileged: true\n' },
  },
  'aliases of a depends_on list and of ports': {
    main: ['compose.yaml'],
    files: { 'compose.yaml': `services:\n${svc('a', '    depends_on: &deps\n      - db\n')}${svc('b', '    depends_on: *deps\n')}  db:\n    image: postgres:16\n    healthcheck: {test: [CMD, "true"]}\n    ports: &p\n      - 5432:5432\n  db2:\n    image: postgres:16\n    ports: *p\n` },
  },
  'flow style everywhere': {
    main: ['compose.yaml'],
    files: { 'compose.yaml': 'services: {a: {image: "x:1", ports: [5432:5432]}, b: {image: x, depends_on: [a], cap_drop: [], security_opt: [seccomp:unconfined, ], logging: {options: {max-file: "2"}}}}\n' },
  },
  'CRLF line endings': {
    main: ['compose.yaml'],
    files: { 'compose.yaml': 'version: "3"\r\nservices:\r\n  a:\r\n    image: x:1\r\n    depends_on:\r\n      - db\r\n  db:\r\n    image: postgres:16\r\n    ports:\r\n      - 5432:5432\r\n    healthcheck:\r\n      test: [CMD, "true"]\r\n' },
  },
  'tabs in comments, comments at odd indentation': {
    main: ['compose.yaml'],
    files: { 'compose.yaml': 'services:\n  a:\t# tab\tcomment\n    image: x:1\t# tab\n    logging:\n      driver: json-file\t#\ttab\n  # at service indentation\n    # deeper\nvolumes:\n  v: {}\n' },
  },
  'two documents, a document end marker, no final line break': {
    main: ['compose.yaml'],
    files: { 'compose.yaml': `services:\n${svc('a')}...\n---\nservices:\n${svc('b', '    environment:\n      A: 1 # c')}` },
  },
  'block scalars last in a service (clip, strip, keep)': {
    main: ['compose.yaml'],
    files: { 'compose.yaml': `services:\n${svc('a', '    command: |\n      echo hi\n\n')}${svc('b', '    entrypoint: >-\n      sh -c\n      "run"\n')}${svc('c', '    command: |+\n      echo kept\n\n\n')}# trailing comment\n` },
  },
  'service names YAML reads as a number or a boolean': {
    main: ['compose.yaml'],
    files: { 'compose.yaml': 'services:\n  web:\n    image: x:1\n    depends_on:\n      - "123"\n      - "on"\n  b:\n    image: x:1\n    depends_on: ["123"]\n  "123":\n    image: postgres:16\n    healthcheck: {test: [CMD, "true"]}\n  "on":\n    image: x:1\n' },
  },
  'volumes where the image writes': {
    main: ['compose.yaml'],
    files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - cache:/var/cache/nginx\n      - type: tmpfs\n        target: /tmp\n  app:\n    image: x:1\n    volumes: ["/tmp:/tmp"]\nvolumes:\n  cache: {}\n' },
  },
  'a byte-order mark and an anchored version': {
    main: ['compose.yaml'],
    files: { 'compose.yaml': '\ufeffversion: &v "3.8"\nx-v: *v\nservices:\n  a:\n    image: x:1\n' },
  },
  'an override with ports and cap_drop, and an extends base in another file': {
    main: ['compose.yaml', 'compose.override.yaml'],
    files: {
      'compose.yaml': 'services:\n  a:\n    image: x:1\n    depends_on:\n      - db\n  db:\n    image: postgres:16\n    extends:\n      file: base.yaml\n      service: pg\n',
      'compose.override.yaml': 'services:\n  a:\n    ports:\n      - 5432:5432\n    cap_drop: [NET_RAW]\n  db:\n    ports: ["5432:5432"]\n',
      'base.yaml': 'services:\n  pg:\n    image: postgres:16\n    healthcheck:\n      test: [CMD, "true"]\n    security_opt:\n      - label:disable\n',
    },
  },
};

describe('Compose fix oracle: crafted projects', () => {
  for (const [name, project] of Object.entries(CRAFTED)) {
    for (const unsafe of [false, true]) {
      it(`${name} (${unsafe ? 'all fixes' : 'safe fixes'})`, () => {
        const r = checkComposeFixes(project, unsafe);
        expect(r.problems).toEqual([]);
        // Checked on real edits: every crafted case gets some fix once unsafe ones are on.
        if (unsafe) expect(r.fixes).toBeGreaterThan(0);
      });
    }
  }
});

const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus/compose');
const present = existsSync(CORPUS);
if (!present) console.warn(`NOTICE: ${CORPUS} is absent: the Compose fix oracle over the corpus is skipped`);

describe.skipIf(!present)('Compose fix oracle: corpus', () => {
  const files = present ? readdirSync(CORPUS).filter((f) => /\.ya?ml$/i.test(f)).sort() : [];
  const texts = new Map(files.map((f) => [f, readFileSync(join(CORPUS, f), 'utf8')]));
  // (About 4 s with safe fixes, 8 s with all, on one core.)
  for (const unsafe of [false, true]) {
    it(`every file fixed alone with ${unsafe ? 'all' : 'safe'} fixes breaks nothing`, () => {
      const problems: string[] = [];
      let changed = 0;
      for (const [f, text] of texts) {
        const r = checkComposeFile(f, text, unsafe);
        if (r.fixes) changed++;
        for (const p of r.problems) problems.push(`${f}: ${p}`);
      }
      expect(problems).toEqual([]);
      expect(files.length).toBe(686);
      // The oracle checked real fixes: most files get some (version-obsolete alone is safe).
      expect(changed).toBeGreaterThan(unsafe ? 600 : 150);
    }, 120_000);
  }

  it('frappe_docker\'s compose.yaml with each of its overrides breaks nothing', () => {
    const overrides = files.filter((f) => f.startsWith('frappe__frappe_docker__overrides__'));
    expect(overrides.length).toBeGreaterThan(15);
    const problems: string[] = [];
    for (const o of overrides) {
      for (const unsafe of [false, true]) {
        const project = { files: { 'compose.yaml': texts.get('frappe__frappe_docker__compose.yaml')!, 'override.yaml': texts.get(o)! }, main: ['compose.yaml', 'override.yaml'] };
        for (const p of checkComposeFixes(project, unsafe).problems) problems.push(`${o}: ${p}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
