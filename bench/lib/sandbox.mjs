// A buildah/podman sandbox for the image benchmark: all state (storage, run dir, configuration)
// under one directory, with the settings that work without a Docker daemon (runc, cgroupfs,
// lowered ulimits, Docker config format). See ../shared/docs/containers-here.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const hasCommand = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

export function createSandbox(dir) {
  const state = join(dir, 'state');
  mkdirSync(join(state, 'networks'), { recursive: true });
  writeFileSync(
    join(state, 'containers.conf'),
    `[containers]\ndefault_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]\n[engine]\nruntime = "runc"\ncgroup_manager = "cgroupfs"\nevents_logger = "file"\ntmp_dir = "${state}/run/libpod"\n[network]\nnetwork_config_dir = "${state}/networks"\n`,
  );
  writeFileSync(
    join(state, 'storage.conf'),
    `[storage]\ndriver = "overlay"\nrunroot = "${state}/run"\ngraphroot = "${state}/storage"\n[storage.options.overlay]\nskip_mount_home = "true"\n`,
  );
  const env = { ...process.env, CONTAINERS_CONF: join(state, 'containers.conf'), CONTAINERS_STORAGE_CONF: join(state, 'storage.conf'), BUILDAH_FORMAT: 'docker' };

  /** Runs a command; throws with the tail of its output when it fails. `inherit` shows progress. */
  const run = (cmd, args, opts = {}) => {
    const r = spawnSync(cmd, args, { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: opts.inherit ? ['ignore', 'inherit', 'inherit'] : 'pipe', ...opts });
    if (r.status !== 0) {
      const why = `${r.stderr ?? ''}${r.stdout ?? ''}`.trim().split('\n').slice(-4).join(' / ') || r.error?.message || '';
      throw new Error(`${cmd} ${args.slice(0, 4).join(' ')}...: exit ${r.status ?? r.signal} ${why}`);
    }
    return r.stdout ?? '';
  };

  const dispose = () => {
    spawnSync('buildah', ['rm', '--all'], { env, stdio: 'ignore' });
    spawnSync('buildah', ['rmi', '--all', '--force'], { env, stdio: 'ignore' });
    const mounts = readFileSync('/proc/self/mounts', 'utf8').split('\n').map((l) => l.split(' ')[1] ?? '').filter((m) => m.startsWith(dir + '/'));
    for (const m of mounts.reverse()) spawnSync('umount', ['-l', m], { stdio: 'ignore' });
    rmSync(state, { recursive: true, force: true });
  };
  return { env, run, dispose };
}

/** The Debian mirror apt uses here (deb822 `URIs:` or one-line `deb` entries), else deb.debian.org. */
export function aptMirror() {
  let files = [];
  try {
    files = readdirSync('/etc/apt/sources.list.d').sort().map((f) => join('/etc/apt/sources.list.d', f));
  } catch {
    /* no such directory */
  }
  files.push('/etc/apt/sources.list');
  for (const f of files) {
    let text = '';
    try {
      text = readFileSync(f, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      const m = /^\s*URIs:\s*(\S+\/debian)\/?\s*$/.exec(line) ?? /^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+\/debian)\/?\s+bookworm\b/.exec(line);
      if (m) return m[1];
    }
  }
  return 'http://deb.debian.org/debian';
}
