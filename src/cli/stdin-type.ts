/**
 * What stdin holds when `--type` is not given: a Compose file when its first line that is not blank
 * or a comment is YAML's (a `key:`, `---`, a `%` directive or a JSON `{`), else a Dockerfile, whose
 * instructions are never followed by a colon.
 */
export function guessStdinType(text: string): 'dockerfile' | 'compose' {
  for (const line of text.split(/\r?\n|\r/, 2000)) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    return /^(?:---(?:\s|$)|%|\{|["']?[A-Za-z_][\w.-]*["']?\s*:(?:\s|$))/.test(t) ? 'compose' : 'dockerfile';
  }
  return 'dockerfile';
}
