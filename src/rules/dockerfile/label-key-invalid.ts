import { defineRule } from '../types.js';
import { labelPairs } from './_labels.js';

// Docker reserves these namespaces for its own use.
const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];
// ...except the keys Docker Desktop itself requires extension images to set.
const DOCKER_EXTENSION = ['com.docker.extension.', 'com.docker.desktop.extension.'];
const INVALID_CHAR = /[^a-z0-9.-]/;
const UPPER = /[A-Z]/;
const GOOD_START = /^[a-z]/;
const GOOD_END = /[a-z0-9]$/;
const INVALID_CHARS = /[^a-z0-9.-]+/g;
const DOUBLED = /([.-])[.-]+/g;
const EDGES = /^[^a-z]+|[^a-z0-9]+$/g;

/** A conforming spelling of the key, for the message. */
function suggest(key: string): string {
  return key.toLowerCase().replace(INVALID_CHARS, '-').replace(DOUBLED, '$1').replace(EDGES, '') || 'com.example.name';
}

/** The first of `prefixes` that `key` starts with, or undefined. */
function prefixOf(key: string, prefixes: readonly string[]): string | undefined {
  for (const p of prefixes) if (key.startsWith(p)) return p;
  return undefined;
}

/** The first problem with a key, following Docker's key format recommendations, or null. */
function problem(key: string): { id: string; data: Record<string, string> } | null {
  const reserved = prefixOf(key, RESERVED);
  if (reserved !== undefined && prefixOf(key, DOCKER_EXTENSION) === undefined) return { id: 'reserved', data: { ns: reserved } };
  const bad = INVALID_CHAR.exec(key);
  if (bad) return { id: UPPER.test(bad[0]) ? 'uppercase' : 'char', data: { char: bad[0] } };
  if (!GOOD_START.test(key) || !GOOD_END.test(key)) return { id: 'ends', data: {} };
  if (key.includes('..') || key.includes('--')) return { id: 'doubled', data: {} };
  return null;
}

export default defineRule({
  id: 'DF047',
  name: 'label-key-invalid',
  aliases: ['DL3048'],
  onlyWith: ['LABEL'],
  meta: {
    target: 'dockerfile',
    category: 'style',
    severity: 'style',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A LABEL key does not follow Docker\'s key format (lower-case reverse-DNS, no reserved namespace).',
      why: 'Docker recommends label keys made of lower-case letters, digits, `.` and `-`, starting with a letter and ending with a letter or digit, without doubled separators, and namespaced by a reverse-DNS prefix you own. The `com.docker.*`, `io.docker.*` and `org.dockerproject.*` namespaces are reserved for Docker. Tools that query labels expect this format, and mixed spellings of the same key split filters. Keys named in `labelSchema` are accepted as written, and the Docker Desktop extension keys are allowed.',
      bad: 'FROM alpine:3.20\nLABEL com.example.Build_Date="2024-05-01"\n',
      good: 'FROM alpine:3.20\nLABEL com.example.build-date="2024-05-01"\n',
    },
    messages: {
      reserved: 'Label key "{{key}}" uses the namespace {{ns}}, which Docker reserves; use a reverse-DNS prefix you own (e.g. com.example.).',
      uppercase: 'Label key "{{key}}" contains upper-case letters; use lower case (e.g. "{{suggestion}}").',
      char: 'Label key "{{key}}" contains "{{char}}"; use only lower-case letters, digits, "." and "-" (e.g. "{{suggestion}}").',
      ends: 'Label key "{{key}}" must start with a lower-case letter and end with a letter or digit.',
      doubled: 'Label key "{{key}}" has consecutive separators ("{{sep}}"); use a single "." or "-".',
    },
  },
  check({ df, settings, report }) {
    const schema = settings.labelSchema ?? {};
    // Usually there is no schema: then no key needs looking up in it.
    const hasSchema = Object.keys(schema).length > 0;
    for (const { pair, key } of labelPairs(df)) {
      // A key the schema names was chosen on purpose (e.g. an upper-case legacy key).
      if (key === null || (hasSchema && Object.prototype.hasOwnProperty.call(schema, key))) continue;
      const p = problem(key);
      if (!p) continue;
      const sep = key.includes('..') ? '..' : '--';
      report({ messageId: p.id, data: { key, suggestion: suggest(key), sep, ...p.data }, span: pair.keySpan });
    }
  },
});
