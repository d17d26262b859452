/**
 * Compose variable interpolation: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?message}`, `${VAR?message}`, `${VAR:+alt}`, `${VAR+alt}` and `$$`. A value that depends on
 * a variable that is not set (and has no default) is *unknown*: rules never treat it as a violation.
 */

export interface Interpolated {
  value: string;
  /** A `$` reference was present (an escaped `$$` alone does not count). */
  used: boolean;
  unknown: boolean;
  /** Syntax problem (`${` without a closing brace, `${}`...), with the offset in the input. */
  error?: { message: string; offset: number };
}

/** Defaults nested deeper than this are an error: each level re-reads the text inside it, and recursion has to stop somewhere. */
const MAX_DEPTH = 32;

const NAME_START = /[A-Za-z_]/;
const NAME = /[A-Za-z0-9_]/;

export function interpolate(input: string, env: ReadonlyMap<string, string>): Interpolated {
  if (!input.includes('$')) return { value: input, used: false, unknown: false };
  const st = { used: false, unknown: false, error: undefined as Interpolated['error'] };
  const value = expand(input, 0, input.length, env, st, 0);
  return { value, used: st.used, unknown: st.unknown, ...(st.error ? { error: st.error } : {}) };
}

interface State {
  used: boolean;
  unknown: boolean;
  error: Interpolated['error'];
}

function expand(s: string, from: number, to: number, env: ReadonlyMap<string, string>, st: State, level: number): string {
  let out = '';
  let i = from;
  while (i < to) {
    const c = s[i];
    if (c !== '$' || i + 1 >= to) {
      out += c;
      i++;
      continue;
    }
    const n = s[i + 1];
    if (n === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (NAME_START.test(n)) {
      let j = i + 1;
      while (j < to && NAME.test(s[j])) j++;
      st.used = true;
      const v = env.get(s.slice(i + 1, j));
      if (v === undefined) st.unknown = true;
      else out += v;
      i = j;
      continue;
    }
    if (n !== '{') {
      out += c;
      i++;
      continue;
    }
    // ${...}: find the matching brace, honouring nested ${...}.
    let depth = 1;
    let j = i + 2;
    while (j < to && depth > 0) {
      if (s[j] === '$' && s[j + 1] === '{') { depth++; j += 2; continue; }
      if (s[j] === '}') depth--;
      if (depth > 0) j++;
    }
    if (depth > 0) {
      st.error ??= { message: `"\${" has no closing "}"`, offset: i };
      out += s.slice(i, to);
      return out;
    }
    if (level >= MAX_DEPTH) {
      st.error ??= { message: `interpolation nested more than ${MAX_DEPTH} levels deep`, offset: i };
      out += s.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const body = s.slice(i + 2, j);
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([\s\S]*))?$/.exec(body);
    if (!m) {
      st.error ??= { message: `invalid interpolation "\${${body}}": expected a variable name, optionally followed by :-, -, :?, ?, :+ or +`, offset: i };
      out += s.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    st.used = true;
    const [, name, op, rest] = m;
    const v = env.get(name);
    const restStart = i + 2 + name.length + (op?.length ?? 0);
    const sub = () => expand(s, restStart, j, env, st, level + 1);
    switch (op) {
      case undefined:
        if (v === undefined) st.unknown = true;
        else out += v;
        break;
      case ':-':
        out += v === undefined || v === '' ? sub() : v;
        break;
      case '-':
        out += v === undefined ? sub() : v;
        break;
      case ':?':
        if (v === undefined || v === '') st.unknown = true;
        else out += v;
        break;
      case '?':
        if (v === undefined) st.unknown = true;
        else out += v;
        break;
      case ':+':
        if (v !== undefined && v !== '') out += sub();
        break;
      case '+':
        if (v !== undefined) out += sub();
        break;
    }
    void rest;
    i = j + 1;
  }
  return out;
}

/** Parse a `.env` file: `KEY=value`, `export KEY=value`, quotes, comments; values may use earlier keys. */
export function parseDotenv(text: string, base: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const out = new Map<string, string>();
  const lookup = new Map(base);
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    const [, key, rawValue] = m;
    let value: string;
    if (rawValue.startsWith("'")) {
      const end = rawValue.indexOf("'", 1);
      value = end > 0 ? rawValue.slice(1, end) : rawValue.slice(1);
    } else if (rawValue.startsWith('"')) {
      const end = rawValue.indexOf('"', 1);
      value = (end > 0 ? rawValue.slice(1, end) : rawValue.slice(1)).replace(/\\n/g, '\n').replace(/\\"/g, '"');
      value = interpolate(value, lookup).value;
    } else {
      value = rawValue.replace(/\s+#.*$/, '').trim();
      value = interpolate(value, lookup).value;
    }
    out.set(key, value);
    if (!base.has(key)) lookup.set(key, value);
  }
  return out;
}

/**
 * Variables that describe the machine the linter runs on, not the one the project is deployed to
 * (a CI runner as root has HOME=/root): taken from the linter's environment they would make
 * findings differ between machines, so they are left unset there, and `${HOME}` is unknown as any
 * unset variable is. A `.env` file that sets them still counts.
 */
const HOST_SPECIFIC = new Set(['HOME', 'USER', 'USERNAME', 'LOGNAME', 'PWD', 'OLDPWD', 'HOSTNAME', 'HOST', 'SHELL', 'UID', 'GID', 'EUID', 'TMPDIR', 'TEMP', 'TMP', 'XDG_RUNTIME_DIR', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'COMPUTERNAME']);

/** The linter's environment without the variables that describe its own host (see HOST_SPECIFIC). */
export function withoutHostVariables(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) if (!HOST_SPECIFIC.has(k.toUpperCase())) out[k] = v;
  return out;
}
