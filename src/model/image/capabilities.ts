/**
 * Decodes the `security.capability` xattr (Linux `struct vfs_cap_data`) into libcap's text form,
 * e.g. `cap_net_bind_service=ep`. Layout, little-endian u32s: magic_etc (revision in the top byte,
 * bit 0 = effective), then {permitted, inheritable} pairs (one for revision 1, two for 2 and 3),
 * then for revision 3 the namespace root uid.
 */

/** Capability numbers from linux/capability.h, in order. */
export const CAPABILITY_NAMES = [
  'chown', 'dac_override', 'dac_read_search', 'fowner', 'fsetid', 'kill', 'setgid', 'setuid', 'setpcap',
  'linux_immutable', 'net_bind_service', 'net_broadcast', 'net_admin', 'net_raw', 'ipc_lock', 'ipc_owner',
  'sys_module', 'sys_rawio', 'sys_chroot', 'sys_ptrace', 'sys_pacct', 'sys_admin', 'sys_boot', 'sys_nice',
  'sys_resource', 'sys_time', 'sys_tty_config', 'mknod', 'lease', 'audit_write', 'audit_control', 'setfcap',
  'mac_override', 'mac_admin', 'syslog', 'wake_alarm', 'block_suspend', 'audit_read', 'perfmon', 'bpf',
  'checkpoint_restore',
].map((n) => `cap_${n}`);

const REVISION_MASK = 0xff000000;
const FLAG_EFFECTIVE = 0x000001;
const REVISIONS: Record<number, { words: number; bytes: number }> = {
  0x01000000: { words: 1, bytes: 12 },
  0x02000000: { words: 2, bytes: 20 },
  0x03000000: { words: 2, bytes: 24 },
};

/** Text form of a capability xattr, or undefined when the bytes are not a valid structure. */
export function decodeVfsCapability(data: Uint8Array): string | undefined {
  if (data.length < 4) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const magic = view.getUint32(0, true);
  const rev = REVISIONS[(magic & REVISION_MASK) >>> 0];
  if (!rev || data.length < rev.bytes) return undefined;
  const effective = (magic & FLAG_EFFECTIVE) !== 0;
  // Group capabilities by their flag letters, as getcap prints them: `a,b=ep c=p`.
  const groups = new Map<string, string[]>();
  for (let word = 0; word < rev.words; word++) {
    const permitted = view.getUint32(4 + word * 8, true);
    const inheritable = view.getUint32(8 + word * 8, true);
    for (let bit = 0; bit < 32; bit++) {
      const p = (permitted >>> bit) & 1;
      const i = (inheritable >>> bit) & 1;
      if (!p && !i) continue;
      const flags = `${effective ? 'e' : ''}${i ? 'i' : ''}${p ? 'p' : ''}`;
      const n = word * 32 + bit;
      const name = CAPABILITY_NAMES[n] ?? `cap_${n}`;
      const list = groups.get(flags);
      if (list) list.push(name);
      else groups.set(flags, [name]);
    }
  }
  const parts = [...groups].map(([flags, names]) => `${names.join(',')}=${flags}`);
  if (rev.bytes === 24) {
    const rootid = view.getUint32(20, true);
    if (rootid !== 0) parts.push(`[rootid=${rootid}]`);
  }
  return parts.length ? parts.join(' ') : '';
}
