import { describe, expect, it } from 'vitest';
import type { TextLocation } from '../../src/finding.js';
import type { ComposeRule } from '../../src/rules/compose-types.js';
import capDrop from '../../src/rules/compose/cap-drop-all-missing.js';
import dbPort from '../../src/rules/compose/database-port-published.js';
import dockerSocket from '../../src/rules/compose/docker-socket-mount.js';
import imageTag from '../../src/rules/compose/image-tag-floating.js';
import noNewPrivileges from '../../src/rules/compose/no-new-privileges-missing.js';
import syntaxError from '../../src/rules/compose/syntax-error.js';
import { findingsOf } from '../helpers/compose-tester.js';

// A finding on a block collection or block scalar ends on its last line (not at column 1 of the
// next one), and a duplicate key is marked on the whole key.
const cases: Array<{ name: string; rule: ComposeRule; code: string; want: string[] }> = [
  {
    name: 'block sequence followed by a blank line and a comment',
    rule: capDrop as ComposeRule,
    code: 'services:\n  api:\n    image: x:1\n    cap_drop:\n      - NET_RAW\n\n      # keep chown\n    read_only: true\n',
    want: ['5:7-5:16'],
  },
  {
    name: 'block sequence at the end of the file',
    rule: noNewPrivileges as ComposeRule,
    code: 'services:\n  api:\n    image: x:1\n    security_opt:\n      - label:disable\n',
    want: ['5:7-5:22'],
  },
  {
    name: 'long-syntax port mapping',
    rule: dbPort as ComposeRule,
    code: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - target: 5432\n        published: "5437"\n  b:\n    image: x:1\n',
    want: ['5:9-6:26'],
  },
  {
    name: 'folded block scalar',
    rule: imageTag as ComposeRule,
    code: 'services:\n  c:\n    image: >-\n      nginx:latest\n\n  d:\n    image: x:1\n',
    want: ['3:12-4:19'],
  },
  {
    name: 'CRLF line ends',
    rule: capDrop as ComposeRule,
    code: 'services:\r\n  api:\r\n    image: x:1\r\n    cap_drop:\r\n      - NET_RAW\r\n',
    want: ['5:7-5:16'],
  },
  {
    name: 'long-syntax volume map',
    rule: dockerSocket as ComposeRule,
    code: 'services:\n  a:\n    image: x:1\n    volumes:\n      - type: bind\n        source: /var/run/docker.sock\n        target: /var/run/docker.sock\n\n',
    want: ['6:17-6:37'],
  },
  {
    name: 'duplicate key',
    rule: syntaxError as ComposeRule,
    code: 'services:\n  web:\n    image: nginx:1.27\n    image: nginx:1.28\n',
    want: ['4:5-4:10'],
  },
];

describe('finding positions in Compose files', () => {
  for (const c of cases) {
    it(c.name, () => {
      const got = findingsOf(c.rule, { code: c.code }).map((f) => {
        const l = f.location as TextLocation;
        return `${l.line}:${l.column}-${l.endLine}:${l.endColumn}`;
      });
      expect(got).toEqual(c.want);
    });
  }
});
