import type { Dockerfile, Instruction, Stage } from '../../model/dockerfile/types.js';
import type { Edit } from '../../finding.js';
import { imageRunsAsRoot, parseImageName } from '../../model/compose/images.js';
import { isDevContainer, isDockerHub, isWindowsImage, lineBefore, perFile, runCommandsNamed, stageChain } from '../helpers/dockerfile.js';
import { stageDistro } from '../helpers/distro.js';
import { createdUsers, type CreatedUser } from '../helpers/users.js';
import { defineRule, type ReportDescriptor } from '../types.js';

/**
 * Base images that already run as an unprivileged user (on top of what the Compose image table knows).
 * Each regex runs only once a cheap substring test has matched: this is asked for nearly every Dockerfile.
 */
function knownNonRoot(image: string): boolean {
  const img = parseImageName(image);
  const tag = img.tag ?? '';
  if (tag.includes('nonroot') && /(?:^|[-_.])nonroot(?:[-_.]|$)/.test(tag)) return true;
  if (img.name.endsWith('-nonroot') || img.name.endsWith('-unprivileged') || img.name.endsWith('-rootless')) return true;
  // Chainguard images default to UID 65532; .NET chiseled images and Windows nanoserver to an unprivileged user.
  if (img.registry === 'cgr.dev') return true;
  if (tag.includes('chiseled') && /(?:^|-)chiseled(?:-|$)/.test(tag)) return true;
  // .NET's distroless tags (`10.0-azurelinux3.0-distroless`) run as its app user too; also through
  // a variable repository (`FROM $REPO:8.0.30-azurelinux3.0-distroless-extra`, dotnet-docker).
  if (tag.includes('distroless') && /(?:^|-)distroless(?:-|$)/.test(tag) && (img.registry === 'mcr.microsoft.com' || img.raw.startsWith('$'))) return true;
  if (img.repository.includes('nanoserver') && /(?:^|\/)(?:windows\/)?nanoserver/.test(img.repository)) return true;
  // The nanoserver variants of other images (`mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-ltsc2022`).
  if (tag.includes('nanoserver') && /(?:^|[-.])nanoserver(?:[-.]|$)/.test(tag)) return true;
  return imageRunsAsRoot(img) === false;
}

export default defineRule({
  id: 'DF100',
  name: 'user-missing',
  aliases: [],
  meta: {
    target: 'dockerfile',
    category: 'security',
    severity: 'warning',
    fixable: 'unsafe',
    status: 'stable',
    docs: {
      summary: 'The image you ship never sets USER, so the container runs as root.',
      why: 'Without a USER instruction the container\'s main process runs as root (UID 0). Any flaw in the application then gives an attacker root inside the container, with write access to the whole filesystem and one kernel bug away from the host. Create an unprivileged user and switch to it with USER at the end of the final stage. Flags the final stage when neither it nor the stages it builds FROM set USER. Skips base images known to run unprivileged (distroless `:nonroot` tags, .NET `-distroless` tags, `*-nonroot`/`*-unprivileged`/`*-rootless` images, Chainguard, Bitnami, .NET chiseled, Windows nanoserver, dev container images (their user is chosen by devcontainer.json), and images that drop privileges themselves such as postgres or redis). `FROM scratch` still runs as UID 0, so it is flagged too (use a numeric USER, since scratch has no /etc/passwd), except when the final scratch stage has no CMD/ENTRYPOINT: that is an artifact export stage (`docker build --output`), not something that runs. A USER set by a base image from a registry is invisible here; restate it to make the Dockerfile say who it runs as. On Windows images the account is ContainerAdministrator, and the unprivileged one ContainerUser. The unsafe fix adds USER before the final stage\'s closing CMD/ENTRYPOINT/EXPOSE-style instructions (so every RUN still runs as root) where an unprivileged account is known to exist: the last user a shipped stage creates with useradd/adduser (not a daemon\'s own account such as www-data or nginx, and not when the image switches user itself with gosu, su-exec and the like), the `node` user (1000) of the node image, `nonroot` (65532) of distroless, `$APP_UID` of .NET 8 and later, or `nobody` (65534) on scratch. Where none is known, on the official OS and language images (alpine, debian, ubuntu, python, golang, ruby, php...; not servers such as nginx, which bind port 80 as root and drop privileges themselves), it creates one: `app` with UID 10001, by BusyBox adduser on Alpine variants or useradd on Debian and Ubuntu ones (with --no-log-init, so the UID does not bloat the layer), unless the build creates or changes accounts itself or the image starts through an entrypoint script, which may need root to set up before it drops privileges. There is no fix where the image runs something that needs root (sshd or port 22, dockerd/dind, an init system) or has ONBUILD triggers. It is unsafe because files the build copied stay owned by root: an application that writes into its own directory then fails. root-user (DF005) reports an explicit `USER root`. Dev containers (a Dockerfile in `.devcontainer/`, one built on a dev container image, or one whose final stage is `dev-envs`, the target of Docker Dev Environments) are skipped: they are environments to develop in, never shipped.',
      bad: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "app.py"]\n',
      good: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN useradd --uid 10001 --no-create-home app\nUSER 10001\nCMD ["python", "app.py"]\n',
    },
    messages: {
      missing: 'No USER is set in the final image, so it runs as root; create an unprivileged user and add USER <uid> at the end of the final stage.',
      scratch: 'No USER is set in this scratch image, so it runs as UID 0; add a numeric USER (e.g. USER 65534:65534), since scratch has no /etc/passwd.',
      windows: 'No USER is set in the final image, so it runs as ContainerAdministrator; add USER ContainerUser (or another unprivileged account) at the end of the final stage.',
    },
  },
  check({ df, report }) {
    const final = df.stages[df.stages.length - 1];
    if (!final || isDevContainer(df)) return;
    const chain = stageChain(df, final);
    const root = chain[0];
    let runs = false;
    // ONBUILD triggers would run as the new user in child images; port 22 is an SSH server, which
    // needs root: either withholds the fix.
    let keepRoot = false;
    for (const s of chain) {
      for (const i of s.instructions) {
        if (i.keyword === 'USER' && i.words.length > 0) return;
        if (i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') runs = true;
        else if (i.keyword === 'ONBUILD' || (i.keyword === 'EXPOSE' && i.words.some((w) => SSH_PORT.test(w.value)))) keepRoot = true;
      }
    }
    // A variable tag (`base:${VARIANT}`) leaves the repository known, and that is what decides here.
    const image = root.resolvedImage ?? root.image;
    const scratch = image?.toLowerCase() === 'scratch';
    if (scratch && !runs) return;
    if (image && !scratch && knownNonRoot(image)) return;
    const end = final.aliasSpan ? final.aliasSpan.end : final.imageSpan.end;
    const windows = isWindowsImage(root.ref);
    const user = windows || keepRoot ? null : unprivilegedUser(df, chain, scratch ? 'scratch' : image);
    const fix: ReportDescriptor['fix'] = !user ? undefined : user.create
      ? { title: `Run as a new user: add RUN ${user.create} and USER ${user.user}`, edits: [userEdit(df, final, `RUN ${user.create}${df.source.lineEnding}USER ${user.user}`)] }
      : { title: `Run as ${user.who}: add USER ${user.user}`, edits: [userEdit(df, final, `USER ${user.user}`)] };
    report({ messageId: scratch ? 'scratch' : windows ? 'windows' : 'missing', span: { start: final.from.keywordSpan.start, end }, fix });
  },
});

// Instructions that run nothing at build time: USER can go before them without changing the build.
const METADATA = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'STOPSIGNAL', 'VOLUME', 'MAINTAINER', 'ENV', 'ARG', 'SHELL']);
// Accounts made for a daemon that starts as root and drops to them itself (nginx, php-fpm, dockerd's
// userns-remap, ...), or for an s6/dev container set-up: USER would stop the image from starting.
const DAEMON_ACCOUNTS = new Set(['www-data', 'nginx', 'apache', 'httpd', 'daemon', 'dockremap', 'mysql', 'postgres', 'redis', 'mongodb', 'clamav', 'postfix', 'dovecot', 'memcache', 'rabbitmq', 'sshd', 'abc', 'vscode']);
// Programs that drop privileges themselves (gosu, su-exec...: an entrypoint that switches user has
// to start as root) or need root to run at all (an SSH server, Docker in Docker, an init system),
// named anywhere in the file: one scan per file answers both.
const PRIVILEGE_WORDS = /\b(?:(gosu|su-exec|setpriv|chpst|s6-setuidgid|s6-overlay|runuser|supervisord)|sshd|dockerd|dind|systemd|openrc|runit|s6-svscan)\b|\/sbin\/init\b/g;
const PRIVILEGES = Symbol('privileges');

function privileges(df: Dockerfile): { drops: boolean; needsRoot: boolean } {
  return perFile(df, PRIVILEGES, () => {
    const p = { drops: false, needsRoot: false };
    for (const m of df.source.text.matchAll(PRIVILEGE_WORDS)) {
      if (m[1] !== undefined) p.drops = true;
      else p.needsRoot = true;
      if (p.drops && p.needsRoot) break;
    }
    return p;
  });
}

const DISTROLESS = /^(?:gcr\.io|mirror\.gcr\.io)$/;
const SSH_PORT = /^22(?:\/tcp)?$/;

/**
 * An account the final image can run as that is known to exist: one a shipped stage creates, or one
 * its base image ships. Null when none is known, or when the image runs something that needs root.
 */
function unprivilegedUser(df: Dockerfile, chain: readonly Stage[], image: string | null): Account | null {
  const stages = new Set(chain.map((s) => s.index));
  const candidate = accountOf(df, stages, image) ?? (managesUsers(df, stages) || startsWithScript(chain) ? null : newAccount(df, chain[chain.length - 1], image));
  // The whole text is searched only once there is an account to offer.
  return candidate && !privileges(df).needsRoot ? candidate : null;
}

/** An account to run as; `create` is the command that makes it when no known one exists. */
interface Account {
  user: string;
  who: string;
  create?: string;
}

/** The account unprivilegedUser offers, before the checks of what the image runs. */
function accountOf(df: Dockerfile, chain: Set<number>, image: string | null): Account | null {
  const users = createdUsers(df);
  let created: CreatedUser | undefined;
  for (let k = users.length - 1; k >= 0 && !created; k--) if (chain.has(users[k].stage)) created = users[k];
  if (created && (DAEMON_ACCOUNTS.has(created.name) || privileges(df).drops)) return null;
  if (created) {
    if (created.uid !== null) return { user: created.uid, who: `the user "${created.name}" created on line ${created.line}` };
    return created.name.includes('$') ? null : { user: created.name, who: `the user "${created.name}" created on line ${created.line}` };
  }
  if (image === 'scratch') return { user: '65534:65534', who: 'nobody (scratch has no /etc/passwd, so a numeric one)' };
  if (!image || image.includes('$')) return null;
  const ref = parseImageName(image);
  if (isDockerHub(ref.registry) && ref.repository === 'node') return { user: '1000:1000', who: 'the node image\'s "node" user' };
  if (ref.registry !== null && DISTROLESS.test(ref.registry) && ref.repository.startsWith('distroless/')) return { user: '65532:65532', who: 'distroless\'s "nonroot" user' };
  if (ref.registry === 'mcr.microsoft.com' && ref.repository.startsWith('dotnet/') && Number.parseInt(ref.tag ?? '', 10) >= 8) return { user: '$APP_UID', who: 'the .NET image\'s "app" user' };
  return null;
}

// Official OS and language images, on which an application's own user is the norm (not servers such
// as nginx, which bind port 80 as root and drop privileges themselves). Their Debian and Ubuntu
// variants have useradd (the essential passwd package), their Alpine ones BusyBox adduser.
const APP_BASES = new Set([
  'alpine', 'debian', 'ubuntu', 'buildpack-deps', 'python', 'golang', 'ruby', 'php', 'perl', 'rust', 'eclipse-temurin', 'gcc',
  'r-base', 'elixir', 'erlang', 'haskell', 'julia', 'swift',
]);
// Tags of those images built on something else (UBI minimal has no useradd; Windows has no Unix
// accounts), or running a server that binds port 80 as root and drops privileges itself (php's apache).
const NO_NEW_USER_TAG = /ubi|oracle|windows|nanoserver|servercore|apache/i;
const NEW_UID = '10001';

/** Does the image's build create or change accounts itself? Then it knows its users better than a new one would. */
function managesUsers(df: Dockerfile, stages: Set<number>): boolean {
  return runCommandsNamed(df, USER_TOOLS).some((rc) => stages.has(rc.instr.stage));
}

const USER_TOOLS = ['useradd', 'adduser', 'usermod', 'groupadd', 'addgroup'];

/**
 * Does the image start through an entrypoint script? Those often set up as root and then drop
 * privileges (docker-library's docker-entrypoint.sh): a user of our own could break them.
 */
function startsWithScript(chain: readonly Stage[]): boolean {
  let entrypoint: Instruction | undefined;
  for (const s of chain) for (const i of s.instructions) if (i.keyword === 'ENTRYPOINT') entrypoint = i;
  const first = entrypoint ? (entrypoint.json ? entrypoint.json.values[0] : entrypoint.words[0]?.value) : undefined;
  return first !== undefined && ENTRYPOINT_SCRIPT.test(first);
}

const ENTRYPOINT_SCRIPT = /entrypoint|\.sh$/i;

/**
 * A user to create where the image has none: `app` with UID 10001, by the base image's own tool
 * (BusyBox adduser on Alpine, useradd on Debian and Ubuntu). Only on the official OS and language
 * images (APP_BASES); not where the image switches user itself (gosu and the like).
 */
function newAccount(df: Dockerfile, final: Stage, image: string | null): Account | null {
  if (!image || image.includes('$') || image === 'scratch') return null;
  const ref = parseImageName(image);
  if (!isDockerHub(ref.registry) || !APP_BASES.has(ref.repository.replace(/^library\//, '')) || NO_NEW_USER_TAG.test(ref.tag ?? '')) return null;
  const distro = stageDistro(df, final);
  let create: string;
  if (distro === 'alpine') create = `adduser -D -u ${NEW_UID} app`;
  else if (distro === 'gnu') create = `useradd --no-log-init --uid ${NEW_UID} --user-group --create-home app`;
  else return null;
  return privileges(df).drops ? null : { user: NEW_UID, who: `a new user "app" (${NEW_UID})`, create };
}

/**
 * USER before the final stage's closing run of metadata instructions (CMD, EXPOSE, ...), so every
 * build step still runs as before; after its last instruction when it ends with a build step.
 */
function userEdit(df: Dockerfile, final: Stage, line: string): Edit {
  const list = final.instructions;
  let first = list.length;
  while (first > 1 && METADATA.has(list[first - 1].keyword)) first--;
  if (first < list.length) return lineBefore(df, list[first], line);
  const last: Instruction = list[list.length - 1];
  const src = df.source;
  const at = src.lineEnd(src.position(Math.max(last.end - 1, last.start)).line);
  return { start: at, end: at, text: `${src.lineEnding}${line}` };
}
