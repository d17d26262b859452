import { defineRule } from '../types.js';

// `22`, `22/tcp`, `20-25/tcp`
const PORT_SPEC = /^(\d+)(?:-(\d+))?(?:\/([A-Za-z]+))?$/;

export default defineRule({
  id: 'DF113',
  name: 'ssh-port-exposed',
  aliases: [],
  onlyWith: ['EXPOSE'],
  meta: {
    target: 'dockerfile',
    category: 'security',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The shipped image EXPOSEs the SSH port 22.',
      why: 'Port 22 in the image you ship usually means an SSH daemon runs in the container: one more service with credentials to manage, patch and attack. Use `docker exec` / `kubectl exec` to get a shell instead. Flags `22`, `22/tcp` and port ranges that contain 22, in the final stage and the stages it builds FROM (an EXPOSE in a build-only stage never reaches the image). Skips `22/udp` and ports given by variables that cannot be resolved. An image that really serves SSH (a git server, SFTP) may suppress it.',
      bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-server=1:9.2p1-2+deb12u3 && rm -rf /var/lib/apt/lists/*\nEXPOSE 22 8080\nCMD ["/usr/sbin/sshd", "-D"]\n',
      good: 'FROM debian:12-slim\nCOPY app /usr/local/bin/app\nEXPOSE 8080\nCMD ["app"]\n',
    },
    messages: {
      exposed: 'EXPOSE {{spec}} publishes the SSH port; do not run sshd in the container, use `docker exec` (or `kubectl exec`) for a shell instead.',
    },
  },
  check({ df, report }) {
    for (const instr of df.instructions) {
      if (instr.keyword !== 'EXPOSE' || !df.shippedStages.has(instr.stage)) continue;
      for (const w of instr.words) {
        const spec = w.value.includes('$') ? df.expand(instr, w.value) : w.value;
        if (spec === null) continue;
        const m = PORT_SPEC.exec(spec);
        if (!m || (m[3] !== undefined && m[3].toLowerCase() !== 'tcp')) continue;
        const low = Number(m[1]);
        const high = m[2] === undefined ? low : Number(m[2]);
        if (low <= 22 && 22 <= high) report({ messageId: 'exposed', data: { spec }, span: { start: w.start, end: w.end } });
      }
    }
  },
});
