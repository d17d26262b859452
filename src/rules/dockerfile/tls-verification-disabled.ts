import { defineRule } from '../types.js';
import { commandsIn, forEachRunCommandNamed, globalArgDefaults, instructions, runCommandsAssigning, runCommandsWhere, subcommand } from '../helpers/dockerfile.js';
import { isPipOrPython, PIP, pipArgs } from '../helpers/pip.js';
import type { Command, ShellWord } from '../../model/shell/types.js';
import type { Span } from '../../model/source.js';
import { APT_VERIFY, INSTEAD, isOff, isTlsVariable, npmFalse, tlsVariable, yarnFalse, type Tool } from '../helpers/tls.js';
import { aptSettings } from '../helpers/apt.js';
import { setopts } from '../helpers/rpm.js';
import { writtenTlsSettings } from '../helpers/tls-files.js';

// curl's one-letter options that take a value: in a bundle (`-sSLo file`) the rest is that value.
const CURL_SHORT_VALUE = new Set('AbcCdDeEFHKmoPQrtTuUwxXyYz');
const CURL_INSECURE = new Set(['--insecure', '--proxy-insecure', '--doh-insecure']);
const NPM = new Set(['npm', 'pnpm', 'yarn']);
// Builtins that export variables to the rest of the script (`env X=0 cmd` is read as `X=0 cmd`: see wrappers.ts).
const SHELL_SETTERS = new Set(['export', 'declare', 'typeset', 'readonly', 'local']);
const GIT_GLOBAL_VALUE = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env']);

interface Hit {
  span: Span;
  what: string;
  tool: Tool;
  /** For a variable set in a RUN: what it applies to. */
  scope?: string;
  /** A download whose file the same RUN checks afterwards (sha256sum -c, gpg --verify). */
  verified?: boolean;
}

const CHECKSUMS = new Set(['sha256sum', 'sha512sum', 'sha384sum', 'sha1sum', 'md5sum', 'shasum', 'b2sum']);

/** `sha256sum -c`, `shasum -a 256 -c`, `gpg --verify`, `gpgv`: a check that fails the RUN on a changed file. */
function verifies(cmd: Command): boolean {
  if (CHECKSUMS.has(cmd.base)) return cmd.args.some((a) => a.value === '--check' || /^-[a-z]*c[a-z]*$/.test(a.value));
  if (cmd.base === 'gpgv') return true;
  return (cmd.base === 'gpg' || cmd.base === 'gpg2') && cmd.args.some((a) => a.value === '--verify');
}

/** `NAME=value` (an assignment, or an argument of export/declare) that disables verification. */
function variableHit(word: ShellWord, scope: string): Hit | undefined {
  const eq = word.value.indexOf('=');
  if (eq <= 0) return undefined;
  const tool = word.expands ? undefined : tlsVariable(word.value.slice(0, eq), word.value.slice(eq + 1));
  return tool && { span: word, what: word.value, tool, scope };
}

function curlHit(cmd: Command): Hit | undefined {
  const args = cmd.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '--') return undefined;
    if (v.startsWith('--')) {
      if (CURL_INSECURE.has(v)) return { span: args[i], what: `curl ${v}`, tool: 'curl' };
      continue;
    }
    if (v.length < 2 || v[0] !== '-') continue;
    for (let k = 1; k < v.length; k++) {
      if (v[k] === 'k') return { span: args[i], what: `curl ${v}`, tool: 'curl' };
      if (CURL_SHORT_VALUE.has(v[k])) {
        if (k === v.length - 1) i++; // the value is the next word
        break;
      }
    }
  }
  return undefined;
}

const WGETRC_OFF = /^check[_-]?certificate\s*=\s*(?:off|no|0|false)$/i;

function wgetHit(cmd: Command): Hit | undefined {
  // --no-check-certificate, --check-certificate=off, or the wgetrc command `-e check_certificate=off`.
  const w = cmd.args.find((a, i) => a.value === '--no-check-certificate' || /^--check-certificate=(?:off|no|0|false)$/i.test(a.value) ||
    (cmd.args[i - 1]?.value === '-e' && WGETRC_OFF.test(a.value)) || (a.value.startsWith('-e') && WGETRC_OFF.test(a.value.slice(2))));
  return w && { span: w, what: `wget ${w.value}`, tool: 'wget' };
}

function pipHit(cmd: Command): Hit | undefined {
  const args = pipArgs(cmd);
  if (!args) return undefined;
  const pip = PIP.test(cmd.base) ? cmd.base : `${cmd.base} -m pip`;
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '--trusted-host' || v.startsWith('--trusted-host=')) return { span: args[i], what: `${pip} ${v === '--trusted-host' ? `${v} ${args[i + 1]?.value ?? ''}`.trim() : v}`, tool: 'pip' };
    // pip config [--user|--global|--site] set global.trusted-host <host>
    if (v === 'set' && args.slice(0, i).some((a) => a.value === 'config') && /(?:^|\.)trusted-host$/.test(args[i + 1]?.value ?? '')) return { span: args[i + 1], what: `${pip} config set ${args[i + 1].value}`, tool: 'pip' };
  }
  return undefined;
}

/** `npm config set strict-ssl false`, `npm set strict-ssl=false`, `yarn config set enableStrictSsl false`, `--strict-ssl=false`. */
function npmHit(cmd: Command): Hit | undefined {
  const args = cmd.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '--no-strict-ssl' || (v.startsWith('--strict-ssl=') && npmFalse(v.slice(13))) || (v === '--strict-ssl' && npmFalse(args[i + 1]?.value ?? ''))) {
      return { span: args[i], what: `${cmd.base} ${v}`, tool: 'npm' };
    }
    if (v !== 'set') continue;
    const key = args[i + 1];
    if (!key) return undefined;
    const [name, inline] = key.value.includes('=') ? key.value.split('=', 2) : [key.value, args[i + 2]?.value ?? ''];
    if ((name === 'strict-ssl' || name === 'strict_ssl' || name === 'enableStrictSsl') && (name === 'enableStrictSsl' ? yarnFalse(inline) : npmFalse(inline))) {
      return { span: key, what: `${cmd.base} config set ${name} ${inline}`, tool: 'npm' };
    }
  }
  return undefined;
}

/** `git config [--global] http[.<url>].sslVerify false` or `git -c http.sslVerify=false ...`. */
function gitHit(cmd: Command): Hit | undefined {
  const args = cmd.args;
  const isSslVerify = (key: string): boolean => /^http\.(?:.*\.)?sslverify$/i.test(key);
  for (let i = 0; i < args.length && args[i].value.startsWith('-'); i++) {
    const v = args[i].value;
    if (v === '-c') {
      const setting = args[i + 1]?.value ?? '';
      const eq = setting.indexOf('=');
      if (eq > 0 && isSslVerify(setting.slice(0, eq)) && isOff(setting.slice(eq + 1))) return { span: args[i + 1], what: `git -c ${setting}`, tool: 'git' };
    }
    if (GIT_GLOBAL_VALUE.has(v)) i++;
  }
  const sub = subcommand(cmd, GIT_GLOBAL_VALUE);
  if (sub?.word.value !== 'config') return undefined;
  const rest = args.slice(sub.index + 1).filter((a) => !a.value.startsWith('-'));
  for (let i = 0; i + 1 < rest.length; i++) {
    if (isSslVerify(rest[i].value) && isOff(rest[i + 1].value)) return { span: rest[i], what: `git config ${rest[i].value} ${rest[i + 1].value}`, tool: 'git' };
  }
  return undefined;
}

const SSLVERIFY_OFF = /^(?:[\w.*-]+\.)?sslverify=(?:0|false|no|off)$/i;

/** `dnf --setopt=sslverify=0`, `yum --setopt=repo.sslverify=false`. */
function rpmHit(cmd: Command): Hit | undefined {
  const off = setopts(cmd).find((o) => SSLVERIFY_OFF.test(o.setting));
  return off && { span: off.word, what: `${cmd.base} --setopt=${off.setting}`, tool: 'rpm' };
}

/** `apt-get -o Acquire::https::Verify-Peer=false`. */
function aptHit(cmd: Command): Hit | undefined {
  const off = aptSettings(cmd).find((o) => {
    const eq = o.setting.indexOf('=');
    return eq > 0 && APT_VERIFY.test(o.setting.slice(0, eq)) && isOff(o.setting.slice(eq + 1));
  });
  return off && { span: off.word, what: `${cmd.base} -o ${off.setting}`, tool: 'apt' };
}

const BY_COMMAND = new Map<string, (cmd: Command) => Hit | undefined>([
  ['curl', curlHit],
  ['wget', wgetHit],
  ['git', gitHit],
  ...['yum', 'dnf', 'microdnf', 'tdnf'].map((n) => [n, rpmHit] as [string, (cmd: Command) => Hit | undefined]),
  ...['apt-get', 'apt', 'aptitude'].map((n) => [n, aptHit] as [string, (cmd: Command) => Hit | undefined]),
  ...[...NPM].map((n) => [n, npmHit] as [string, (cmd: Command) => Hit | undefined]),
]);

const WITH_ONBUILD = { onbuild: true };

export default defineRule({
  id: 'DF115',
  name: 'tls-verification-disabled',
  aliases: ['CKV2_DOCKER_2', 'CKV2_DOCKER_3', 'CKV2_DOCKER_4', 'CKV2_DOCKER_5', 'CKV2_DOCKER_6', 'CKV2_DOCKER_12', 'CKV2_DOCKER_13', 'CKV2_DOCKER_14', 'CKV2_DOCKER_15', 'CKV2_DOCKER_16'],
  meta: {
    target: 'dockerfile',
    category: 'security',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A download turns off TLS certificate verification (`curl -k`, `wget --no-check-certificate`, `pip --trusted-host`, `strict-ssl false`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, ...).',
      why: 'Without certificate checks anyone on the network path (a proxy, a compromised mirror, public Wi-Fi on a laptop build) can serve a different file, and the build installs it. The switch is usually a workaround for a corporate proxy or a private CA: add that CA to the image instead (COPY it to /usr/local/share/ca-certificates/ and run update-ca-certificates, or give the tool its CA file). An ENV in the image you ship is worse: the running application skips the checks too. Flags curl `-k`/`--insecure` (also inside bundles like `-sSLk`), wget `--no-check-certificate`, pip `--trusted-host` and `pip config set global.trusted-host`, npm/pnpm/yarn `strict-ssl false`, git `http.sslVerify false`, yum/dnf `--setopt=sslverify=0`, apt `-o Acquire::https::Verify-Peer=false`, and the variables NODE_TLS_REJECT_UNAUTHORIZED=0, PYTHONHTTPSVERIFY=0, GIT_SSL_NO_VERIFY, PIP_TRUSTED_HOST, NPM_CONFIG_STRICT_SSL=false, YARN_ENABLE_STRICT_SSL=false and GOINSECURE, set by ENV, ARG or in a RUN. Also flags the same settings written into a config file the tool reads, by echo/printf (`>`, `>>` or `| tee`), `sed -i` or a heredoc (`COPY <<EOF /etc/pip.conf`, `RUN cat > ~/.npmrc <<EOF`): `sslverify=0` in /etc/yum.conf, /etc/dnf/dnf.conf or a .repo file under /etc/yum.repos.d; `Acquire::https::Verify-Peer "false";` or `Verify-Host` (also for one host, and in `Acquire { https { ... }; };` scopes) in /etc/apt/apt.conf or /etc/apt/apt.conf.d/*; `strict-ssl=false` in an .npmrc or <prefix>/etc/npmrc; `strict-ssl false` in .yarnrc and `enableStrictSsl: false` in .yarnrc.yml; `insecure`, `--insecure` or `-k` in .curlrc; `check_certificate = off` in .wgetrc or /etc/wgetrc; `trusted-host` in pip.conf; and `sslVerify = false` under `[http]` in .gitconfig, /etc/gitconfig or a git config file. Values that keep verification on, commented-out lines and text only printed are not reported. There is no automatic fix: the switch is one line of a file the build writes, and deleting it (or its echo) can leave the rest of that file broken or change what else the file sets, so the change is left to you. Checkov reports these as CKV2_DOCKER_2 to _6 and _12 to _16.',
      bad: 'FROM node:20.11-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN curl -sSLk -o /tmp/tool.tgz https://example.com/tool.tgz\n',
      good: 'FROM node:20.11-slim\nCOPY corp-ca.crt /usr/local/share/ca-certificates/\nRUN update-ca-certificates\nENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt\nRUN curl -sSL -o /tmp/tool.tgz https://example.com/tool.tgz\n',
      references: ['https://curl.se/docs/sslcerts.html', 'https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue'],
    },
    messages: {
      run: '`{{what}}` turns off TLS certificate verification, so anyone on the network path can replace what this step downloads; {{instead}}.',
      verified: '`{{what}}` turns off TLS certificate verification: the checksum check later in this RUN still catches a replaced file, but the download is open to anyone on the network path and fails late; {{instead}}.',
      variable: '{{what}} turns off TLS certificate verification for {{scope}}; {{instead}}.',
      file: '`{{what}}` in {{file}} turns off {{tool}}\'s TLS certificate verification, so anyone on the network path can replace what {{tool}} downloads; {{instead}}.',
    },
  },
  check({ df, report }) {
    // The tools' own switches, then variables: a prefix may sit on any command (`NODE_TLS_REJECT_UNAUTHORIZED=0 node seed.js`).
    const hits: Hit[] = [];
    forEachRunCommandNamed(df, BY_COMMAND.keys(), ({ instr, cmd }) => {
      const h = BY_COMMAND.get(cmd.base)!(cmd);
      if (!h) return;
      // curl/wget followed in the same RUN by `sha256sum -c` or `gpg --verify`: the file is still checked.
      if ((cmd.base === 'curl' || cmd.base === 'wget') && commandsIn(df, instr).some((c) => c.start > cmd.start && verifies(c))) h.verified = true;
      hits.push(h);
    });
    for (const { cmd } of runCommandsWhere(df, isPipOrPython, WITH_ONBUILD)) {
      const h = pipHit(cmd);
      if (h) hits.push(h);
    }
    forEachRunCommandNamed(df, SHELL_SETTERS, ({ cmd }) => {
      for (const a of cmd.args) {
        const h = variableHit(a, 'the rest of this RUN');
        if (h) hits.push(h);
      }
    });
    for (const { cmd } of runCommandsAssigning(df, WITH_ONBUILD)) {
      // `X=0 cmd` sets X for cmd only. `X=0` alone sets a shell variable that no command sees unless
      // it is exported (export/declare -x are read above).
      if (cmd.name === '') continue;
      const scope = `this \`${cmd.base}\` command`;
      for (const a of cmd.assignments) {
        const h = variableHit(a, scope);
        if (h) hits.push(h);
      }
    }
    for (const h of hits) {
      report({ messageId: h.scope ? 'variable' : h.verified ? 'verified' : 'run', data: { what: h.what, instead: INSTEAD[h.tool], scope: h.scope ?? '' }, span: h.span });
    }
    for (const h of writtenTlsSettings(df)) {
      report({ messageId: 'file', data: { what: h.setting.what, file: h.file, tool: h.config.name, instead: INSTEAD[h.config.tool] }, span: h.span });
    }
    for (const instr of instructions(df, WITH_ONBUILD)) {
      if (instr.keyword !== 'ENV' && instr.keyword !== 'ARG') continue;
      // An ARG before the first FROM is seen by FROM lines only, not by any RUN (a stage that declares
      // it again is reported there).
      if (instr.stage < 0) continue;
      const shipped = instr.keyword === 'ENV' && instr.parent === null && df.shippedStages.has(instr.stage);
      for (const pair of instr.pairs) {
        if (!isTlsVariable(pair.key)) continue;
        // `ARG X` in a stage takes the default of a global `ARG X=...`.
        const value = pair.hasValue ? df.expand(instr, pair.value) : instr.keyword === 'ARG' ? globalArgDefaults(df).get(pair.key) ?? null : null;
        const tool = value === null ? undefined : tlsVariable(pair.key, value);
        if (!tool) continue;
        report({
          messageId: 'variable',
          data: {
            what: `${instr.keyword} ${pair.key}=${value}`,
            instead: INSTEAD[tool],
            scope: shipped ? 'every later build step and for the running container' : 'every later build step',
          },
          span: pair.span,
        });
      }
    }
  },
});
