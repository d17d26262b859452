import type { Dockerfile } from '../../model/dockerfile/types.js';
import { createdUsers } from '../helpers/users.js';
import { defineRule } from '../types.js';

const NUMERIC = /^\d+$/;
// Windows containers run as named accounts; numeric UIDs do not apply there.
const WINDOWS_ACCOUNTS = new Set(['containeruser', 'containeradministrator']);

export default defineRule({
  id: 'DF065',
  name: 'user-name-not-uid',
  aliases: ['DL3066'],
  onlyWith: ['USER'],
  meta: {
    target: 'dockerfile',
    category: 'security',
    severity: 'info',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'USER given as a name instead of a numeric UID.',
      why: 'A user name only means something inside the image\'s /etc/passwd. Kubernetes `runAsNonRoot` cannot verify a name and refuses to start the pod, and file ownership on mounted volumes is decided by the number. A numeric UID (optionally with GID) works everywhere.',
      bad: 'FROM node:20-slim\nUSER node\nCMD ["node", "server.js"]\n',
      good: 'FROM node:20-slim\nUSER 1000:1000\nCMD ["node", "server.js"]\n',
    },
    messages: {
      name: 'USER {{user}} is a name, which tools outside the image (such as Kubernetes runAsNonRoot) cannot check; use the numeric UID{{hint}}.',
    },
  },
  check({ df, report }) {
    let uids: Map<string, string> | undefined;
    for (const instr of df.instructions) {
      if (instr.keyword !== 'USER' || instr.words.length === 0) continue;
      const word = instr.words[0];
      const colon = word.value.indexOf(':');
      const raw = colon < 0 ? word.value : word.value.slice(0, colon);
      // USER expands ARG/ENV; a variable without a known value may well be numeric.
      const user = raw.includes('$') ? df.expand(instr, raw) : raw;
      // root is uid 0 everywhere; running as root is root-user's business.
      if (user === null || user === '' || user === 'root' || NUMERIC.test(user)) continue;
      if (WINDOWS_ACCOUNTS.has(user.toLowerCase()) || user.includes('\\')) continue;
      const literal = !raw.includes('$') && word.raw === word.value && word.end - word.start === word.raw.length;
      const span = literal ? { start: word.start, end: word.start + raw.length } : { start: word.start, end: word.end };
      uids ??= createdUids(df);
      const uid = uids.get(user);
      const hint = uid ? ` (USER ${uid}${colon < 0 ? '' : word.value.slice(colon)}, as created for ${user})` : ' (e.g. USER 10001)';
      report({ messageId: 'name', data: { user: raw === user ? `"${user}"` : `"${user}" (${raw})`, hint }, span });
    }
  },
});

/** UIDs given explicitly when the Dockerfile creates users (`useradd -u 10001 app`), by user name. */
function createdUids(df: Dockerfile): Map<string, string> {
  const out = new Map<string, string>();
  for (const u of createdUsers(df)) if (u.uid !== null) out.set(u.name, u.uid);
  return out;
}
