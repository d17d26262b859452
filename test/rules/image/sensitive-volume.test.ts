import rule from '../../../src/rules/image/sensitive-volume.js';
import { imageRuleTester } from '../../helpers/image-tester.js';

const vols = (...v: string[]) => ({ config: { Volumes: Object.fromEntries(v.map((p) => [p, {}])) }, layers: [{ files: [] }] });

imageRuleTester(rule, {
  valid: [
    { name: 'data volumes', spec: vols('/var/lib/postgresql/data', '/data') },
    { name: 'similar names', spec: vols('/system', '/devices', '/var/run/app.sock') },
    { name: 'no volumes', spec: { layers: [{ files: [] }] } },
  ],
  invalid: [
    { name: 'docker socket', spec: vols('/var/run/docker.sock'), errors: [{ field: 'config.Volumes', message: 'VOLUME /var/run/docker.sock, a container runtime socket' }] },
    {
      name: 'kernel trees and below, with odd spelling',
      spec: vols('/sys', '/proc/', '/dev/shm'),
      errors: [
        { field: 'config.Volumes', message: 'VOLUME /dev/shm, a kernel or runtime path' },
        { field: 'config.Volumes', message: 'VOLUME /proc/,' },
        { field: 'config.Volumes', message: 'VOLUME /sys,' },
      ],
    },
  ],
});
