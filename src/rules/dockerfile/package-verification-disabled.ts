import { defineRule } from '../types.js';
import { forEachRunCommandNamed, positionals, subcommand } from '../helpers/dockerfile.js';
import { aptSettings } from '../helpers/apt.js';
import { RPM_VALUE_FLAGS, setopts } from '../helpers/rpm.js';
import { indexFamily } from '../helpers/package-index.js';
import type { Command, ShellWord } from '../../model/shell/types.js';
import type { Span } from '../../model/source.js';
import type { Dockerfile, Heredoc } from '../../model/dockerfile/types.js';
import { dataHeredocs, linesOf, sedEdit, sedWrites, within } from '../helpers/written-files.js';

const APT = new Set(['apt-get', 'apt', 'aptitude']);
const RPM_TOOLS = new Set(['yum', 'dnf', 'microdnf', 'tdnf', 'yum-config-manager']);
const APT_FLAGS = new Set(['--allow-unauthenticated', '--allow-insecure-repositories', '--force-yes']);
// `-o Name=value` settings that do the same as those flags.
const APT_OPTIONS = /^(?:APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|APT::Get::force-yes)=(?:true|yes|1|on)$/i;
const RPM_SKIPS = new Set(['--nosignature', '--nodigest', '--noverify', '--nofiledigest']);
const GPG_OFF = /^(?:[\w.*-]+\.)?(?:gpgcheck|repo_gpgcheck)=(?:0|false|no|off)$/i;
const APK_VALUE = indexFamily('apk')!.valueFlags;
// An apt sources entry that trusts a repository without signatures: `deb [trusted=yes] https://...`.
const TRUSTED_SOURCE = /\bdeb(?:-src)?\s+\[([^\]]*)\]\s*(\S+)/;
const TRUSTING_OPTION = /\b(?:trusted|allow-insecure|allow-weak|allow-downgrade-to-insecure)=yes\b/;
// A package file on disk (built or downloaded earlier), not one fetched from a repository.
// (a package file, a path, or a file: URL; repository package names have no slash)
const LOCAL_PACKAGE = /^(?:file:|(?![a-z][a-z0-9+.-]*:\/\/)(?:\S*\.(?:apk|rpm)$|\S*\/))/i;

interface Hit {
  span: Span;
  what: string;
  instead: string;
}

const APT_INSTEAD = 'import the repository\'s signing key (a keyring under /etc/apt/keyrings and `signed-by=` in the sources entry) instead';
const RPM_INSTEAD = 'import the repository\'s GPG key (`rpm --import <key>` or `gpgkey=` in the .repo file) instead';

/** Every operand is a package file on disk: verifying it is the job of the step that fetched or built it. */
function onlyLocalFiles(words: ShellWord[]): boolean {
  return words.length > 0 && words.every((w) => LOCAL_PACKAGE.test(w.value));
}

function aptHit(cmd: Command): Hit | undefined {
  const flag = cmd.args.find((a) => APT_FLAGS.has(a.value));
  if (flag) return { span: flag, what: `${cmd.base} ${flag.value}`, instead: APT_INSTEAD };
  const on = aptSettings(cmd).find((o) => APT_OPTIONS.test(o.setting));
  return on && { span: on.word, what: `${cmd.base} -o ${on.setting}`, instead: APT_INSTEAD };
}

function apkHit(cmd: Command): Hit | undefined {
  const flag = cmd.args.find((a) => a.value === '--allow-untrusted');
  const sub = subcommand(cmd, APK_VALUE);
  if (!flag || !sub || sub.word.value !== 'add') return undefined;
  if (onlyLocalFiles(positionals(cmd.args.slice(sub.index + 1), APK_VALUE))) return undefined;
  return { span: flag, what: 'apk add --allow-untrusted', instead: 'add the repository\'s public key to /etc/apk/keys instead' };
}

function yumHit(cmd: Command): Hit | undefined {
  const args = cmd.args;
  const found = args.find((a) => a.value === '--nogpgcheck' || a.value === '--no-gpgchecks') ?? setopts(cmd).find((o) => GPG_OFF.test(o.setting))?.word;
  if (!found) return undefined;
  const sub = subcommand(cmd, RPM_VALUE_FLAGS);
  if (sub && onlyLocalFiles(positionals(args.slice(sub.index + 1), RPM_VALUE_FLAGS))) return undefined;
  return { span: found, what: `${cmd.base} ${found.value}`, instead: RPM_INSTEAD };
}

function rpmHit(cmd: Command): Hit | undefined {
  const flag = cmd.args.find((a) => RPM_SKIPS.has(a.value));
  if (!flag) return undefined;
  // Only installs and upgrades from a URL: a local file's check belongs to the step that fetched it.
  const remote = cmd.args.some((a) => /^(?:https?|ftp):\/\//.test(a.value));
  return remote ? { span: flag, what: `rpm ${flag.value}`, instead: RPM_INSTEAD } : undefined;
}

/** `echo 'deb [trusted=yes] https://...' > /etc/apt/sources.list.d/x.list`, `echo gpgcheck=0 >> x.repo`. */
function writtenConfigHit(df: Dockerfile, cmd: Command): Hit | undefined {
  const args = cmd.args;
  // Both settings have an `=`; most echoed words have none.
  if (!args.some((a) => a.value.includes('='))) return undefined;
  // An unquoted `echo deb [trusted=yes] https://...` spreads the entry over several words.
  const text = args.map((a) => a.value).join(' ');
  const m = TRUSTED_SOURCE.exec(text);
  if (m && TRUSTING_OPTION.test(m[1]) && !/^(?:file|copy|cdrom):/.test(m[2])) {
    const option = TRUSTING_OPTION.exec(m[1])![0];
    return { span: within(df, args, option), what: `[${m[1].trim()}] ${m[2]}`, instead: APT_INSTEAD };
  }
  if (!text.includes('gpgcheck')) return undefined;
  const lines = text.split(/\\n|\n/).map((l) => l.trim());
  // A .repo section for a file:// repository: packages on disk, like apt's file: sources.
  if (lines.some((l) => /^baseurl\s*=\s*file:/.test(l))) return undefined;
  for (const setting of lines) {
    if (GPG_OFF.test(setting)) return { span: within(df, args, setting), what: setting, instead: RPM_INSTEAD };
  }
  return undefined;
}

/** A sources or .repo line that turns the check off: `deb [trusted=yes] https://...`, deb822 `Trusted: yes`, `gpgcheck=0`. */
function configLineHit(line: string): { setting: string; what: string; instead: string } | undefined {
  const m = TRUSTED_SOURCE.exec(line);
  if (m && TRUSTING_OPTION.test(m[1]) && !/^(?:file|copy|cdrom):/.test(m[2])) {
    return { setting: TRUSTING_OPTION.exec(m[1])![0], what: `[${m[1].trim()}] ${m[2]}`, instead: APT_INSTEAD };
  }
  if (/^Trusted:\s*yes$/i.test(line)) return { setting: line, what: line, instead: APT_INSTEAD };
  if (GPG_OFF.test(line)) return { setting: line, what: line, instead: RPM_INSTEAD };
  return undefined;
}

/**
 * A heredoc that writes a sources list or .repo file (`COPY <<EOF /etc/yum.repos.d/x.repo`,
 * `RUN cat > /etc/apt/sources.list.d/x.list <<EOF`) with a line that turns the check off.
 */
function heredocHit(hd: Heredoc): Hit | undefined {
  const lines = linesOf(hd.body);
  if (lines.some((l) => /^\s*baseurl\s*=\s*file:/.test(l.line))) return undefined;
  for (const { line: raw, at } of lines) {
    const line = raw.trim();
    const hit = line.includes('=') || line.includes(':') ? configLineHit(line) : undefined;
    if (hit) {
      const start = hd.bodySpan.start + at + raw.indexOf(hit.setting);
      return { span: { start, end: start + hit.setting.length }, what: hit.what, instead: hit.instead };
    }
  }
  return undefined;
}

/** `sed -i 's/gpgcheck=1/gpgcheck=0/' /etc/yum.conf`, `sed -i 's/^deb /deb [trusted=yes] /' /etc/apt/sources.list`. */
function sedHit(df: Dockerfile, cmd: Command): Hit | undefined {
  for (const w of sedEdit(cmd)?.scripts ?? []) {
    for (const text of sedWrites(w.value)) {
      const written = text.replace(/\\(.)/g, '$1');
      const opt = /\[([^\]]*)\]/.exec(written);
      if (opt && TRUSTING_OPTION.test(opt[1]) && (written.includes('deb') || w.value.includes('deb'))) {
        const setting = TRUSTING_OPTION.exec(opt[1])![0];
        return { span: within(df, [w], setting), what: `[${opt[1].trim()}]`, instead: APT_INSTEAD };
      }
      for (const line of written.split(/\\n|\n/)) {
        const setting = line.trim();
        if (GPG_OFF.test(setting)) return { span: within(df, [w], setting), what: setting, instead: RPM_INSTEAD };
      }
    }
  }
  return undefined;
}

function commandHit(df: Dockerfile, cmd: Command): Hit | undefined {
  const base = cmd.base;
  if (APT.has(base)) return aptHit(cmd);
  if (base === 'apk') return apkHit(cmd);
  if (RPM_TOOLS.has(base)) return yumHit(cmd);
  if (base === 'rpm') return rpmHit(cmd);
  if (base === 'sed') return sedHit(df, cmd);
  return writtenConfigHit(df, cmd);
}

const WATCHED = [...APT, ...RPM_TOOLS, 'apk', 'rpm', 'echo', 'printf', 'sed'];

export default defineRule({
  id: 'DF116',
  name: 'package-verification-disabled',
  aliases: ['CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11'],
  meta: {
    target: 'dockerfile',
    category: 'security',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A package manager installs without checking signatures (`apt-get --allow-unauthenticated`, `apk add --allow-untrusted`, `dnf --nogpgcheck`, `deb [trusted=yes] https://...`, `gpgcheck=0`).',
      why: 'Package signatures are what prove that a package comes from its publisher and not from a compromised mirror or a proxy in the middle. Turning the check off makes every install from that repository a blind download run as root. Import the repository\'s signing key instead (a keyring with `signed-by=` for apt, /etc/apk/keys for apk, `rpm --import` or `gpgkey=` for rpm). Flags apt-get/apt `--allow-unauthenticated`, `--allow-insecure-repositories`, `--force-yes` and their `-o` settings; `apk add --allow-untrusted`; yum/dnf/microdnf/tdnf `--nogpgcheck` and `--setopt=gpgcheck=0`; rpm `--nosignature`/`--nodigest`/`--noverify`/`--nofiledigest` on a URL; and sources or .repo lines written with echo/printf, `sed -i` or a heredoc (`deb [trusted=yes] https://...`, deb822 `Trusted: yes`, `gpgcheck=0`). Installing package files from disk (`apk add --allow-untrusted /tmp/pkgs/*.apk`, a `file:` repository) is not reported: those were built or downloaded by an earlier step, which is where their check belongs. Checkov reports these as CKV2_DOCKER_7 to _11.',
      bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --allow-unauthenticated vendor-tool && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:12-slim\nCOPY vendor.gpg /etc/apt/keyrings/vendor.gpg\nRUN echo "deb [signed-by=/etc/apt/keyrings/vendor.gpg] https://apt.vendor.example stable main" > /etc/apt/sources.list.d/vendor.list \\\n && apt-get update && apt-get install -y vendor-tool && rm -rf /var/lib/apt/lists/*\n',
      references: ['https://wiki.debian.org/DebianRepository/UseThirdParty'],
    },
    messages: {
      disabled: '`{{what}}` installs packages without checking their signatures, so a compromised mirror or a proxy can replace them; {{instead}}.',
    },
  },
  check({ df, report }) {
    forEachRunCommandNamed(df, WATCHED, ({ cmd }) => {
      const h = commandHit(df, cmd);
      if (h) report({ messageId: 'disabled', data: { what: h.what, instead: h.instead }, span: h.span });
    });
    for (const { hd } of dataHeredocs(df)) {
      const h = heredocHit(hd);
      if (h) report({ messageId: 'disabled', data: { what: h.what, instead: h.instead }, span: h.span });
    }
  },
});
