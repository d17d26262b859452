/** Package databases and manifests for the SBOM tests, written as the real tools write them. */
import type { ImageSpec } from '../helpers/image-spec.js';

export const DPKG_STATUS = `Package: base-files
Essential: yes
Status: install ok installed
Priority: required
Section: admin
Installed-Size: 340
Maintainer: Santiago Vila <sanvila@debian.org>
Architecture: amd64
Version: 12.4+deb12u5
Description: Debian base system miscellaneous files
 This package contains the basic filesystem hierarchy of a Debian system, and
 several important miscellaneous files.

Package: libc6
Status: install ok installed
Architecture: amd64
Multi-Arch: same
Source: glibc
Version: 2.36-9+deb12u4
Description: GNU C Library: Shared libraries

Package: oldpkg
Status: deinstall ok config-files
Architecture: amd64
Version: 1.0-1
Description: removed, only its config files remain

Package: tzdata
Status: install ok installed
Architecture: all
Version: 2024a-0+deb12u1
`;

export const APK_INSTALLED = `C:Q1abc=
P:musl
V:1.2.4_git20230717-r4
A:x86_64
S:383152
I:622592
T:the musl c library (libc) implementation
U:https://musl.libc.org/
L:MIT
o:musl
m:Timo Teräs <timo.teras@iki.fi>
t:1705577745
F:lib
R:ld-musl-x86_64.so.1

C:Q1def=
P:busybox
V:1.36.1-r15
A:x86_64
L:GPL-2.0-only
o:busybox
`;

export const PY_METADATA = `Metadata-Version: 2.1
Name: Flask_Login
Version: 0.6.3
Summary: User authentication and session management for Flask.
License: MIT
Classifier: License :: OSI Approved :: MIT License

Long description here. License: not a header.
`;

export const PY_CLASSIFIER_ONLY = `Metadata-Version: 2.1
Name: requests
Version: 2.31.0
License: Apache 2.0 license text that goes on
 and on over several lines
Classifier: Development Status :: 5 - Production/Stable
Classifier: License :: OSI Approved :: Apache Software License
`;

export const EGG_INFO = `Metadata-Version: 1.1
Name: six
Version: 1.16.0
License: MIT
`;

export function debianImage(): ImageSpec {
  return {
    repoTags: ['example/app:1.0'],
    layers: [
      {
        files: [
          { path: '/usr/lib/os-release', content: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n' },
          { path: '/etc/os-release', type: 'symlink', linkname: '../usr/lib/os-release' },
          { path: '/var/lib/dpkg/status', content: DPKG_STATUS },
        ],
      },
      {
        files: [
          { path: '/app/node_modules/express/package.json', content: JSON.stringify({ name: 'express', version: '4.19.2', license: 'MIT' }) },
          { path: '/app/node_modules/@types/node/package.json', content: JSON.stringify({ name: '@types/node', version: '20.11.5', license: 'MIT' }) },
          { path: '/app/node_modules/old-lib/package.json', content: JSON.stringify({ name: 'old-lib', version: '0.1.0', licenses: [{ type: 'BSD-3-Clause' }, { type: 'Custom License' }] }) },
          { path: '/app/node_modules/express/node_modules/debug/package.json', content: JSON.stringify({ name: 'debug', version: '2.6.9', license: 'MIT' }) },
          { path: '/app/node_modules/broken/package.json', content: '{ not json' },
          { path: '/app/package.json', content: JSON.stringify({ name: 'my-app', version: '1.0.0' }) },
          { path: '/usr/local/lib/python3.11/site-packages/Flask_Login-0.6.3.dist-info/METADATA', content: PY_METADATA },
          { path: '/usr/local/lib/python3.11/site-packages/requests-2.31.0.dist-info/METADATA', content: PY_CLASSIFIER_ONLY },
          { path: '/usr/lib/python3/dist-packages/six-1.16.0.egg-info/PKG-INFO', content: EGG_INFO },
        ],
      },
    ],
  };
}
