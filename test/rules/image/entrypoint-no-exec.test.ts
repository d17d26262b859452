import rule from '../../../src/rules/image/entrypoint-no-exec.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const EP = '/usr/local/bin/docker-entrypoint.sh';
const img = (script: string, config: Record<string, unknown> = { Entrypoint: [EP], Cmd: ['node', 'server.js'] }, path = EP) => ({
  config,
  layers: [{ files: [{ path: '/bin/sh', content: 'ELF', mode: 0o755 }] }, { files: [{ path, content: script, mode: 0o755 }] }],
});

imageRuleTester(rule, {
  valid: [
    { name: 'exec "$@"', spec: img('#!/bin/sh\nset -e\nif [ "$1" = server ]; then\n  chown app /data\nfi\nexec "$@"\n') },
    { name: 'exec in the last branch', spec: img('#!/bin/bash\nif [ -n "$DEBUG" ]; then\n  exec node --inspect server.js\nelse\n  exec node server.js\nfi\n') },
    { name: 'trap handles signals', spec: img('#!/bin/sh\ntrap "kill -TERM $child" TERM\nnode server.js &\nchild=$!\nwait $child\n') },
    { name: 'last command is a builtin', spec: img('#!/bin/sh\nnode migrate.js\nexit 0\n') },
    { name: "docker-library's _main ends in exec", spec: img('#!/usr/bin/env bash\nset -Eeo pipefail\n_main() {\n\tif [ "$1" = postgres ]; then\n\t\techo init\n\tfi\n\texec "$@"\n}\nif ! _is_sourced; then\n\t_main "$@"\nfi\n') },
    { name: 'a function whose exec takes a command substitution', spec: img('#!/bin/sh\nfunction run {\n  exec "$(command -v server)" --port 80\n}\nrun\n') },
    { name: 'not a shell script', spec: img('#!/usr/bin/env python3\nimport os\nos.system("server")\n') },
    { name: 'binary entrypoint', spec: img('\u007fELF\u0000\u0000binary') },
    { name: 'heredoc body is not a command', spec: img('#!/bin/sh\ncat > /etc/app.conf <<EOF\nlisten 80\nnode server.js\nEOF\nexec "$@"\n') },
    { name: 'trailing comment after exec', spec: img('#!/bin/sh\nexec "$@"\n# done\n') },
    { name: 'no entrypoint', spec: img('#!/bin/sh\n"$@"\n', { Cmd: ['node'] }) },
  ],
  invalid: [
    {
      name: 'a function that ends without exec (the advice is for inside it: exec cannot run a function)',
      spec: img('#!/bin/sh\nset -e\nmain() {\n  echo start\n  /app/server --port 80\n}\nmain "$@"\n'),
      errors: [{ layer: 1, field: 'config.Entrypoint', path: EP, message: 'ends by calling main, whose last command `/app/server --port 80` runs without `exec`: the shell stays PID 1 and SIGTERM never reaches the app. Use `exec /app/server --port 80` in main.' }],
    },
    {
      name: 'ends with "$@"',
      spec: img('#!/bin/sh\nset -e\nnode /app/migrate.js\n"$@"\n'),
      errors: [{ layer: 1, field: 'config.Entrypoint', path: EP, message: 'ends with `"$@"` without `exec`' }],
    },
    {
      name: 'ends with a server command, continued over lines',
      spec: img('#!/usr/bin/env bash\nif [ "$1" = shell ]; then\n  exec bash\nfi\ngunicorn app:app \\\n  --bind 0.0.0.0:8000\n'),
      errors: [{ layer: 1, field: 'config.Entrypoint', path: EP, message: 'ends with `gunicorn app:app --bind 0.0.0.0:8000` without' }],
    },
    {
      name: 'gosu without exec',
      spec: img('#!/bin/sh\nchown -R app /data\ngosu app "$@"\n'),
      errors: [{ layer: 1, field: 'config.Entrypoint', path: EP, message: '`gosu app "$@"`' }],
    },
    {
      name: 'through tini',
      spec: img('#!/bin/sh\nnode server.js\n', { Entrypoint: ['/sbin/tini', '--', '/start.sh'] }, '/start.sh'),
      errors: [{ layer: 1, field: 'config.Entrypoint', path: '/start.sh' }],
    },
    {
      name: 'invoked as `sh script` from CMD, no shebang needed',
      spec: img('cd /app\nnpm start\n', { Cmd: ['sh', 'start.sh'], WorkingDir: '/app' }, '/app/start.sh'),
      errors: [{ layer: 1, field: 'config.Cmd', path: '/app/start.sh', message: '`npm start`' }],
    },
  ],
});
