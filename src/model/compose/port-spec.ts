/**
 * The short `ports` syntax, `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, checked the way
 * Compose reads it (docker/go-connections' port-spec parser): the last `:` part is the container port,
 * the one before it the host port, and everything before those the host IP. The schema only says
 * "string", and `docker compose up` fails on `80:80:80:80` ("invalid IP address: 80:80").
 */
import { isIP } from 'node:net';

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

/** What is wrong with a short port spec, or null when Compose accepts it. */
export function portSpecProblem(spec: string): string | null {
  const parts = spec.split(':');
  const n = parts.length;
  const container = parts[n - 1];
  const host = n >= 2 ? parts[n - 2] : '';
  let ip = n >= 3 ? parts.slice(0, n - 2).join(':') : '';
  const slash = container.indexOf('/');
  const containerPort = slash < 0 ? container : container.slice(0, slash);
  // Only the word after the first slash is the protocol (`80/tcp/x` reads as tcp); an empty one is tcp.
  const protocol = slash < 0 ? 'tcp' : container.slice(slash + 1).split('/')[0].toLowerCase() || 'tcp';
  if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
  if (ip !== '' && (isIP(ip) === 0 || ip.includes('%'))) return `"${ip}" is not an IP address`;
  if (containerPort === '') return 'no container port';
  const inner = portRange(containerPort);
  if (!inner) return `"${containerPort}" is not a container port or range (0-65535)`;
  if (host !== '') {
    const outer = portRange(host);
    if (!outer) return `"${host}" is not a host port or range (0-65535)`;
    // A host range may go with one container port (Docker picks a free one in it), not with another size of range.
    if (outer[1] - outer[0] !== inner[1] - inner[0] && inner[1] !== inner[0]) return `the host range ${host} and the container range ${containerPort} differ in size`;
  }
  if (!PROTOCOLS.has(protocol)) return `"${protocol}" is not a protocol (tcp, udp or sctp)`;
  return null;
}

/**
 * `8080` or `8000-8010` as [start, end]; null unless both are decimal 16-bit numbers in order. As in
 * Compose, only the first two parts of a range count (`1-2-3` reads as 1-2).
 */
function portRange(s: string): [number, number] | null {
  const bounds = s.split('-');
  const a = uint16(bounds[0]);
  const b = bounds.length === 1 ? a : uint16(bounds[1]);
  return a === null || b === null || b < a ? null : [a, b];
}

function uint16(s: string): number | null {
  if (!/^\d+$/.test(s)) return null;
  const v = Number(s);
  return v <= 65535 ? v : null;
}
