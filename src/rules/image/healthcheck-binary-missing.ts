import type { ImageRuleContext } from '../image-types.js';
import { findInPath } from '../../model/image/fs.js';
import { shellCommands } from '../helpers/image.js';
import { defineRule } from '../types.js';

/** What Docker runs a CMD-SHELL check with when the config sets no `Shell` (moby's getShell). */
const DEFAULT_SHELL = '/bin/sh';

/** Shell builtins: they need the shell, not a binary. */
const BUILTINS = new Set(['[', 'test', 'echo', 'printf', 'exit', 'true', 'false', ':', 'cd', 'set', 'export', 'read', 'kill', 'command', 'type', 'wait', 'eval', 'return']);

export default defineRule<ImageRuleContext>({
  id: 'IM016',
  name: 'healthcheck-binary-missing',
  aliases: [],
  meta: {
    target: 'image',
    category: 'correctness',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The HEALTHCHECK runs a program (`curl`, `wget`, ...) that is not in the image, so the check always fails.',
      why: 'A health check whose binary is missing exits 127 every time: the container goes "unhealthy", orchestrators restart it in a loop and `depends_on: service_healthy` never starts its dependants. Slim and distroless bases ship neither curl nor wget. Install the tool, probe with something the image has (the app itself, `busybox wget`), or ship a tiny static health binary. The program is looked up like the container would: absolute paths as given, bare names along the image\'s PATH (symlinks followed); `CMD-SHELL` checks need the shell Docker runs them with (the config\'s `Shell`, set by a SHELL instruction, else /bin/sh) and the first command of the script (shell builtins are fine).',
      bad: JSON.stringify({ config: { Healthcheck: { Test: ['CMD-SHELL', 'curl -fsS http://localhost:8080/health || exit 1'] } }, layers: [{ files: [{ path: '/bin/sh', content: 'binary', mode: 0o755 }] }] }, null, 2),
      good: JSON.stringify({ config: { Healthcheck: { Test: ['CMD-SHELL', 'curl -fsS http://localhost:8080/health || exit 1'] } }, layers: [{ files: [{ path: '/bin/sh', content: 'binary', mode: 0o755 }, { path: '/usr/bin/curl', content: 'binary', mode: 0o755 }] }] }, null, 2),
      references: ['https://docs.docker.com/reference/dockerfile/#healthcheck'],
    },
    messages: {
      missing: 'The HEALTHCHECK runs `{{binary}}`, which is not in the image{{where}}: the check always fails. Install it or probe with a program the image has.',
      shell: 'The HEALTHCHECK uses CMD-SHELL, which runs through {{shell}}{{source}}, but the image has no {{shell}}: the check always fails. Use the exec form (`HEALTHCHECK CMD ["/app/healthcheck"]`).',
    },
  },
  check(ctx) {
    const image = ctx.image;
    const test = image.config.healthcheck?.test;
    if (!test || test.length < 2) return;
    const kind = test[0].toUpperCase();
    let binary: string | undefined;
    if (kind === 'CMD') binary = test[1];
    else if (kind === 'CMD-SHELL') {
      const shell = image.config.shell?.[0] ?? DEFAULT_SHELL;
      if (!findInPath(image, shell)) {
        const source = image.config.shell ? " (the config's Shell)" : '';
        ctx.report({ messageId: 'shell', data: { shell, source }, field: 'config.Healthcheck.Test', key: shell });
        return;
      }
      const first = shellCommands(test.slice(1).join(' '))[0];
      let words = first ? first.words : [];
      while (words.length > 0 && (words[0].value === 'exec' || words[0].value === 'command')) words = words.slice(1);
      if (words.length === 0 || words[0].expands || BUILTINS.has(words[0].value)) return;
      binary = words[0].value;
    } else return;
    if (!binary || binary.includes('$') || findInPath(image, binary)) return;
    const where = binary.includes('/') ? '' : ' (searched the PATH)';
    ctx.report({ messageId: 'missing', data: { binary, where }, field: 'config.Healthcheck.Test', key: binary });
  },
});
