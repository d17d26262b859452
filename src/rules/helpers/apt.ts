import type { Command, ShellWord } from '../../model/shell/types.js';

const SIMULATE_LONG = new Set(['--simulate', '--just-print', '--dry-run', '--recon', '--no-act']);
// A bundle of short options with `s` in it (`-s`, `-qs`): nothing but letters, so `-oFoo=s` is not one.
const SIMULATE_SHORT = /^-[a-zA-Z]*s[a-zA-Z]*$/;

/**
 * Does this apt-get command only simulate (`apt-get install -s pkg`, a probe for whether a package
 * is available)? It installs nothing, so the rules about what an install does leave it alone.
 */
export function aptSimulates(cmd: Command): boolean {
  for (const a of cmd.args) {
    const v = a.value;
    // Packages are most of the words: they are passed over on their first character.
    if (v.charCodeAt(0) !== 0x2d /* - */) continue;
    if (v === '--') return false;
    if (SIMULATE_LONG.has(v) || (v.charCodeAt(1) !== 0x2d /* - */ && SIMULATE_SHORT.test(v))) return true;
  }
  return false;
}

/**
 * The `Name=value` settings an apt command is given with `-o` (`-o X=1`, `-oX=1`, `--option X=1`,
 * `--option=X=1`), each with the word that holds it.
 */
export function aptSettings(cmd: Command): Array<{ setting: string; word: ShellWord }> {
  const out: Array<{ setting: string; word: ShellWord }> = [];
  const args = cmd.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if ((v === '-o' || v === '--option') && i + 1 < args.length) out.push({ setting: args[i + 1].value, word: args[++i] });
    else if (v.startsWith('--option=')) out.push({ setting: v.slice(9), word: args[i] });
    else if (v.startsWith('-o') && v.length > 2 && !v.startsWith('--')) out.push({ setting: v.slice(2), word: args[i] });
  }
  return out;
}
