/**
 * Package managers that keep a local copy of the repositories' index: the subcommands that only
 * refresh it and the ones that install from it. Shared by the Dockerfile and image update-alone rules.
 */
export interface IndexFamily {
  names: readonly string[];
  /** Subcommands that only refresh the package index. */
  refresh: readonly string[];
  /** Subcommands that read the fresh index (install, upgrade, look packages up). */
  use: readonly string[];
  /** Options whose value is the next word. */
  valueFlags: readonly string[];
}

export const INDEX_FAMILIES: readonly IndexFamily[] = [
  { names: ['apt-get', 'apt', 'aptitude', 'apt-cache'], refresh: ['update'], use: ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'reinstall', 'satisfy', 'source', 'download', 'show', 'policy', 'search', 'list', 'madison', 'depends', 'rdepends', 'showpkg', 'pkgnames'], valueFlags: ['-o', '-c', '-t', '--option', '--config-file', '--target-release'] },
  { names: ['apk'], refresh: ['update'], use: ['add', 'upgrade', 'fix', 'fetch', 'search', 'info', 'policy'], valueFlags: ['-X', '--repository', '-p', '--root', '--arch', '-t', '--virtual', '--cache-dir', '--keys-dir', '--repositories-file'] },
  { names: ['dnf', 'yum', 'microdnf', 'tdnf'], refresh: ['makecache'], use: ['install', 'upgrade', 'update', 'reinstall', 'groupinstall', 'localinstall', 'distro-sync', 'downgrade', 'builddep', 'download', 'info', 'list', 'search'], valueFlags: ['-c', '--config', '--setopt', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '--repo', '-x', '--exclude'] },
  { names: ['zypper'], refresh: ['refresh', 'ref'], use: ['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si', 'info', 'search', 'se'], valueFlags: ['--root', '-R', '--reposd-dir', '-D', '--cache-dir', '-C', '--config', '-c'] },
];

const BY_NAME = new Map<string, IndexFamily>(INDEX_FAMILIES.flatMap((f) => f.names.map((n) => [n, f] as [string, IndexFamily])));

/** The family of a package manager command name (`apt-get`, `apk`, ...), if it is one. */
export function indexFamily(name: string): IndexFamily | undefined {
  return BY_NAME.get(name);
}
