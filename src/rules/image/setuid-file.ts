import type { ImageRuleContext } from '../image-types.js';
import { baseName, regularFiles, stringList } from '../helpers/image.js';
import { defineRule } from '../types.js';

/** Setuid/setgid programs that distributions ship on purpose (Debian, Ubuntu, Alpine, Fedora base images). */
const DISTRO_DEFAULTS = [
  'su', 'passwd', 'chsh', 'chfn', 'gpasswd', 'newgrp', 'mount', 'umount', 'unix_chkpwd', 'expiry', 'chage',
  'ping', 'ping6', 'arping', 'traceroute6.iputils', 'pam_extrausers_chkpwd', 'pam_timestamp_check', 'userhelper',
  'ssh-agent', 'ssh-keysign', 'crontab', 'wall', 'write', 'bsd-write', 'dotlockfile', 'newuidmap', 'newgidmap',
  'fusermount', 'fusermount3', 'dbus-daemon-launch-helper', 'polkit-agent-helper-1', 'bbsuid', 'utempter',
];

const bits = (mode: number): string => ((mode & 0o6000) === 0o6000 ? 'setuid and setgid' : mode & 0o4000 ? 'setuid' : 'setgid');

export default defineRule<ImageRuleContext>({
  id: 'IM004',
  name: 'setuid-file',
  aliases: ['CIS-DI-0008'],
  meta: {
    target: 'image',
    category: 'security',
    severity: 'info',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A file has the setuid or setgid bit and is not one of the distribution\'s usual ones (su, passwd, mount, ping...).',
      why: 'A setuid or setgid program runs with its owner\'s or group\'s rights whatever user starts it: one bug in it and an unprivileged process in the container becomes root. Images rarely need any; remove the bits in the Dockerfile (`chmod u-s,g-s <file>`) or drop the package. The programs distributions ship setuid on purpose (su, passwd, chsh, chfn, gpasswd, newgrp, mount, umount, unix_chkpwd, expiry, chage, ping...) are allowed; extend the list with the `allow` option (base names or absolute paths).',
      bad: JSON.stringify({ layers: [{ files: [{ path: '/usr/local/bin/backup', content: 'binary', mode: 0o4755 }] }] }, null, 2),
      good: JSON.stringify({ layers: [{ files: [{ path: '/usr/local/bin/backup', content: 'binary', mode: 0o755 }, { path: '/usr/bin/passwd', content: 'binary', mode: 0o4755 }] }] }, null, 2),
      references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#cis-di-0008'],
    },
    options: {
      allow: { type: 'string[]', description: 'More allowed setuid/setgid files, by base name or absolute path (added to the distribution defaults).', default: [] },
    },
    messages: {
      file: '{{path}} is {{bits}} (mode {{mode}}, owner {{uid}}:{{gid}}): it runs with raised rights for any user. Remove the bit (`chmod u-s,g-s {{path}}`) unless the image needs it.',
    },
  },
  check(ctx) {
    const allow = new Set([...DISTRO_DEFAULTS, ...stringList(ctx.options.allow)]);
    for (const f of regularFiles(ctx.image)) {
      if ((f.mode & 0o6000) === 0) continue;
      if (allow.has(f.path) || allow.has(baseName(f.path))) continue;
      ctx.report({
        messageId: 'file',
        data: { path: f.path, bits: bits(f.mode), mode: (f.mode & 0o7777).toString(8).padStart(4, '0'), uid: f.uid, gid: f.gid },
        path: f.path,
        layer: f.layer,
      });
    }
  },
});
