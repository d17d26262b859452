import { defineRule } from '../types.js';
import { positionals, runCommandsNamed } from '../helpers/dockerfile.js';

const SH = new Set(['/bin/sh', '/usr/bin/sh']);

export default defineRule({
  id: 'DF071',
  name: 'ln-bin-sh',
  aliases: ['DL4005'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: '`ln` replaces /bin/sh to change the shell.',
      why: 'Re-pointing /bin/sh changes the shell for every script in the image, including the system\'s own maintainer scripts, which expect a POSIX sh. To run RUN instructions with another shell, use the SHELL instruction.',
      bad: 'FROM debian:12-slim\nRUN ln -sf /bin/bash /bin/sh\n',
      good: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n',
    },
    messages: { lnSh: 'Do not replace {{path}} with ln to change the shell; use the SHELL instruction (e.g. SHELL ["/bin/bash", "-c"]).' },
  },
  check({ df, report }) {
    for (const { cmd } of runCommandsNamed(df, 'ln', { onbuild: true })) {
      // The link name is the last operand; `ln -s /bin/sh /usr/local/bin/sh` only reads /bin/sh.
      const ops = positionals(cmd.args, ['-t', '--target-directory', '-S', '--suffix']);
      const link = ops.length >= 2 ? ops[ops.length - 1] : undefined;
      if (!link || !SH.has(link.value.replace(/\/+$/, ''))) continue;
      report({ messageId: 'lnSh', data: { path: link.value }, span: { start: link.start, end: link.end } });
    }
  },
});
