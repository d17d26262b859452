/**
 * Who the container runs as, in numbers: the config `User` (`name`, `uid`, `name:group`, `uid:gid`)
 * resolved through the image's /etc/passwd and /etc/group the way runc does it before it starts the
 * process. The first passwd line that matches wins (by name, or by UID for a number, or UID 0 when
 * the user part is empty); it gives the primary group unless the spec names one. The groups
 * /etc/group lists the user in are added only when the spec names no group.
 */
import { dataEntry } from '../../model/image/overlay.js';
import type { ImageFile, ImageModel } from '../../model/image/types.js';
import { accountFile, type AccountLine } from './image.js';

export interface RunningUser {
  /** The config's spelling (`app`, `10001:10001`), for messages. */
  spec: string;
  uid: number;
  gid: number;
  groups: Set<number>;
}

const isNumber = (s: string): boolean => /^\d+$/.test(s);
/** A numeric account field, NaN when it is not one. */
const idField = (l: AccountLine, i: number): number => (isNumber(l.fields[i] ?? '') ? Number(l.fields[i]) : NaN);

/** The user the image runs as; undefined when a user name does not resolve (IM017 reports that). */
export function runningUser(image: ImageModel): RunningUser | undefined {
  const spec = image.config.user.trim();
  const colon = spec.indexOf(':');
  const user = colon < 0 ? spec : spec.slice(0, colon);
  const group = colon < 0 || colon === spec.length - 1 ? undefined : spec.slice(colon + 1);
  const passwd = accountFile(image, '/etc/passwd') ?? [];
  const uidWanted = user === '' ? 0 : isNumber(user) ? Number(user) : undefined;
  const entry = uidWanted === undefined ? passwd.find((l) => l.name === user) : passwd.find((l) => idField(l, 2) === uidWanted);
  if (!entry && uidWanted === undefined) return undefined;
  const uid = entry ? idField(entry, 2) : uidWanted!;
  if (!Number.isInteger(uid)) return undefined;
  const groupFile = accountFile(image, '/etc/group') ?? [];
  const groups = new Set<number>();
  let gid = entry ? idField(entry, 3) : 0;
  if (group !== undefined) {
    const line = isNumber(group) ? groupFile.find((l) => idField(l, 2) === Number(group)) : groupFile.find((l) => l.name === group);
    // NaN when a group name does not resolve: then only the owner and other bits can apply.
    gid = line ? idField(line, 2) : isNumber(group) ? Number(group) : NaN;
  } else if (entry) {
    for (const l of groupFile) if ((l.fields[3] ?? '').split(',').includes(entry.name) && isNumber(l.fields[2] ?? '')) groups.add(idField(l, 2));
  }
  return { spec: spec || 'root', uid, gid, groups };
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
