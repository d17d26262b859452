/** One package found in an image, whatever its ecosystem. */
export type PackageEcosystem = 'deb' | 'apk' | 'npm' | 'pypi';

export interface SbomPackage {
  ecosystem: PackageEcosystem;
  name: string;
  version: string;
  /** Package URL (https://github.com/package-url/purl-spec). */
  purl: string;
  /** Declared licenses as written (SPDX ids or free text); empty when the database has none. */
  licenses: string[];
  /** Where it was found: the database or manifest file in the image. */
  path: string;
  /** Layer that last wrote that file. */
  layer?: number;
  /** Package architecture (OS packages). */
  arch?: string;
}

/** The distribution, from os-release. */
export interface Distro {
  /** `ID`, lower case: debian, ubuntu, alpine... */
  id: string;
  /** `VERSION_ID`: 12, 3.19.1... (empty for rolling releases). */
  versionId: string;
  prettyName: string;
}
