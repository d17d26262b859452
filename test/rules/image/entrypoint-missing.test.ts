import rule from '../../../src/rules/image/entrypoint-missing.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const exe = (path: string, content = 'ELF') => ({ path, content, mode: 0o755 });
const img = (config: Record<string, unknown>, files: unknown[]) => ({ config, layers: [{ files: [] }, { files: files as never[] }] });

imageRuleTester(rule, {
  valid: [
    { name: 'absolute entrypoint', spec: img({ Entrypoint: ['/app/server'] }, [exe('/app/server')]) },
    { name: 'CMD via PATH', spec: img({ Cmd: ['node', 'server.js'] }, [exe('/usr/local/bin/node')]) },
    { name: 'relative to WorkingDir', spec: img({ Cmd: ['./run'], WorkingDir: '/srv' }, [exe('/srv/run')]) },
    { name: 'shell form with a shell', spec: img({ Cmd: ['/bin/sh', '-c', 'nginx -g "daemon off;"'] }, [{ path: '/bin/sh', type: 'symlink', linkname: 'dash' }, exe('/bin/dash')]) },
    { name: 'script whose interpreter exists', spec: img({ Entrypoint: ['/entry.sh'] }, [exe('/entry.sh', '#!/bin/bash\nexec "$@"\n'), exe('/bin/bash')]) },
    { name: 'env interpreter found on PATH', spec: img({ Entrypoint: ['/app/cli'] }, [exe('/app/cli', '#!/usr/bin/env node\n'), exe('/usr/bin/env'), exe('/usr/local/bin/node')]) },
    { name: 'nothing to run', spec: img({}, []) },
    { name: 'CRLF after the first line only', spec: img({ Entrypoint: ['/entry.sh'] }, [exe('/entry.sh', '#!/bin/sh\necho hi\r\n'), exe('/bin/sh')]) },
    { name: 'a trailing space or tab after the interpreter is no part of it', spec: img({ Entrypoint: ['/entry.sh'] }, [exe('/entry.sh', '#! /bin/sh \t\nexec "$@"\n'), exe('/bin/sh')]) },
    { name: 'a 0750 entrypoint run by its owner, and by a member of its group listed in /etc/group', spec: img({ Entrypoint: ['/app/server'], User: 'app' }, [{ path: '/etc/passwd', content: 'root:x:0:0::/root:/bin/sh\napp:x:10001:10001::/app:/bin/sh\n' }, { path: '/etc/group', content: 'app:x:10001:\nops:x:2000:app\n' }, { path: '/app/server', content: 'ELF', mode: 0o710, uid: 0, gid: 2000 }]) },
    { name: 'a 0700 entrypoint run as root, and one run by its owner by number', spec: img({ Entrypoint: ['/app/server'], User: '10001:10001' }, [{ path: '/app/server', content: 'ELF', mode: 0o700, uid: 10001, gid: 0 }]) },
    { name: 'a numeric User takes its primary group from /etc/passwd', spec: img({ Entrypoint: ['/app/server'], User: '10001' }, [{ path: '/etc/passwd', content: 'root:x:0:0::/root:/bin/sh\napp:x:10001:2000::/app:/bin/sh\n' }, { path: '/app/server', content: 'ELF', mode: 0o710, uid: 0, gid: 2000 }]) },
    { name: 'an empty user part runs as UID 0, who may run any x bit', spec: img({ Entrypoint: ['/app/server'], User: ':2000' }, [{ path: '/etc/passwd', content: 'root:x:0:0::/root:/bin/sh\n' }, { path: '/app/server', content: 'ELF', mode: 0o100, uid: 5, gid: 5 }]) },
    { name: 'a name the image does not define is IM017\'s', spec: img({ Entrypoint: ['/app/server'], User: 'ghost' }, [{ path: '/etc/passwd', content: 'root:x:0:0::/root:/bin/sh\n' }, { path: '/app/server', content: 'ELF', mode: 0o700 }]) },
    { name: 'entrypoint wins over cmd', spec: img({ Entrypoint: ['/app/server'], Cmd: ['--port', '80'] }, [exe('/app/server')]) },
  ],
  invalid: [
    {
      name: 'a script with Windows line endings asks for `/bin/sh\\r`',
      spec: img({ Entrypoint: ['/app/run.sh'] }, [exe('/app/run.sh', '#!/bin/sh\r\nexec "$@"\r\n'), exe('/bin/sh')]),
      errors: [{ layer: 1, field: 'config.Entrypoint', path: '/app/run.sh', message: 'config.Entrypoint starts /app/run.sh, a script with Windows line endings: its first line asks for `/bin/sh` followed by a carriage return, which is not in the image, so the container fails with "no such file or directory".' }],
    },
    {
      name: 'an env shebang with Windows line endings',
      spec: img({ Entrypoint: ['/app/cli'] }, [exe('/app/cli', '#!/usr/bin/env node\r\n'), exe('/usr/bin/env'), exe('/usr/local/bin/node')]),
      errors: [{ layer: 1, field: 'config.Entrypoint', path: '/app/cli', message: 'a script with Windows line endings: its first line asks for `node` followed by a carriage return' }],
    },
    {
      name: 'entrypoint copied to another path',
      spec: img({ Entrypoint: ['/usr/local/bin/server'] }, [exe('/app/server')]),
      errors: [{ field: 'config.Entrypoint', message: 'config.Entrypoint starts `/usr/local/bin/server`, which is not in the image:' }],
    },
    {
      name: 'CMD program not on PATH',
      spec: img({ Cmd: ['gunicorn', 'app:app'] }, [exe('/opt/venv/bin/gunicorn')]),
      errors: [{ field: 'config.Cmd', message: '`gunicorn`, which is not in the image (searched the PATH)' }],
    },
    {
      name: 'shell form through the config Shell on an image without that shell',
      spec: img({ Shell: ['/bin/ash', '-eo', 'pipefail', '-c'], Cmd: ['/bin/ash', '-eo', 'pipefail', '-c', '/app/server'] }, [exe('/app/server'), exe('/bin/sh')]),
      errors: [{ field: 'config.Cmd', message: 'config.Cmd is a shell-form command, but the image has no /bin/ash' }],
    },
    {
      name: 'shell form on a distroless image',
      spec: img({ Cmd: ['/bin/sh', '-c', '/app/server'] }, [exe('/app/server')]),
      errors: [{ field: 'config.Cmd', message: 'shell-form command, but the image has no /bin/sh' }],
    },
    {
      name: 'a 0710 entrypoint owned by root, run by a user outside its group',
      spec: img({ Entrypoint: ['server'], User: 'app' }, [{ path: '/etc/passwd', content: 'root:x:0:0::/root:/bin/sh\napp:x:10001:10001::/app:/bin/sh\n' }, { path: '/usr/local/bin/server', content: 'ELF', mode: 0o710, uid: 0, gid: 0 }]),
      errors: [{ layer: 1, field: 'config.Entrypoint', path: '/usr/local/bin/server', message: 'config.Entrypoint starts /usr/local/bin/server (mode 0710, owner 0:0), which the user the image runs as (app) may not execute: the container fails with "permission denied".' }],
    },
    {
      // runc takes a numeric User's primary group from its /etc/passwd line (2000 here), not 0.
      name: 'a numeric User whose /etc/passwd group is not the file\'s',
      spec: img({ Entrypoint: ['/app/server'], User: '10001' }, [{ path: '/etc/passwd', content: 'root:x:0:0::/root:/bin/sh\napp:x:10001:2000::/app:/bin/sh\n' }, { path: '/app/server', content: 'ELF', mode: 0o710, uid: 0, gid: 0 }]),
      errors: [{ layer: 1, field: 'config.Entrypoint', path: '/app/server', message: 'owner 0:0), which the user the image runs as (10001) may not execute' }],
    },
    {
      // With an explicit group, runc sets no supplementary groups from /etc/group.
      name: 'an explicit group drops the groups /etc/group lists the user in',
      spec: img({ Entrypoint: ['/app/server'], User: 'app:app' }, [{ path: '/etc/passwd', content: 'root:x:0:0::/root:/bin/sh\napp:x:10001:10001::/app:/bin/sh\n' }, { path: '/etc/group', content: 'app:x:10001:\nops:x:2000:app\n' }, { path: '/app/server', content: 'ELF', mode: 0o710, uid: 0, gid: 2000 }]),
      errors: [{ layer: 1, field: 'config.Entrypoint', path: '/app/server', message: 'which the user the image runs as (app:app) may not execute' }],
    },
    {
      name: 'an entrypoint symlink that loops',
      spec: img({ Entrypoint: ['/app/run'] }, [{ path: '/app/run', type: 'symlink', linkname: 'run2' }, { path: '/app/run2', type: 'symlink', linkname: '/app/run' }]),
      errors: [{ field: 'config.Entrypoint', message: 'config.Entrypoint starts /app/run, which cannot be looked up: a symbolic link on the way loops, or a path component is a file, not a directory' }],
    },
    {
      name: 'not executable',
      spec: img({ Entrypoint: ['/entry.sh'] }, [{ path: '/entry.sh', content: '#!/bin/sh\n', mode: 0o644 }]),
      errors: [{ layer: 1, field: 'config.Entrypoint', path: '/entry.sh', message: 'not executable (mode 0644)' }],
    },
    {
      name: 'bash script on an image with only sh',
      spec: img({ Entrypoint: ['docker-entrypoint.sh'] }, [exe('/usr/local/bin/docker-entrypoint.sh', '#!/bin/bash\nexec "$@"\n'), exe('/bin/sh')]),
      errors: [{ layer: 1, field: 'config.Entrypoint', path: '/usr/local/bin/docker-entrypoint.sh', message: 'a script for `/bin/bash`' }],
    },
    {
      name: 'dangling symlink',
      spec: img({ Entrypoint: ['/usr/bin/app'] }, [{ path: '/usr/bin/app', type: 'symlink', linkname: '/opt/app/bin/app' }]),
      errors: [{ field: 'config.Entrypoint', message: '`/usr/bin/app`' }],
    },
  ],
});
