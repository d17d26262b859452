import type { ComposeRuleContext } from '../compose-types.js';
import type { ComposeService } from '../../model/compose/types.js';
import { isAllInterfaces, portRange, ports, type PortMapping } from '../helpers/compose.js';
import { defineRule } from '../types.js';

interface Publisher {
  ip: string | null;
  svc: ComposeService;
  /** Order of publishing: the message names the first service that took the port. */
  seq: number;
}

/**
 * Publishers of one host port on some interfaces, indexed by profile, so that finding the first
 * one a service can run together with does not scan the many it never runs with (services in
 * disjoint profiles made that quadratic).
 */
interface Bucket {
  /** Every publisher, in order. */
  all: Publisher[];
  /** Publishers in no profile (they run with everything). */
  unprofiled: Publisher[];
  byProfile: Map<string, Publisher[]>;
}

/** The services publishing one host port, indexed by interface so a lookup does not scan them all. */
interface PortUsers {
  all: Bucket;
  /** On all interfaces (no IP, 0.0.0.0, ::). */
  wildcard: Bucket;
  byIp: Map<string, Bucket>;
  /** The IPs each service is already recorded on. */
  ips: Map<ComposeService, Set<string | null>>;
}

const newBucket = (): Bucket => ({ all: [], unprofiled: [], byProfile: new Map() });

// (A service is in a list at most once per IP: the first other service is found in a step or two.)
const firstOther = (list: readonly Publisher[] | undefined, svc: ComposeService) => list?.find((s) => s.svc !== svc);

const earlier = (a: Publisher | undefined, b: Publisher | undefined) => (a && b ? (a.seq < b.seq ? a : b) : a ?? b);

/** The earliest publisher in `b` that `svc` can run together with (see canRunTogether). */
function firstRunningWith(b: Bucket | undefined, svc: ComposeService): Publisher | undefined {
  if (!b) return undefined;
  if (!svc.profiles.length) return firstOther(b.all, svc);
  let best = firstOther(b.unprofiled, svc);
  for (const p of svc.profiles) best = earlier(best, firstOther(b.byProfile.get(p), svc));
  return best;
}

/** The earliest publisher of this port that `svc` on `ip` collides with. */
function firstClash(u: PortUsers, svc: ComposeService, ip: string | null): Publisher | undefined {
  if (isAllInterfaces(ip)) return firstRunningWith(u.all, svc);
  return earlier(firstRunningWith(u.wildcard, svc), firstRunningWith(u.byIp.get(ip as string), svc));
}

function addTo(b: Bucket, s: Publisher): void {
  b.all.push(s);
  if (!s.svc.profiles.length) b.unprofiled.push(s);
  for (const p of new Set(s.svc.profiles)) {
    const list = b.byProfile.get(p);
    if (list) list.push(s);
    else b.byProfile.set(p, [s]);
  }
}

/**
 * Does `svc` already publish this port on the same interface as `ip`? (Two mappings of one
 * container cannot bind the same address; one on 127.0.0.1 and one on all interfaces is how a
 * service is reached on both, and is left alone as between services of other profiles.)
 * The spellings of the same interface are looked up directly: a service publishing one port on
 * thousands of IPs must not compare each with all the others.
 */
function publishedTwice(u: PortUsers, svc: ComposeService, ip: string | null): boolean {
  const mine = u.ips.get(svc);
  return mine !== undefined && sameInterfaceSpellings(ip).some((s) => mine.has(s));
}

// No IP binds the IPv4 and the IPv6 wildcard; `0.0.0.0` and `::` one of them.
const BOTH_WILDCARDS = [null, '', '0.0.0.0', '::', '[::]'];
const IPV4_WILDCARD = [null, '', '0.0.0.0'];
const IPV6_WILDCARD = [null, '', '::', '[::]'];

/** The ways of writing an interface that binds the same address as `ip`. */
function sameInterfaceSpellings(ip: string | null): Array<string | null> {
  if (ip === null || ip === '') return BOTH_WILDCARDS;
  if (ip === '0.0.0.0') return IPV4_WILDCARD;
  if (ip === '::' || ip === '[::]') return IPV6_WILDCARD;
  return [ip];
}

function add(u: PortUsers, svc: ComposeService, ip: string | null): void {
  const ips = u.ips.get(svc);
  if (ips?.has(ip)) return;
  if (ips) ips.add(ip);
  else u.ips.set(svc, new Set([ip]));
  const s: Publisher = { ip, svc, seq: u.all.all.length };
  addTo(u.all, s);
  if (isAllInterfaces(s.ip)) addTo(u.wildcard, s);
  else {
    let b = u.byIp.get(s.ip as string);
    if (!b) u.byIp.set(s.ip as string, (b = newBucket()));
    addTo(b, s);
  }
}

export default defineRule<ComposeRuleContext>({
  id: 'DC026',
  name: 'host-port-duplicate',
  aliases: ['no-duplicate-exported-ports'],
  meta: {
    target: 'compose',
    category: 'correctness',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'Two port mappings publish the same host port (and protocol) on overlapping interfaces, in two services or in one.',
      why: 'Only one container can bind a host port on a given interface: the second service fails to start with "port is already allocated". Ranges are expanded; ports that come from unset variables are unknown and skipped, and services in profiles that never run together are not compared. Within one service, only mappings on the same interface clash (no IP, `0.0.0.0` and `::` count as the same wildcard): publishing a port on 127.0.0.1 and on all interfaces is left alone.',
      bad: 'services:\n  web:\n    image: example/web:1.0\n    ports:\n      - "8080:80"\n  admin:\n    image: example/admin:1.0\n    ports:\n      - "8080:8000"\n',
      good: 'services:\n  web:\n    image: example/web:1.0\n    ports:\n      - "8080:80"\n  admin:\n    image: example/admin:1.0\n    ports:\n      - "8081:8000"\n',
    },
    messages: {
      duplicate: 'Host port {{port}}/{{protocol}} is already published by service "{{first}}": service "{{service}}" will fail to start. Use another host port.',
      twice: 'Host port {{port}}/{{protocol}} is published twice by service "{{service}}" on the same interface: it will fail to start. Use another host port.',
    },
  },
  check(ctx) {
    const mappings: Array<{ svc: ComposeService; p: PortMapping; protocol: string; range: { from: number; to: number } }> = [];
    for (const svc of ctx.services) {
      for (const p of ports(svc)) {
        const range = portRange(p.published);
        if (range) mappings.push({ svc, p, protocol: p.protocol.toLowerCase(), range });
      }
    }
    const segments = segmentStarts(mappings);
    const users = new Map<string, PortUsers>();
    for (const { svc, p, protocol, range } of mappings) {
      let reported = false;
      // Each segment stands for all its ports: the same mappings cover every one of them.
      for (const port of segmentsOf(segments.get(protocol)!, range)) {
        const key = `${protocol}:${port}`;
        let u = users.get(key);
        if (!u) users.set(key, (u = { all: newBucket(), wildcard: newBucket(), byIp: new Map(), ips: new Map() }));
        const clash = firstClash(u, svc, p.hostIp);
        if (!reported && clash) {
          ctx.report({ messageId: 'duplicate', data: { service: svc.name, port, protocol, first: clash.svc.name }, at: p.publishedOrigin ?? p.origin });
          reported = true;
        } else if (!reported && publishedTwice(u, svc, p.hostIp)) {
          ctx.report({ messageId: 'twice', data: { service: svc.name, port, protocol }, at: p.publishedOrigin ?? p.origin });
          reported = true;
        }
        add(u, svc, p.hostIp);
      }
    }
  },
});

/**
 * Per protocol, the sorted ports where the set of mappings covering a port changes: every port
 * from one to the next is covered by the same mappings, so one stands for them all. Expanding
 * every range instead made `ports: ["1-65535:1-65535"]` in 300 services 20 million entries (4 GB,
 * then an abort).
 */
function segmentStarts(mappings: ReadonlyArray<{ protocol: string; range: { from: number; to: number } }>): Map<string, number[]> {
  const bounds = new Map<string, Set<number>>();
  for (const { protocol, range } of mappings) {
    let set = bounds.get(protocol);
    if (!set) bounds.set(protocol, (set = new Set()));
    set.add(range.from);
    set.add(range.to + 1);
  }
  const out = new Map<string, number[]>();
  for (const [protocol, set] of bounds) out.set(protocol, [...set].sort((a, b) => a - b));
  return out;
}

/** The segment starts inside `range` (its first port is always one), in order. */
function* segmentsOf(starts: readonly number[], range: { from: number; to: number }): Generator<number> {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid] < range.from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < starts.length && starts[i] <= range.to; i++) yield starts[i];
}
