import type { Dockerfile, ImageRef, Stage } from '../../model/dockerfile/types.js';
import { isDockerHub, perFile, rootStage, runCommandsNamed, stageChain } from './dockerfile.js';

/**
 * What a stage's userland is, as far as its base image's name tells: `alpine` (BusyBox tools, apk),
 * `busybox`, `gnu` (a glibc distribution with GNU tools), or null when the name does not say.
 */
export type Distro = 'alpine' | 'busybox' | 'gnu';

// `alpine`, `library/alpine`, and images named as built on it (`linuxserver/baseimage-alpine-nginx`).
const ALPINE_NAME = /(?:^|[/-])alpine(?:$|[/-])/;
const ALPINE_TAG = /(?:^|[-.])alpine/;
// Distributions and the official images whose default variants are built on Debian or Ubuntu.
const GNU_REPOSITORIES = new Set([
  'debian', 'ubuntu', 'fedora', 'centos', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux', 'archlinux',
  'buildpack-deps', 'python', 'node', 'golang', 'ruby', 'php', 'perl', 'rust', 'openjdk', 'eclipse-temurin',
  'maven', 'gradle', 'gcc', 'elixir', 'erlang', 'haskell', 'julia', 'r-base', 'swift', 'clojure',
]);
const GNU_PATH = /^(?:opensuse\/|redhat\/ubi|ubi\d|rockylinux\/|almalinux\/|fedora\/|amazonlinux\/|oraclelinux\/)/;

function fromName(ref: ImageRef): Distro | null {
  const repo = ref.repository.toLowerCase().replace(/^library\//, '');
  const tag = (ref.tag ?? '').toLowerCase();
  if (ALPINE_NAME.test(repo) || ALPINE_TAG.test(tag)) return 'alpine';
  if (repo === 'busybox' || repo.endsWith('/busybox')) return 'busybox';
  if (ref.registry === 'registry.access.redhat.com' || GNU_PATH.test(repo)) return 'gnu';
  return GNU_REPOSITORIES.has(repo) && isDockerHub(ref.registry) ? 'gnu' : null;
}

// Per file and stage: rules ask once per finding, and a file can have thousands.
const DISTROS = Symbol('distros');

/** The distribution a stage is built on: from the base image's name, or alpine when its FROM chain runs apk. */
export function stageDistro(df: Dockerfile, stage: Stage | undefined): Distro | null {
  if (!stage) return null;
  const known = perFile(df, DISTROS, () => new Map<number, Distro | null>());
  let d = known.get(stage.index);
  if (d === undefined) known.set(stage.index, (d = distroOf(df, stage)));
  return d;
}

function distroOf(df: Dockerfile, stage: Stage): Distro | null {
  const ref = rootStage(df, stage).ref;
  const named = ref ? fromName(ref) : null;
  if (named) return named;
  const apk = runCommandsNamed(df, 'apk');
  if (apk.length === 0) return null;
  const chain = new Set(stageChain(df, stage).map((s) => s.index));
  return apk.some((rc) => chain.has(rc.instr.stage)) ? 'alpine' : null;
}
