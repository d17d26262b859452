import { defineRule } from '../types.js';
import { findFlagResolved, insertFlagAfter, runCommandsNamed } from '../helpers/dockerfile.js';
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import type { Command } from '../../model/shell/types.js';
import type { Span } from '../../model/source.js';

// useradd options that take a value (short ones end a bundle: `-mu1234`).
const SHORT_VALUE = 'bcdefgGkKpPRsuZ';
const LONG_VALUE = new Set([
  'base-dir', 'comment', 'home-dir', 'expiredate', 'inactive', 'gid', 'groups', 'skel', 'key', 'password',
  'root', 'prefix', 'shell', 'uid', 'selinux-user', 'selinux-range',
]);
// Above this, the sparse lastlog/faillog entries of the user are large enough to bloat the layer.
const MAX_UID = 99999;

interface Uid { value: string; span: Span; noLogInit: boolean }

/** The `-u`/`--uid` value (with the span of flag and value) and whether `-l`/`--no-log-init` is given. */
function parse(cmd: Command): Uid | undefined {
  const args = cmd.args;
  let uid: { value: string; span: Span } | undefined;
  let noLogInit = false;
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '--') break;
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      const name = v.slice(2, eq < 0 ? undefined : eq);
      if (name === 'no-log-init') noLogInit = true;
      if (!LONG_VALUE.has(name)) continue;
      const value = eq >= 0 ? v.slice(eq + 1) : args[i + 1]?.value;
      const end = eq >= 0 ? args[i].end : args[i + 1]?.end;
      if (name === 'uid' && value !== undefined && end !== undefined) uid = { value, span: { start: args[i].start, end } };
      if (eq < 0) i++;
      continue;
    }
    if (!v.startsWith('-') || v.length < 2) continue;
    for (let k = 1; k < v.length; k++) {
      const c = v[k];
      if (c === 'l') noLogInit = true;
      if (!SHORT_VALUE.includes(c)) continue;
      // The rest of the bundle is the value, or else the next word.
      const attached = k + 1 < v.length ? v.slice(k + 1) : null;
      const value = attached ?? args[i + 1]?.value;
      const end = attached !== null ? args[i].end : args[i + 1]?.end;
      if (c === 'u' && value !== undefined && end !== undefined) uid = { value, span: { start: args[i].start, end } };
      if (attached === null) i++;
      break;
    }
  }
  return uid && { value: uid.value, span: uid.span, noLogInit };
}

function uidValue(df: Dockerfile, instr: Instruction, raw: string): number | undefined {
  const v = raw.includes('$') ? df.expand(instr, raw) : raw;
  return v !== null && /^\d+$/.test(v) ? Number(v) : undefined;
}


export default defineRule({
  id: 'DF045',
  name: 'useradd-high-uid',
  aliases: ['DL3046'],
  meta: {
    target: 'dockerfile',
    category: 'performance',
    severity: 'warning',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: '`useradd` with a large UID but without `-l` (`--no-log-init`).',
      why: 'useradd records the new user in /var/log/lastlog and /var/log/faillog at an offset proportional to the UID. On disk these are sparse files, but image layers store them in full, so a UID like 1000000 adds hundreds of megabytes. `-l` skips those databases.',
      bad: 'FROM debian:12-slim\nRUN useradd -u 1000000 app\n',
      good: 'FROM debian:12-slim\nRUN useradd -l -u 1000000 app\n',
    },
    messages: { highUid: 'useradd with UID {{uid}} and no -l writes huge lastlog/faillog files into the layer; add -l (--no-log-init).' },
  },
  check({ df, report }) {
    for (const { instr, cmd } of runCommandsNamed(df, 'useradd', { onbuild: true })) {
      const u = parse(cmd);
      // `-l` may also come from a variable (`ARG USERADD_FLAGS=-l`).
      if (!u || u.noLogInit || findFlagResolved(df, instr, cmd, 'l', ['no-log-init'])) continue;
      const uid = uidValue(df, instr, u.value);
      if (uid === undefined || uid <= MAX_UID) continue;
      const edits = insertFlagAfter(df, instr, cmd.words[0], '-l');
      report({ messageId: 'highUid', data: { uid }, span: u.span, fix: edits ? { title: 'Add -l', edits } : undefined });
    }
  },
});
