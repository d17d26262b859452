/** zypper's command line, shared by the zypper-* rules. */
import type { Command } from '../../model/shell/types.js';
import { subcommand } from './dockerfile.js';

// zypper global options whose value is the next word.
const GLOBAL_VALUE = [
  '-R', '--root', '-c', '--config', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir',
  '--pkg-cache-dir', '--userdata', '--installroot', '-p', '--plus-repo', '--plus-content',
];

/** The subcommand of a zypper command (after its global options), with its index in `cmd.args`. */
export function zypperSubcommand(cmd: Command): ReturnType<typeof subcommand> {
  return subcommand(cmd, GLOBAL_VALUE);
}
