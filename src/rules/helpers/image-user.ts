/**
 * Who the container runs as, in numbers: the config `User` (`name`, `uid`, `name:group`, `uid:gid`)
 * resolved through the image's /etc/passwd and /etc/group, as the runtime does before it starts the
 * process, with the supplementary groups /etc/group lists the user in.
 */
import { dataEntry } from '../../model/image/overlay.js';
import type { ImageFile, ImageModel } from '../../model/image/types.js';
import { accountFile } from './image.js';

export interface RunningUser {
  /** The config's spelling (`app`, `10001:10001`), for messages. */
  spec: string;
  uid: number;
  gid: number;
  groups: Set<number>;
}

/** The user the image runs as; undefined when a name does not resolve (IM017 reports that). */
export function runningUser(image: ImageModel): RunningUser | undefined {
  const spec = image.config.user.trim();
  if (!spec) return { spec: 'root', uid: 0, gid: 0, groups: new Set() };
  const [user, group] = spec.split(':', 2);
  const passwd = /^\d+$/.test(user) ? undefined : accountFile(image, '/etc/passwd');
  const entry = passwd?.find((l) => l.name === user);
  const uid = /^\d+$/.test(user) ? Number(user) : Number(entry?.fields[2]);
  if (!Number.isInteger(uid)) return undefined;
  const groupFile = accountFile(image, '/etc/group');
  // NaN when the group does not resolve: then only the owner and other bits can apply.
  const gid = group === undefined ? Number(entry?.fields[3] ?? 0) : /^\d+$/.test(group) ? Number(group) : Number(groupFile?.find((l) => l.name === group)?.fields[2]);
  const groups = new Set<number>();
  const name = entry?.name ?? passwdName(image, uid);
  if (name !== undefined) for (const l of groupFile ?? []) if ((l.fields[3] ?? '').split(',').includes(name) && /^\d+$/.test(l.fields[2] ?? '')) groups.add(Number(l.fields[2]));
  return { spec, uid, gid, groups };
}

function passwdName(image: ImageModel, uid: number): string | undefined {
  return accountFile(image, '/etc/passwd')?.find((l) => l.fields[2] === String(uid))?.name;
}

/** Can `user` execute `file` (its owner, group and other bits, as the kernel checks them)? Root needs any x bit. */
export function canExecute(user: RunningUser, file: ImageFile): boolean {
  const data = dataEntry(file);
  const mode = data.mode;
  if (user.uid === 0) return (mode & 0o111) !== 0;
  if (data.uid === user.uid) return (mode & 0o100) !== 0;
  if (data.gid === user.gid || user.groups.has(data.gid)) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}
