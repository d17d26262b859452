import rule from '../../../src/rules/image/healthcheck-binary-missing.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const exe = (path: string) => ({ path, content: 'ELF', mode: 0o755 });
const img = (test: string[], files: unknown[], env?: string[]) => ({ config: { Healthcheck: { Test: test }, ...(env ? { Env: env } : {}) }, layers: [{ files: files as never[] }] });
const withShell = (shell: string[], test: string[], files: unknown[]) => ({ config: { Healthcheck: { Test: test }, Shell: shell, Env: ['PATH=/usr/bin:/bin:/busybox'] }, layers: [{ files: files as never[] }] });
const WGET = ['CMD-SHELL', 'wget -q --spider http://localhost/ || exit 1'];

imageRuleTester(rule, {
  valid: [
    { name: 'CMD-SHELL with curl present', spec: img(['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], [exe('/bin/sh'), exe('/usr/bin/curl')]) },
    { name: 'CMD form, absolute path', spec: img(['CMD', '/app/healthcheck'], [exe('/app/healthcheck')]) },
    { name: 'busybox symlink', spec: img(['CMD', 'wget', '-q', '--spider', 'http://localhost/'], [exe('/bin/busybox'), { path: '/usr/bin/wget', type: 'symlink', linkname: '/bin/busybox' }]) },
    { name: 'shell builtin first', spec: img(['CMD-SHELL', 'test -f /tmp/ready'], [exe('/bin/sh')]) },
    { name: 'exec prefix', spec: img(['CMD-SHELL', 'exec curl -f localhost'], [exe('/bin/sh'), exe('/usr/local/bin/curl')]) },
    { name: 'custom PATH', spec: img(['CMD', 'probe'], [exe('/opt/tools/probe')], ['PATH=/opt/tools:/usr/bin']) },
    { name: 'NONE', spec: img(['NONE'], []) },
    { name: 'CMD-SHELL runs with the config Shell: a busybox-only image has no /bin/sh', spec: withShell(['/busybox/sh', '-c'], WGET, [exe('/busybox/sh'), { path: '/busybox/wget', type: 'symlink', linkname: 'sh' }]) },
    { name: 'a bare Shell name is looked up on the PATH', spec: withShell(['bash', '-c'], WGET, [exe('/usr/bin/bash'), exe('/usr/bin/wget')]) },
    { name: 'a variable cannot be resolved', spec: img(['CMD-SHELL', '$PROBE http://localhost'], [exe('/bin/sh')]) },
  ],
  invalid: [
    {
      name: 'curl missing on a slim image',
      spec: img(['CMD-SHELL', 'curl -fsS http://localhost:8080/health || exit 1'], [exe('/bin/sh'), exe('/usr/bin/wget')]),
      errors: [{ field: 'config.Healthcheck.Test', message: 'runs `curl`, which is not in the image (searched the PATH)' }],
    },
    {
      name: 'CMD form, absolute path missing',
      spec: img(['CMD', '/usr/local/bin/healthcheck'], [exe('/app/healthcheck')]),
      errors: [{ field: 'config.Healthcheck.Test', message: 'runs `/usr/local/bin/healthcheck`, which is not in the image:' }],
    },
    {
      name: 'not executable counts as missing',
      spec: img(['CMD', 'wget', 'localhost'], [{ path: '/usr/bin/wget', content: 'ELF', mode: 0o644 }]),
      errors: [{ field: 'config.Healthcheck.Test', message: '`wget`' }],
    },
    {
      name: 'not on the image PATH',
      spec: img(['CMD', 'curl', 'localhost'], [exe('/opt/bin/curl')], ['PATH=/usr/bin:/bin']),
      errors: [{ field: 'config.Healthcheck.Test', message: '`curl`' }],
    },
    {
      name: 'CMD-SHELL on an image without a shell',
      spec: img(['CMD-SHELL', 'curl -f localhost'], [exe('/usr/bin/curl')]),
      errors: [{ field: 'config.Healthcheck.Test', message: 'The HEALTHCHECK uses CMD-SHELL, which runs through /bin/sh, but the image has no /bin/sh: the check always fails.' }],
    },
    {
      name: 'the config Shell is missing even though /bin/sh is there',
      spec: withShell(['/bin/bash', '-c'], WGET, [exe('/bin/sh'), exe('/usr/bin/wget')]),
      errors: [{ field: 'config.Healthcheck.Test', message: "The HEALTHCHECK uses CMD-SHELL, which runs through /bin/bash (the config's Shell), but the image has no /bin/bash: the check always fails." }],
    },
  ],
});
