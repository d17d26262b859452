import { describe, expect, it } from 'vitest';
import { collectPackages } from '../../src/model/image/sbom/index.js';
import { parseOsRelease } from '../../src/model/image/sbom/distro.js';
import { purl } from '../../src/model/image/sbom/purl.js';
import { modelFromSpec, type ImageSpec } from '../helpers/image-spec.js';
import { APK_INSTALLED, debianImage } from './sbom-fixtures.js';

describe('package inventory', () => {
  it('lists installed dpkg packages, npm and Python packages, in a stable order', () => {
    const inv = collectPackages(modelFromSpec(debianImage()));
    expect(inv.distro).toEqual({ id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)' });
    expect(inv.packages.map((p) => [p.ecosystem, p.name, p.version, p.purl, p.licenses, p.path])).toEqual([
      ['deb', 'base-files', '12.4+deb12u5', 'pkg:deb/debian/base-files@12.4%2Bdeb12u5?arch=amd64&distro=debian-12', [], '/var/lib/dpkg/status'],
      ['deb', 'libc6', '2.36-9+deb12u4', 'pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12', [], '/var/lib/dpkg/status'],
      ['deb', 'tzdata', '2024a-0+deb12u1', 'pkg:deb/debian/tzdata@2024a-0%2Bdeb12u1?arch=all&distro=debian-12', [], '/var/lib/dpkg/status'],
      ['npm', '@types/node', '20.11.5', 'pkg:npm/%40types/node@20.11.5', ['MIT'], '/app/node_modules/@types/node/package.json'],
      ['npm', 'debug', '2.6.9', 'pkg:npm/debug@2.6.9', ['MIT'], '/app/node_modules/express/node_modules/debug/package.json'],
      ['npm', 'express', '4.19.2', 'pkg:npm/express@4.19.2', ['MIT'], '/app/node_modules/express/package.json'],
      ['npm', 'old-lib', '0.1.0', 'pkg:npm/old-lib@0.1.0', ['BSD-3-Clause', 'Custom License'], '/app/node_modules/old-lib/package.json'],
      ['pypi', 'Flask_Login', '0.6.3', 'pkg:pypi/flask-login@0.6.3', ['MIT'], '/usr/local/lib/python3.11/site-packages/Flask_Login-0.6.3.dist-info/METADATA'],
      ['pypi', 'requests', '2.31.0', 'pkg:pypi/requests@2.31.0', ['Apache Software License'], '/usr/local/lib/python3.11/site-packages/requests-2.31.0.dist-info/METADATA'],
      ['pypi', 'six', '1.16.0', 'pkg:pypi/six@1.16.0', ['MIT'], '/usr/lib/python3/dist-packages/six-1.16.0.egg-info/PKG-INFO'],
    ]);
    expect(inv.packages.find((p) => p.name === 'libc6')).toMatchObject({ arch: 'amd64', layer: 0 });
    expect(inv.packages.find((p) => p.name === 'express')?.layer).toBe(1);
  });

  it('reads distroless status.d files (no Status field) and skips their md5sums', () => {
    const spec: ImageSpec = {
      layers: [{
        files: [
          { path: '/etc/os-release', content: 'ID="debian"\nVERSION_ID="12"\n' },
          { path: '/var/lib/dpkg/status.d/libssl3', content: 'Package: libssl3\nVersion: 3.0.11-1~deb12u2\nArchitecture: arm64\n' },
          { path: '/var/lib/dpkg/status.d/libssl3.md5sums', content: 'd41d8cd98f00b204e9800998ecf8427e  usr/lib/libssl.so.3\n' },
          { path: '/var/lib/dpkg/status.d/tzdata', content: 'Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\n' },
        ],
      }],
    };
    expect(collectPackages(modelFromSpec(spec)).packages.map((p) => p.purl)).toEqual([
      'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=arm64&distro=debian-12',
      'pkg:deb/debian/tzdata@2024a-0%2Bdeb12u1?arch=all&distro=debian-12',
    ]);
  });

  it('reads the apk database with licenses and the Alpine release', () => {
    const spec: ImageSpec = {
      layers: [{ files: [{ path: '/etc/os-release', content: 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.19.1\n' }, { path: '/lib/apk/db/installed', content: APK_INSTALLED }] }],
    };
    const inv = collectPackages(modelFromSpec(spec));
    expect(inv.packages.map((p) => [p.name, p.version, p.purl, p.licenses])).toEqual([
      ['busybox', '1.36.1-r15', 'pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1', ['GPL-2.0-only']],
      ['musl', '1.2.4_git20230717-r4', 'pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64&distro=alpine-3.19.1', ['MIT']],
    ]);
  });

  it('forgets packages whose database a later layer deleted', () => {
    const spec = debianImage();
    spec.layers.push({ files: [{ path: '/app/node_modules', type: 'whiteout' }, { path: '/var/lib/dpkg', type: 'opaque' }] });
    const inv = collectPackages(modelFromSpec(spec));
    expect(inv.packages.map((p) => p.ecosystem)).toEqual(['pypi', 'pypi', 'pypi']);
  });

  it('without os-release, the purl namespace falls back to the database kind and drops the distro', () => {
    const spec: ImageSpec = { layers: [{ files: [{ path: '/var/lib/dpkg/status', content: 'Package: a\nStatus: install ok installed\nVersion: 1:2.0\n' }] }] };
    const inv = collectPackages(modelFromSpec(spec));
    expect(inv.distro).toBeUndefined();
    expect(inv.packages[0].purl).toBe('pkg:deb/debian/a@1:2.0');
  });
});

describe('helpers', () => {
  it('purl encodes each part and sorts qualifiers', () => {
    expect(purl('npm', '@scope', 'name', '1.0.0+build', { z: '1', a: 'x y', empty: '' })).toBe('pkg:npm/%40scope/name@1.0.0%2Bbuild?a=x%20y&z=1');
  });

  it('os-release values lose their quotes and escapes', () => {
    expect(parseOsRelease('ID="ubuntu"\nNAME=\'Ubuntu\'\nPRETTY_NAME="A \\"quoted\\" name"\n# comment\n')).toEqual({ ID: 'ubuntu', NAME: 'Ubuntu', PRETTY_NAME: 'A "quoted" name' });
  });
});
