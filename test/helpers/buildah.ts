/**
 * Real images made by real tools: a buildah/podman sandbox whose whole state (storage, run dir,
 * configuration) lives in one temporary directory, with the settings that work on machines without
 * a Docker daemon (runc, cgroupfs, lowered ulimits, Docker config format; see
 * ../shared/docs/containers-here.md). Used by test/image/real-images.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's busybox-static puts its binary (usr-merged or not). */
const BUSYBOX_CANDIDATES = ['/bin/busybox', '/usr/bin/busybox'];

export interface Export {
  /** Which tool and transport made it, e.g. `buildah docker-archive`. */
  label: string;
  /** Path handed to the reader: an archive file or an OCI layout directory. */
  path: string;
}

function which(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** A statically linked busybox, or undefined (a dynamic one would not run in a `FROM scratch` image). */
export function staticBusybox(): string | undefined {
  return BUSYBOX_CANDIDATES.find((p) => existsSync(p) && isStaticElf(readFileSync(p)));
}

/** An ELF64 little-endian executable without a PT_INTERP program header (no dynamic loader). */
function isStaticElf(bin: Buffer): boolean {
  if (bin.length < 64 || bin.readUInt32BE(0) !== 0x7f454c46 || bin[4] !== 2 || bin[5] !== 1) return false;
  const phoff = Number(bin.readBigUInt64LE(0x20));
  const phentsize = bin.readUInt16LE(0x36);
  const phnum = bin.readUInt16LE(0x38);
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    if (at + 4 > bin.length) return false;
    if (bin.readUInt32LE(at) === 3 /* PT_INTERP */) return false;
  }
  return true;
}

export class ContainerSandbox {
  readonly root: string;
  readonly env: NodeJS.ProcessEnv;

  constructor(prefix = 'shipready-buildah-') {
    this.root = mkdtempSync(join(tmpdir(), prefix));
    const state = join(this.root, 'state');
    mkdirSync(join(state, 'networks'), { recursive: true });
    writeFileSync(
      join(state, 'containers.conf'),
      [
        '[containers]',
        'default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]',
        '[engine]',
        'runtime = "runc"',
        'cgroup_manager = "cgroupfs"',
        'events_logger = "file"',
        `tmp_dir = "${state}/run/libpod"`,
        '[network]',
        `network_config_dir = "${state}/networks"`,
        '',
      ].join('\n'),
    );
    // overlay (not vfs) so that a removed-then-recreated directory becomes an opaque whiteout;
    // skip_mount_home avoids a bind mount of the storage dir that would outlive the test.
    writeFileSync(
      join(state, 'storage.conf'),
      ['[storage]', 'driver = "overlay"', `runroot = "${state}/run"`, `graphroot = "${state}/storage"`, '[storage.options.overlay]', 'skip_mount_home = "true"', ''].join('\n'),
    );
    this.env = {
      ...process.env,
      CONTAINERS_CONF: join(state, 'containers.conf'),
      CONTAINERS_STORAGE_CONF: join(state, 'storage.conf'),
      // The OCI config format drops HEALTHCHECK; keep Docker's.
      BUILDAH_FORMAT: 'docker',
    };
  }

  /** Runs a tool; throws with its stderr when it fails. */
  run(cmd: string, args: string[], cwd = this.root): string {
    const r = spawnSync(cmd, args, { cwd, env: this.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) {
      const why = (r.stderr || r.stdout || r.error?.message || '').trim().split('\n').slice(-3).join(' / ');
      throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status ?? r.signal}: ${why}`);
    }
    return r.stdout;
  }

  /** Everything built here, then the directory. Mounts left under it are undone first. */
  dispose(): void {
    for (const [cmd, args] of [
      ['buildah', ['rm', '--all']],
      ['buildah', ['rmi', '--all', '--force']],
    ] as const) {
      if (which(cmd)) spawnSync(cmd, [...args], { env: this.env, stdio: 'ignore' });
    }
    for (const m of mountsUnder(this.root).reverse()) spawnSync('umount', ['-l', m], { stdio: 'ignore' });
    rmSync(this.root, { recursive: true, force: true });
  }
}

function mountsUnder(dir: string): string[] {
  try {
    return readFileSync('/proc/self/mounts', 'utf8')
      .split('\n')
      .map((l) => l.split(' ')[1]?.replace(/\\040/g, ' ') ?? '')
      .filter((m) => m === dir || m.startsWith(dir + '/'));
  } catch {
    return [];
  }
}

/**
 * Why real-image tests cannot run here, or undefined when they can. Tries a real
 * `buildah from scratch` in a throw-away sandbox: a binary that cannot use its storage
 * (not root, no overlay) is as good as none.
 */
export function containerToolsUnavailable(): string | undefined {
  if (!which('buildah')) return 'buildah is not on PATH (apt-get install buildah)';
  if (!staticBusybox()) return 'no static busybox (apt-get install busybox-static)';
  if (process.getuid && process.getuid() !== 0) return 'not running as root (buildah needs root for its storage here)';
  const sandbox = new ContainerSandbox('shipready-buildah-probe-');
  try {
    const id = sandbox.run('buildah', ['from', 'scratch']).trim();
    sandbox.run('buildah', ['rm', id]);
    return undefined;
  } catch (e) {
    return `buildah is not usable: ${(e as Error).message}`;
  } finally {
    sandbox.dispose();
  }
}

/** podman shares buildah's storage; usable when `podman images` works with the sandbox settings. */
export function podmanUsable(sandbox: ContainerSandbox): boolean {
  if (!which('podman')) return false;
  try {
    sandbox.run('podman', ['images', '-q']);
    return true;
  } catch {
    return false;
  }
}

/** Facts the test image is built to have; the test checks the reader finds them. */
export const TEST_IMAGE = {
  tag: 'localhost/shipready-real:1',
  user: '1000:1000',
  entrypoint: ['/app/run.sh'],
  cmd: ['httpd', '-f', '-p', '8080'],
  healthcheck: ['CMD-SHELL', 'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1'],
  setuidFile: '/app/suid-tool',
  deletedFile: '/app/deleted.txt',
  opaqueDir: '/data/cache',
  /** Files under opaqueDir before and after the directory was replaced. */
  hiddenByOpaque: ['/data/cache/a.bin', '/data/cache/b.txt'],
  keptInOpaque: '/data/cache/c.txt',
  hardlink: { path: '/app/run.sh', other: '/app/run-hardlink.sh' },
  /** One layer per COPY/RUN: busybox, its applets, accounts and files, the script, the deletions. */
  layerCount: 5,
};

const ENTRYPOINT_SCRIPT = '#!/bin/sh\nset -e\necho starting\nexec "$@"\n';

// Each RUN/COPY is its own layer (`--layers`): the deletions in the last RUN are whiteouts of
// earlier layers, and `rm -rf` + `mkdir` of a directory gives an opaque marker on overlay storage.
const CONTAINERFILE = `FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
RUN mkdir -p /etc /app /data/cache /tmp /home/app && \\
    printf 'root:x:0:0:root:/root:/bin/sh\\napp:x:1000:1000:app:/home/app:/bin/sh\\n' > /etc/passwd && \\
    printf 'root:x:0:\\napp:x:1000:\\n' > /etc/group && \\
    printf '#!/bin/sh\\nid\\n' > /app/suid-tool && chmod 4755 /app/suid-tool && \\
    echo temporary > /app/deleted.txt && \\
    head -c 20000 /bin/busybox > /data/cache/a.bin && echo b > /data/cache/b.txt
COPY run.sh /app/run.sh
RUN rm /app/deleted.txt && rm -rf /data/cache && mkdir /data/cache && echo fresh > /data/cache/c.txt && \\
    ln /app/run.sh /app/run-hardlink.sh
USER ${TEST_IMAGE.user}
HEALTHCHECK --interval=30s CMD ${TEST_IMAGE.healthcheck[1]}
ENTRYPOINT ${JSON.stringify(TEST_IMAGE.entrypoint)}
CMD ${JSON.stringify(TEST_IMAGE.cmd)}
`;

/** Builds TEST_IMAGE in the sandbox (RUN steps use chroot isolation: no container runtime involved). */
export function buildTestImage(sandbox: ContainerSandbox): string {
  const ctx = join(sandbox.root, 'context');
  mkdirSync(ctx, { recursive: true });
  copyFileSync(staticBusybox()!, join(ctx, 'busybox'));
  chmodSync(join(ctx, 'busybox'), 0o755);
  writeFileSync(join(ctx, 'run.sh'), ENTRYPOINT_SCRIPT, { mode: 0o755 });
  writeFileSync(join(ctx, 'Containerfile'), CONTAINERFILE);
  sandbox.run('buildah', ['build', '--quiet', '--layers', '--isolation', 'chroot', '-t', TEST_IMAGE.tag, '-f', join(ctx, 'Containerfile'), ctx]);
  return TEST_IMAGE.tag;
}

/** Writes the image in every format both tools can produce; podman's only when it works. */
export function exportEverywhere(sandbox: ContainerSandbox, tag: string, withPodman: boolean): Export[] {
  const out = join(sandbox.root, 'exports');
  mkdirSync(out, { recursive: true });
  const exports: Export[] = [];
  const push = (label: string, dest: string, path: string, extra: string[] = []) => {
    sandbox.run('buildah', ['push', '--quiet', ...extra, tag, dest]);
    exports.push({ label, path });
  };
  push('buildah docker-archive', `docker-archive:${join(out, 'b-docker.tar')}:${tag}`, join(out, 'b-docker.tar'));
  push('buildah oci', `oci:${join(out, 'b-oci')}:${tag}`, join(out, 'b-oci'));
  push('buildah oci-archive', `oci-archive:${join(out, 'b-oci.tar')}:${tag}`, join(out, 'b-oci.tar'));
  // Same layers, zstd-compressed blobs: the reader must detect zstd from the bytes.
  push('buildah oci (zstd)', `oci:${join(out, 'b-oci-zstd')}:${tag}`, join(out, 'b-oci-zstd'), ['--compression-format', 'zstd']);
  if (withPodman) {
    const save = (label: string, format: string, path: string) => {
      sandbox.run('podman', ['save', '--quiet', '--format', format, '-o', path, tag]);
      exports.push({ label, path });
    };
    save('podman docker-archive', 'docker-archive', join(out, 'p-docker.tar'));
    save('podman oci-archive', 'oci-archive', join(out, 'p-oci.tar'));
    save('podman oci-dir', 'oci-dir', join(out, 'p-oci'));
  }
  return exports;
}
