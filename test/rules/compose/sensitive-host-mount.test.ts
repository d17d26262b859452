import rule from '../../../src/rules/compose/sensitive-host-mount.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  a:\n    image: x:1\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n      - ./conf:/etc/app\n      - /homelab/data:/data\n      - etc:/etc\nvolumes:\n  etc:\n',
    { name: 'the Docker socket is another rule', code: 'services:\n  a:\n    image: x:1\n    volumes: ["/var/run/docker.sock:/var/run/docker.sock"]\n' },
  ],
  invalid: [
    {
      code: 'services:\n  a:\n    image: x:1\n    volumes:\n      - /:/host:ro\n      - /etc:/host/etc\n      - /proc:/host/proc:ro\n      - /var/lib/docker/containers:/logs\n      - /root/.ssh:/keys\n',
      errors: [
        { line: 5, column: 9, endColumn: 10, message: 'mounts the host path / (even read-only)' },
        { line: 6, column: 9, endColumn: 13 },
        { line: 7, column: 9, endColumn: 14 },
        { line: 8, column: 9, endColumn: 35 },
        { line: 9, column: 9, endColumn: 19 },
      ],
    },
    { name: 'long syntax', code: 'services:\n  a:\n    image: x:1\n    volumes:\n      - type: bind\n        source: /sys\n        target: /host/sys\n', errors: [{ line: 6, column: 17, endColumn: 21 }] },
  ],
});
