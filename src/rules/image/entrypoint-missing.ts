import type { ImageRuleContext } from '../image-types.js';
import { findInPath, isExecutableFile, readFile, resolveLink, resolvePath } from '../../model/image/fs.js';
import { isWindows, shellFormScript, startCommand } from '../helpers/image.js';
import { canExecute, runningUser } from '../helpers/image-user.js';
import { dataEntry } from '../../model/image/overlay.js';
import { defineRule } from '../types.js';

/**
 * `#!/usr/bin/env node` -> { program: 'node', viaPath: true }; `#!/bin/bash -e` -> '/bin/bash'.
 * Split like the kernel does: on spaces and tabs only, so a Windows line ending stays in the name
 * (`#!/bin/sh\r\n` asks for `/bin/sh\r`).
 */
function interpreter(data: Buffer | undefined): { program: string; viaPath: boolean } | undefined {
  if (!data || data[0] !== 0x23 || data[1] !== 0x21) return undefined;
  const line = data.subarray(2, Math.min(data.length, 256)).toString('utf8').split('\n')[0];
  const words = line.split(/[ \t]+/).filter(Boolean);
  if (words.length === 0) return undefined;
  if (/(^|\/)env$/.test(words[0])) {
    const prog = words.slice(1).find((w) => !w.startsWith('-'));
    return prog ? { program: prog, viaPath: true } : undefined;
  }
  return { program: words[0], viaPath: false };
}

export default defineRule<ImageRuleContext>({
  id: 'IM018',
  name: 'entrypoint-missing',
  aliases: [],
  meta: {
    target: 'image',
    category: 'correctness',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The program the container starts (ENTRYPOINT, else the first word of CMD) is not in the image, is not executable, or its script interpreter is missing.',
      why: 'The container fails at start with "exec: no such file or directory" or "permission denied". Typical causes: a binary copied from a builder stage to another path, a glibc binary on a musl base, a script with `#!/bin/bash` on an image that only has /bin/sh, a script saved with Windows line endings (its `#!/bin/sh` line then names `/bin/sh` plus a carriage return), a program the config `User` may not execute (`chmod 0710` owned by root:root, run as `app`: the owner, group and other bits are checked against the user and groups /etc/passwd and /etc/group give it), or a shell-form CMD on a distroless image that has no shell at all. The program is looked up like the runtime does it: absolute paths as given, relative ones from WorkingDir, bare names along the image\'s PATH, following symlinks. Shell-form commands need the shell.',
      bad: JSON.stringify({ config: { Entrypoint: ['/usr/local/bin/server'] }, layers: [{ files: [{ path: '/app/server', content: 'binary', mode: 0o755 }] }] }, null, 2),
      good: JSON.stringify({ config: { Entrypoint: ['/app/server'] }, layers: [{ files: [{ path: '/app/server', content: 'binary', mode: 0o755 }] }] }, null, 2),
    },
    messages: {
      missing: '{{field}} starts `{{program}}`, which is not in the image{{where}}: the container cannot start.',
      shell: '{{field}} is a shell-form command, but the image has no {{program}}: the container cannot start. Use the exec form (`["/app/server", "..."]`).',
      unresolvable: '{{field}} starts {{path}}, which cannot be looked up: a symbolic link on the way loops, or a path component is a file, not a directory. The container fails with "too many levels of symbolic links" or "not a directory".',
      notExecutable: '{{field}} starts {{path}}, which is not executable (mode {{mode}}): the container fails with "permission denied". Add `chmod +x` (or `COPY --chmod=755`).',
      notExecutableByUser: '{{field}} starts {{path}} (mode {{mode}}, owner {{owner}}), which the user the image runs as ({{user}}) may not execute: the container fails with "permission denied". Make it executable for all (`chmod 755`, or `COPY --chmod=755`).',
      interpreter: '{{field}} starts {{path}}, a script for `{{interpreter}}`, which is not in the image: the container fails with "no such file or directory".',
      crlf: '{{field}} starts {{path}}, a script with Windows line endings: its first line asks for `{{interpreter}}` followed by a carriage return, which is not in the image, so the container fails with "no such file or directory". Convert the script to LF line endings (`dos2unix`, or `*.sh text eol=lf` in .gitattributes).',
    },
  },
  check(ctx) {
    const image = ctx.image;
    if (isWindows(image)) return;
    const start = startCommand(image);
    if (!start) return;
    const program = start.argv[0];
    if (!program || program.includes('$')) return;
    const field = start.field;
    const found = findInPath(image, program);
    if (!found) {
      const path = program.startsWith('/') ? program : `${image.config.workingDir || '/'}/${program}`;
      // ELOOP, ENOTDIR or ENAMETOOLONG: the program is there or not, the lookup fails first.
      if (program.includes('/') && resolveLink(image.files, path) === undefined) {
        ctx.report({ messageId: 'unresolvable', data: { field, path: program }, field, key: program });
        return;
      }
      const direct = program.includes('/') ? resolvePath(image, path) : undefined;
      if (direct && direct.type !== 'dir' && !isExecutableFile(direct)) {
        ctx.report({ messageId: 'notExecutable', data: { field, path: direct.path, mode: (direct.mode & 0o7777).toString(8).padStart(4, '0') }, field, path: direct.path, layer: direct.layer });
        return;
      }
      const messageId = shellFormScript(image, start.argv) !== undefined ? 'shell' : 'missing';
      ctx.report({ messageId, data: { field, program, where: program.includes('/') ? '' : ' (searched the PATH)' }, field, key: program });
      return;
    }
    const user = runningUser(image);
    if (user && !canExecute(user, found.file)) {
      const data = dataEntry(found.file);
      ctx.report({ messageId: 'notExecutableByUser', data: { field, path: found.path, mode: (data.mode & 0o7777).toString(8).padStart(4, '0'), owner: `${data.uid}:${data.gid}`, user: user.spec }, field, path: found.path, layer: found.file.layer });
      return;
    }
    const interp = interpreter(readFile(image, found.path));
    if (!interp || interp.program.includes('$')) return;
    const ok = interp.viaPath ? findInPath(image, interp.program) : isExecutableFile(resolvePath(image, interp.program));
    if (ok) return;
    const crlf = interp.program.endsWith('\r');
    const name = crlf ? interp.program.slice(0, -1) : interp.program;
    ctx.report({ messageId: crlf ? 'crlf' : 'interpreter', data: { field, path: found.path, interpreter: name }, field, path: found.path, layer: found.file.layer, key: name });
  },
});
