import rule from '../../../src/rules/image/shell-form-command.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const img = (config: Record<string, unknown>) => ({ config, layers: [{ files: [] }] });

imageRuleTester(rule, {
  valid: [
    { name: 'exec form', spec: img({ Cmd: ['node', 'server.js'] }) },
    { name: 'shell that execs', spec: img({ Cmd: ['sh', '-c', 'exec node server.js --port "$PORT"'] }) },
    { name: 'a shell running a script file', spec: img({ Entrypoint: ['/bin/sh', '/entrypoint.sh'] }) },
    { name: 'no command', spec: img({}) },
  ],
  invalid: [
    { name: 'shell-form CMD', spec: img({ Cmd: ['/bin/sh', '-c', 'node server.js'] }), errors: [{ field: 'config.Cmd', message: 'config.Cmd is a shell-form command (`node server.js`)' }] },
    {
      name: 'shell-form entrypoint and cmd',
      spec: img({ Entrypoint: ['/bin/bash', '-c', 'cd /app && ./run'], Cmd: ['sh', '-c', 'echo hi'] }),
      errors: [{ field: 'config.Entrypoint', message: '`cd /app && ./run`' }, { field: 'config.Cmd', message: '`echo hi`' }],
    },
    { name: 'bundled flags', spec: img({ Cmd: ['/bin/ash', '-ec', 'start'] }), errors: [{ field: 'config.Cmd' }] },
  ],
});
