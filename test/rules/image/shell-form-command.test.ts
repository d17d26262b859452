import rule from '../../../src/rules/image/shell-form-command.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const img = (config: Record<string, unknown>) => ({ config, layers: [{ files: [] }] });

imageRuleTester(rule, {
  valid: [
    { name: 'exec form', spec: img({ Cmd: ['node', 'server.js'] }) },
    { name: 'shell that execs', spec: img({ Cmd: ['sh', '-c', 'exec node server.js --port "$PORT"'] }) },
    { name: 'a shell running a script file', spec: img({ Entrypoint: ['/bin/sh', '/entrypoint.sh'] }) },
    { name: 'no command', spec: img({}) },
    { name: 'exec after a SHELL instruction', spec: img({ Shell: ['/bin/bash', '-o', 'pipefail', '-c'], Cmd: ['/bin/bash', '-o', 'pipefail', '-c', 'exec node server.js'] }) },
    { name: 'an exec form that only starts like the SHELL', spec: img({ Shell: ['/bin/bash', '-o', 'pipefail', '-c'], Cmd: ['/bin/bash', '-o', 'pipefail'] }) },
    {
      name: 'Windows images are out of scope',
      spec: { config: { Shell: ['powershell', '-Command'], Cmd: ['powershell', '-Command', 'Start-Service w3svc'] }, platform: { os: 'windows', architecture: 'amd64' }, layers: [{ files: [] }] },
    },
  ],
  invalid: [
    { name: 'shell-form CMD', spec: img({ Cmd: ['/bin/sh', '-c', 'node server.js'] }), errors: [{ field: 'config.Cmd', message: 'config.Cmd is a shell-form command (`node server.js`)' }] },
    {
      name: 'shell-form entrypoint and cmd',
      spec: img({ Entrypoint: ['/bin/bash', '-c', 'cd /app && ./run'], Cmd: ['sh', '-c', 'echo hi'] }),
      errors: [{ field: 'config.Entrypoint', message: '`cd /app && ./run`' }, { field: 'config.Cmd', message: '`echo hi`' }],
    },
    { name: 'bundled flags', spec: img({ Cmd: ['/bin/ash', '-ec', 'start'] }), errors: [{ field: 'config.Cmd' }] },
    {
      // `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` then `CMD node server.js`: the builders store the Shell plus the string.
      name: 'shell form after a SHELL instruction with options before -c',
      spec: img({ Shell: ['/bin/bash', '-o', 'pipefail', '-c'], Cmd: ['/bin/bash', '-o', 'pipefail', '-c', 'node server.js'] }),
      errors: [{ field: 'config.Cmd', message: 'config.Cmd is a shell-form command (`node server.js`)' }],
    },
  ],
});
