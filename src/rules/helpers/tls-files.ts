/**
 * Tool config files that can turn TLS certificate verification off, and how to find the setting in
 * text written to them (`sslverify=0` in /etc/dnf/dnf.conf, `strict-ssl=false` in ~/.npmrc, ...).
 */
import { dataHeredocs, findIn, heredocFiles, linesOf, outputFiles, sedEdit, sedWrites, within } from './written-files.js';
import { forEachRunCommandNamed } from './dockerfile.js';
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import type { Command, ShellWord } from '../../model/shell/types.js';
import type { Span } from '../../model/source.js';
import { APT_VERIFY, isOff, npmFalse, yarnFalse, type Tool } from './tls.js';
import { table } from '../../table.js';

/** A setting found in written text: its offset and exact text there, its key (to find it again) and how to name it. */
export interface TlsSetting {
  at: number;
  text: string;
  key: string;
  what: string;
}

export interface TlsConfig {
  tool: Tool;
  /** The tool as the message names it. */
  name: string;
  find: (text: string) => TlsSetting | undefined;
}

const unquote = (v: string): string => v.replace(/^(["'])(.*)\1$/, '$2');

/**
 * The first line (comments skipped) where `re` matches and `off` holds for its value: group 1 is
 * the key, group 2 the value.
 */
function lineSetting(text: string, re: RegExp, off: (value: string) => boolean): TlsSetting | undefined {
  for (const { line, at } of linesOf(text)) {
    const m = re.exec(line);
    if (!m || !off(unquote((m[2] ?? '').trim()))) continue;
    const setting = m[0].trim();
    return { at: at + line.indexOf(setting), text: setting, key: m[1], what: setting };
  }
  return undefined;
}

const RPM = /^\s*(sslverify)\s*=\s*(\S+)\s*$/i;
// (Values are trimmed in code: `\s*(.*?)\s*$` backtracks quadratically on a long run of spaces.)
const NPMRC = /^\s*(strict-ssl)\s*=(.*)$/;
// Yarn 1's .yarnrc: `strict-ssl false` (its own lockfile-like syntax; the key may be quoted).
const YARNRC = /^\s*("?strict-ssl"?)\s+(\S+)\s*$/;
const YARNRC_YML = /^(enableStrictSsl)\s*:\s*(\S+?)\s*(?:#.*)?$/;
// curl reads long options without their dashes; a boolean one alone on its line turns it on.
const CURLRC = /^\s*((?:--)?(?:proxy-|doh-)?insecure|-k)\s*$/;
// wgetrc ignores case and `_`/`-` in names.
const WGETRC = /^\s*(check[_-]?certificate)\s*=\s*(\S+)\s*$/i;
const PIP = /^\s*(trusted[-_]host)\s*[=:](.*)$/i;

/** pip's `trusted-host =` with the hosts on the indented lines below it counts too. */
function pipConf(text: string): TlsSetting | undefined {
  const lines = linesOf(text);
  for (let i = 0; i < lines.length; i++) {
    const { line, at } = lines[i];
    const m = PIP.exec(line);
    const value = m?.[2].trim();
    if (!m || (value === '' && !/^\s+\S/.test(lines[i + 1]?.line ?? ''))) continue;
    const setting = m[0].trim();
    return { at: at + line.indexOf(setting), text: setting, key: m[1], what: value === '' ? `${setting} ${lines[i + 1].line.trim()}` : setting };
  }
  return undefined;
}

/** `sslVerify = false` under `[http]` or `[http "https://host/"]`. */
function gitconfig(text: string): TlsSetting | undefined {
  let http = false;
  for (const { line, at } of linesOf(text)) {
    let rest = line;
    let offset = at;
    const section = /^\s*\[\s*([\w.-]+)(?:\s+"[^"]*")?\s*\]/.exec(line);
    if (section) {
      http = section[1].toLowerCase() === 'http';
      rest = line.slice(section[0].length);
      offset += section[0].length;
    }
    if (!http) continue;
    // A key without `= value` is true; a value may carry a comment.
    const m = /^(\s*)((sslverify)\s*=\s*("[^"]*"|[^#;\s]*))\s*(?:[#;].*)?$/i.exec(rest);
    if (m && isOff(unquote(m[4]))) return { at: offset + m[1].length, text: m[2], key: m[3], what: `[http] ${m[2]}` };
  }
  return undefined;
}

// apt.conf tokens: comments, quoted values, braces and semicolons, and bare words.
const APT_TOKEN = /\/\/[^\n]*|#[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|"[^"]*"?|[{};]|[^\s{};"]+/g;

/**
 * apt.conf: `Acquire::https::Verify-Peer "false";`, also in scopes (`Acquire { https { Verify-Peer "false"; }; };`)
 * and for one host (`Acquire::https::repo.example.com::Verify-Peer "false";`).
 */
function aptConf(text: string): TlsSetting | undefined {
  const scopes: string[] = [];
  let name: { value: string; at: number } | undefined;
  APT_TOKEN.lastIndex = 0;
  for (let m = APT_TOKEN.exec(text); m; m = APT_TOKEN.exec(text)) {
    const t = m[0];
    if (t.startsWith('//') || t.startsWith('#') || t.startsWith('/*')) continue;
    if (t === '{') scopes.push(name?.value ?? '');
    else if (t === '}') scopes.pop();
    else if (t !== ';' && !name) {
      name = { value: unquote(t), at: m.index };
      continue;
    } else if (t !== ';' && name) {
      const key = [...scopes, name.value].filter((s) => s !== '').join('::');
      if (APT_VERIFY.test(key) && isOff(unquote(t))) {
        const setting = text.slice(name.at, m.index + t.length);
        return { at: name.at, text: setting, key: name.value, what: `${key} ${t}` };
      }
    }
    name = undefined;
  }
  return undefined;
}

const CONFIGS = table<TlsConfig>({
  rpm: { tool: 'rpm', name: 'yum/dnf', find: (t) => lineSetting(t, RPM, isOff) },
  apt: { tool: 'apt', name: 'apt', find: aptConf },
  npm: { tool: 'npm', name: 'npm', find: (t) => lineSetting(t, NPMRC, npmFalse) },
  yarn: { tool: 'npm', name: 'Yarn', find: (t) => lineSetting(t, YARNRC, (v) => yarnFalse(v.toLowerCase())) },
  yarnBerry: { tool: 'yarn', name: 'Yarn', find: (t) => lineSetting(t, YARNRC_YML, yarnFalse) },
  curl: { tool: 'curl', name: 'curl', find: (t) => lineSetting(t, CURLRC, () => true) },
  wget: { tool: 'wget', name: 'wget', find: (t) => lineSetting(t, WGETRC, isOff) },
  pip: { tool: 'pip', name: 'pip', find: pipConf },
  git: { tool: 'git', name: 'git', find: gitconfig },
});

/** File names and, for some, the directory they must sit in (`etc/npmrc` is npm's global config, not any `npmrc`). */
const BY_NAME = new Map<string, { config: TlsConfig; parent?: string }>([
  ['yum.conf', { config: CONFIGS.rpm }],
  ['dnf.conf', { config: CONFIGS.rpm }],
  ['tdnf.conf', { config: CONFIGS.rpm }],
  ['apt.conf', { config: CONFIGS.apt }],
  ['.npmrc', { config: CONFIGS.npm }],
  ['npmrc', { config: CONFIGS.npm, parent: 'etc' }],
  ['.yarnrc', { config: CONFIGS.yarn }],
  ['.yarnrc.yml', { config: CONFIGS.yarnBerry }],
  ['.curlrc', { config: CONFIGS.curl }],
  ['curlrc', { config: CONFIGS.curl, parent: '.config' }],
  ['.wgetrc', { config: CONFIGS.wget }],
  ['wgetrc', { config: CONFIGS.wget, parent: 'etc' }],
  ['pip.conf', { config: CONFIGS.pip }],
  ['.gitconfig', { config: CONFIGS.git }],
  ['gitconfig', { config: CONFIGS.git, parent: 'etc' }],
]);

/**
 * The config whose TLS setting a file at `path` holds (as written: `~/.npmrc`, `$HOME/.curlrc`,
 * `/etc/apt/apt.conf.d/99insecure`), if it is one the tool reads.
 */
export function tlsConfigFile(path: string): TlsConfig | undefined {
  const slash = path.lastIndexOf('/');
  const base = path.slice(slash + 1);
  const dir = slash < 0 ? '' : path.slice(0, slash);
  const parent = dir.slice(dir.lastIndexOf('/') + 1);
  const known = BY_NAME.get(base);
  if (known) return known.parent === undefined || known.parent === parent ? known.config : undefined;
  if (parent === 'apt.conf.d') return CONFIGS.apt;
  if (base.endsWith('.repo')) return parent === 'yum.repos.d' || parent === 'distro.repos.d' ? CONFIGS.rpm : undefined;
  // git's per-user file (~/.config/git/config) and a repository's (.git/config).
  if (base === 'config' && (parent === '.git' || dir.endsWith('.config/git'))) return CONFIGS.git;
  return undefined;
}

/** A TLS setting written into a config file, at the setting's text. */
export interface FileHit {
  span: Span;
  setting: TlsSetting;
  config: TlsConfig;
  file: string;
}

/** The first of `files` that is a config file with a TLS setting. */
function configOf(files: readonly string[]): { config: TlsConfig; file: string } | undefined {
  for (const file of files) {
    const config = tlsConfigFile(file);
    if (config) return { config, file };
  }
  return undefined;
}

// The escapes echo and printf turn into line breaks and tabs.
const lineBreaks = (text: string): string => text.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
const ECHO_OPTION = /^-[neE]+$/;

/** Where a setting found in the text of `words` sits: the setting, else its key, else the words. */
const locate = (df: Dockerfile, words: readonly ShellWord[], s: TlsSetting): Span => findIn(df, words, s.text) ?? within(df, words, s.key);

/**
 * Settings written into a tool's config file: `echo sslverify=0 >> /etc/yum.conf`,
 * `sed -i 's/strict-ssl=true/strict-ssl=false/' ~/.npmrc`, `COPY <<EOF /etc/apt/apt.conf.d/99x`.
 * The text is only read when the command writes to a file the tool reads.
 */
export function writtenTlsSettings(df: Dockerfile): FileHit[] {
  const hits: FileHit[] = [];
  forEachRunCommandNamed(df, ['echo', 'printf', 'sed'], ({ instr, cmd }) => {
    const h = cmd.base === 'sed' ? sedHit(df, cmd) : echoHit(df, instr, cmd);
    if (h) hits.push(h);
  });
  for (const { instr, hd } of dataHeredocs(df)) {
    const target = configOf(heredocFiles(df, instr, hd));
    const s = target?.config.find(hd.body);
    if (target && s) hits.push({ span: { start: hd.bodySpan.start + s.at, end: hd.bodySpan.start + s.at + s.text.length }, setting: s, ...target });
  }
  return hits;
}

/** `sed -i 's/sslverify=1/sslverify=0/' /etc/yum.conf`: what its scripts put in. */
function sedHit(df: Dockerfile, cmd: Command): FileHit | undefined {
  const edit = sedEdit(cmd);
  const target = edit && configOf(edit.files.map((w) => w.value));
  if (!edit || !target) return undefined;
  for (const w of edit.scripts) {
    for (const text of sedWrites(w.value)) {
      const s = target.config.find(lineBreaks(text).replace(/\\(.)/g, '$1'));
      if (s) return { span: locate(df, [w], s), setting: s, ...target };
    }
  }
  return undefined;
}

/** `echo strict-ssl=false >> ~/.npmrc`, `printf '...' | tee /etc/pip.conf`: the words printed. */
function echoHit(df: Dockerfile, instr: Instruction, cmd: Command): FileHit | undefined {
  // Cheap test first: most echo and printf commands write to the terminal.
  if (cmd.redirects.length === 0 && cmd.after !== '|' && cmd.group === undefined) return undefined;
  const target = configOf(outputFiles(df, df.script(instr).commands, cmd).map((w) => w.value));
  if (!target) return undefined;
  let first = 0;
  while (cmd.base === 'echo' && first < cmd.args.length && ECHO_OPTION.test(cmd.args[first].value)) first++;
  const words = cmd.args.slice(first);
  const s = words.length > 0 ? target.config.find(lineBreaks(words.map((a) => a.value).join(' '))) : undefined;
  return s && { span: locate(df, words, s), setting: s, ...target };
}
