/** Is a USER value (`root`, `0`, `root:x`, `0:0`) the root account? */
export function isRootUser(user: string): boolean {
  const u = user.split(':', 1)[0].trim();
  return u === 'root' || u === '0';
}
