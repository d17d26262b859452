import { describe, expect, it } from 'vitest';
import { portSpecProblem } from '../../src/model/compose/port-spec.js';

// What Compose accepts in the short `ports` syntax (docker/go-connections' ParsePortSpec semantics).
describe('short port specs', () => {
  it('accepts what Compose accepts', () => {
    const ok = [
      '80', '3000:3000', '8080:80/udp', '53:53/UDP', '9000-9010:9000-9010', '8000-8010:80', '127.0.0.1:8080:80',
      '127.0.0.1::5432', '0.0.0.0:80:80/tcp', '[::1]:80:80', '::1:6000:6000', '[::]:443:443/sctp', '80/', '0080:80',
      '1-2-3:1-2', '65535:65535',
    ];
    expect(ok.map((s) => [s, portSpecProblem(s)]).filter(([, p]) => p !== null)).toEqual([]);
  });

  it('says what is wrong with what Compose refuses', () => {
    expect(portSpecProblem('80:80:80:80')).toBe('"80:80" is not an IP address');
    expect(portSpecProblem('300.1.1.1:80:80')).toBe('"300.1.1.1" is not an IP address');
    expect(portSpecProblem('fe80::1%eth0:80:80')).toBe('"fe80::1%eth0" is not an IP address');
    expect(portSpecProblem('localhost:80:80')).toBe('"localhost" is not an IP address');
    expect(portSpecProblem('8080:')).toBe('no container port');
    expect(portSpecProblem('8080:http')).toBe('"http" is not a container port or range (0-65535)');
    expect(portSpecProblem('65536')).toBe('"65536" is not a container port or range (0-65535)');
    expect(portSpecProblem('9010-9000')).toBe('"9010-9000" is not a container port or range (0-65535)');
    expect(portSpecProblem('x:80')).toBe('"x" is not a host port or range (0-65535)');
    expect(portSpecProblem('8000-8010:80-81')).toBe('the host range 8000-8010 and the container range 80-81 differ in size');
    expect(portSpecProblem('80:80/icmp')).toBe('"icmp" is not a protocol (tcp, udp or sctp)');
  });
});
