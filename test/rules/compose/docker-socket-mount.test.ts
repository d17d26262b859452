import rule from '../../../src/rules/compose/docker-socket-mount.js';
import { composeRuleTester } from '../../helpers/compose-tester.js';

composeRuleTester(rule, {
  valid: [
    'services:\n  a:\n    image: x:1\n    volumes:\n      - ./data:/data\n      - sock:/var/run/docker.sock\nvolumes:\n  sock:\n',
    { name: 'unknown source', code: 'services:\n  a:\n    image: x:1\n    volumes:\n      - ${SOCK}:/var/run/docker.sock\n' },
  ],
  invalid: [
    { code: 'services:\n  a:\n    image: x:1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n', errors: [{ line: 5, column: 9, endColumn: 29, message: 'mounts the Docker socket /var/run/docker.sock' }] },
    { name: 'quoted', code: 'services:\n  a:\n    image: x:1\n    volumes:\n      - "/run/podman/podman.sock:/var/run/docker.sock"\n', errors: [{ line: 5, column: 10, endColumn: 33, message: 'Podman' }] },
    {
      name: 'long syntax',
      code: 'services:\n  a:\n    image: x:1\n    volumes:\n      - type: bind\n        source: /run/containerd/containerd.sock\n        target: /run/containerd/containerd.sock\n',
      errors: [{ line: 6, column: 17, endColumn: 48, message: 'containerd' }],
    },
    { name: 'default from interpolation', code: 'services:\n  a:\n    image: x:1\n    volumes:\n      - ${SOCK:-/var/run/docker.sock}:/var/run/docker.sock\n', errors: [{ line: 5, column: 9, endColumn: 59 }] },
    {
      name: 'through an anchor',
      code: 'x-sock: &sock /var/run/docker.sock:/var/run/docker.sock\nservices:\n  a:\n    image: x:1\n    volumes: [*sock]\n',
      errors: [{ line: 1, column: 15, endColumn: 35 }],
    },
  ],
});
