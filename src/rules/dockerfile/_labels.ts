// Shared helpers for the label rules (DF047-DF057). Not a rule: files starting with `_` are skipped by the index.
import type { Dockerfile, Instruction, KeyValue } from '../../model/dockerfile/types.js';
import { instructions } from '../helpers/dockerfile.js';
import type { DockerfileContext } from '../types.js';

export type LabelType = 'text' | 'url' | 'semver' | 'hash' | 'rfc3339' | 'spdx' | 'email';

export interface LabelPair {
  instr: Instruction;
  pair: KeyValue;
  /** The key after variable expansion; null when it uses a variable we cannot resolve. */
  key: string | null;
}

const WITH_ONBUILD = { onbuild: true };
const NO_PAIRS: readonly LabelPair[] = [];

/**
 * Every `key=value` of LABEL instructions, ONBUILD LABEL triggers included, in file order.
 * (An array, not a generator: resuming a generator per pair cost more than the pairs themselves.)
 */
export function labelPairs(df: Dockerfile): readonly LabelPair[] {
  let out: LabelPair[] | undefined;
  for (const instr of instructions(df, WITH_ONBUILD)) {
    if (instr.keyword !== 'LABEL') continue;
    // A key without a value is a syntax error, reported by syntax-error.
    for (const pair of instr.pairs) if (pair.hasValue) (out ??= []).push({ instr, pair, key: labelKey(df, instr, pair) });
  }
  return out ?? NO_PAIRS;
}

/** LABEL keys are expanded too (`LABEL ${NS}.version=1`); null when that cannot be resolved. */
export function labelKey(df: Dockerfile, instr: Instruction, pair: KeyValue): string | null {
  if (!pair.key.includes('$')) return pair.key;
  if (instr.parent) return null;
  const k = df.expand(instr, pair.key);
  return k === null || k === '' || k.includes('$') ? null : k;
}

const SINGLE_QUOTED = /^'[^']*'$/;

/**
 * The value the label gets at build time, or null when it cannot be known: it uses a variable we
 * cannot resolve, a variable whose default is empty (the usual "pass it with --build-arg"
 * placeholder), or it sits in an ONBUILD trigger (expanded in some other build).
 */
export function labelValue(df: Dockerfile, instr: Instruction, pair: KeyValue): string | null {
  const v = pair.value;
  if (!v.includes('$')) return v;
  const raw = df.source.text.slice(pair.valueSpan.start, pair.valueSpan.end);
  if (SINGLE_QUOTED.test(raw)) return v; // single quotes: no expansion
  if (instr.parent) return null;
  const expanded = df.expand(instr, v);
  // A `$` left after expansion means a default that itself uses a variable the model did not
  // resolve (a global ARG default such as `${MAJOR}.5` re-declared in a stage): unknown.
  return expanded === '' || expanded === null || expanded.includes('$') ? null : expanded;
}

/** Label names the schema gives a type. */
export function schemaLabels(ctx: DockerfileContext, type: LabelType): Set<string> {
  const schema = ctx.settings.labelSchema ?? {};
  const out = new Set<string>();
  for (const name of Object.keys(schema)) if (schema[name] === type) out.add(name);
  return out;
}

const SPACES = /\s+/g;

/** Shorten a value for a message. */
export function shown(v: string): string {
  const one = v.replace(SPACES, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}

/**
 * Body of the value-format rules: report each label of `type` whose known, non-empty value fails
 * `isValid`. Empty values are left to label-empty. `data` gets `label`, `value` and `origin`
 * (empty, or a note naming the variable the value came from), used as `"{{value}}"{{origin}}`.
 */
export function checkLabelValues(
  ctx: DockerfileContext,
  type: LabelType,
  isValid: (v: string) => boolean,
  messageId: string | ((value: string) => string) = 'invalid',
): void {
  const names = schemaLabels(ctx, type);
  if (names.size === 0) return;
  for (const { instr, pair, key } of labelPairs(ctx.df)) {
    if (key === null || !names.has(key)) continue;
    const value = labelValue(ctx.df, instr, pair);
    if (value === null || value.trim() === '' || isValid(value)) continue;
    const id = typeof messageId === 'string' ? messageId : messageId(value);
    const origin = value === pair.value ? '' : ` (from ${shown(pair.value)})`;
    ctx.report({ messageId: id, data: { label: key, value: shown(value), origin }, span: pair.valueSpan });
  }
}

// ---- URL: an absolute URI (RFC 3986): scheme, then only URI characters; web schemes need a host.

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const URI_REST = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/;
const USERINFO = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:]|%[0-9A-Fa-f]{2})*$/;
const REG_NAME = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const IP_LITERAL = /^\[[0-9A-Fa-f:.]+\]$/;
const PORT = /^[0-9]*$/;
const HOST_SCHEMES = new Set(['http', 'https', 'ftp', 'ftps', 'ws', 'wss']);

export function isUrl(v: string): boolean {
  const m = SCHEME.exec(v);
  if (!m) return false;
  let rest = v.slice(m[0].length);
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    if (!URI_REST.test(rest.slice(hash + 1))) return false;
    rest = rest.slice(0, hash);
  }
  let host: string | null = null;
  if (rest.startsWith('//')) {
    let end = rest.length;
    for (let i = 2; i < rest.length; i++) {
      if (rest[i] === '/' || rest[i] === '?') { end = i; break; }
    }
    const authority = rest.slice(2, end);
    rest = rest.slice(end);
    const at = authority.lastIndexOf('@');
    if (at >= 0 && !USERINFO.test(authority.slice(0, at))) return false;
    const hostPort = authority.slice(at + 1);
    const close = hostPort.startsWith('[') ? hostPort.indexOf(']') + 1 : 0;
    const colon = hostPort.indexOf(':', close);
    host = colon < 0 ? hostPort : hostPort.slice(0, colon);
    if (colon >= 0 && !PORT.test(hostPort.slice(colon + 1))) return false;
    if (!(host.startsWith('[') ? IP_LITERAL.test(host) : REG_NAME.test(host))) return false;
  }
  if (HOST_SCHEMES.has(m[0].slice(0, -1).toLowerCase()) && !host) return false;
  return URI_REST.test(rest);
}

// ---- RFC 3339 date-time: 2024-05-01T12:30:00Z, optional fraction, Z or a numeric offset.

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isRfc3339(v: string): boolean {
  const m = RFC3339.exec(v);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : MONTH_DAYS[month - 1])) return false;
  if (hour > 23 || minute > 59 || second > 60) return false; // 60: leap second
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return false;
  return true;
}

// ---- SPDX license expression: ids from the SPDX License List, combined with AND / OR / WITH.

// Identifiers (current and deprecated) of the SPDX License List, as published in the
// spdx-license-ids 3.0.23 and spdx-exceptions 2.5.0 data packages. Matched case-insensitively.
const LICENSE_IDS = `
  0BSD 3D-Slicer-1.0 AAL ADSL AFL-1.1 AFL-1.2 AFL-2.0 AFL-2.1 AFL-3.0 AGPL-1.0-only AGPL-1.0-or-later
  AGPL-3.0-only AGPL-3.0-or-later ALGLIB-Documentation AMD-newlib AMDPLPA AML AML-glslang AMPAS ANTLR-PD
  ANTLR-PD-fallback APAFML APL-1.0 APSL-1.0 APSL-1.1 APSL-1.2 APSL-2.0 ASWF-Digital-Assets-1.0
  ASWF-Digital-Assets-1.1 Abstyles AdaCore-doc Adobe-2006 Adobe-Display-PostScript Adobe-Glyph Adobe-Utopia
  Advanced-Cryptics-Dictionary Afmparse Aladdin Apache-1.0 Apache-1.1 Apache-2.0 App-s2p Arphic-1999
  Artistic-1.0 Artistic-1.0-Perl Artistic-1.0-cl8 Artistic-2.0 Artistic-dist Aspell-RU BOLA-1.1 BSD-1-Clause
  BSD-2-Clause BSD-2-Clause-Darwin BSD-2-Clause-Patent BSD-2-Clause-Views BSD-2-Clause-first-lines
  BSD-2-Clause-pkgconf-disclaimer BSD-3-Clause BSD-3-Clause-Attribution BSD-3-Clause-Clear BSD-3-Clause-HP
  BSD-3-Clause-LBNL BSD-3-Clause-Modification BSD-3-Clause-No-Military-License BSD-3-Clause-No-Nuclear-License
  BSD-3-Clause-No-Nuclear-License-2014 BSD-3-Clause-No-Nuclear-Warranty BSD-3-Clause-Open-MPI BSD-3-Clause-Sun
  BSD-3-Clause-Tso BSD-3-Clause-acpica BSD-3-Clause-flex BSD-4-Clause BSD-4-Clause-Shortened BSD-4-Clause-UC
  BSD-4.3RENO BSD-4.3TAHOE BSD-Advertising-Acknowledgement BSD-Attribution-HPND-disclaimer BSD-Inferno-Nettverk
  BSD-Mark-Modifications BSD-Protection BSD-Source-Code BSD-Source-beginning-file BSD-Systemics
  BSD-Systemics-W3Works BSL-1.0 BUSL-1.1 Baekmuk Bahyph Barr Beerware BitTorrent-1.0 BitTorrent-1.1
  Bitstream-Charter Bitstream-Vera BlueOak-1.0.0 Boehm-GC Boehm-GC-without-fee Borceux Brian-Gladman-2-Clause
  Brian-Gladman-3-Clause Buddy C-UDA-1.0 CAL-1.0 CAL-1.0-Combined-Work-Exception CAPEC-tou CATOSL-1.1 CC-BY-1.0
  CC-BY-2.0 CC-BY-2.5 CC-BY-2.5-AU CC-BY-3.0 CC-BY-3.0-AT CC-BY-3.0-AU CC-BY-3.0-DE CC-BY-3.0-IGO CC-BY-3.0-NL
  CC-BY-3.0-US CC-BY-4.0 CC-BY-NC-1.0 CC-BY-NC-2.0 CC-BY-NC-2.5 CC-BY-NC-3.0 CC-BY-NC-3.0-DE CC-BY-NC-4.0
  CC-BY-NC-ND-1.0 CC-BY-NC-ND-2.0 CC-BY-NC-ND-2.5 CC-BY-NC-ND-3.0 CC-BY-NC-ND-3.0-DE CC-BY-NC-ND-3.0-IGO
  CC-BY-NC-ND-4.0 CC-BY-NC-SA-1.0 CC-BY-NC-SA-2.0 CC-BY-NC-SA-2.0-DE CC-BY-NC-SA-2.0-FR CC-BY-NC-SA-2.0-UK
  CC-BY-NC-SA-2.5 CC-BY-NC-SA-3.0 CC-BY-NC-SA-3.0-DE CC-BY-NC-SA-3.0-IGO CC-BY-NC-SA-4.0 CC-BY-ND-1.0
  CC-BY-ND-2.0 CC-BY-ND-2.5 CC-BY-ND-3.0 CC-BY-ND-3.0-DE CC-BY-ND-4.0 CC-BY-SA-1.0 CC-BY-SA-2.0 CC-BY-SA-2.0-UK
  CC-BY-SA-2.1-JP CC-BY-SA-2.5 CC-BY-SA-3.0 CC-BY-SA-3.0-AT CC-BY-SA-3.0-DE CC-BY-SA-3.0-IGO CC-BY-SA-4.0
  CC-PDDC CC-PDM-1.0 CC-SA-1.0 CC0-1.0 CDDL-1.0 CDDL-1.1 CDL-1.0 CDLA-Permissive-1.0 CDLA-Permissive-2.0
  CDLA-Sharing-1.0 CECILL-1.0 CECILL-1.1 CECILL-2.0 CECILL-2.1 CECILL-B CECILL-C CERN-OHL-1.1 CERN-OHL-1.2
  CERN-OHL-P-2.0 CERN-OHL-S-2.0 CERN-OHL-W-2.0 CFITSIO CMU-Mach CMU-Mach-nodoc CNRI-Jython CNRI-Python
  CNRI-Python-GPL-Compatible COIL-1.0 CPAL-1.0 CPL-1.0 CPOL-1.02 CUA-OPL-1.0 Caldera Caldera-no-preamble
  Catharon ClArtistic Clips Community-Spec-1.0 Condor-1.1 Cornell-Lossless-JPEG Cronyx Crossword CryptoSwift
  CrystalStacker Cube D-FSL-1.0 DEC-3-Clause DL-DE-BY-2.0 DL-DE-ZERO-2.0 DOC DRL-1.0 DRL-1.1 DSDP DocBook-DTD
  DocBook-Schema DocBook-Stylesheet DocBook-XML Dotseqn ECL-1.0 ECL-2.0 EFL-1.0 EFL-2.0 EPICS EPL-1.0 EPL-2.0
  ESA-PL-permissive-2.4 ESA-PL-strong-copyleft-2.4 ESA-PL-weak-copyleft-2.4 EUDatagrid EUPL-1.0 EUPL-1.1
  EUPL-1.2 Elastic-2.0 Entessa ErlPL-1.1 Eurosym FBM FDK-AAC FSFAP FSFAP-no-warranty-disclaimer FSFUL FSFULLR
  FSFULLRSD FSFULLRWD FSL-1.1-ALv2 FSL-1.1-MIT FTL Fair Ferguson-Twofish Frameworx-1.0 FreeBSD-DOC FreeImage
  Furuseth GCR-docs GD GFDL-1.1-invariants-only GFDL-1.1-invariants-or-later GFDL-1.1-no-invariants-only
  GFDL-1.1-no-invariants-or-later GFDL-1.1-only GFDL-1.1-or-later GFDL-1.2-invariants-only
  GFDL-1.2-invariants-or-later GFDL-1.2-no-invariants-only GFDL-1.2-no-invariants-or-later GFDL-1.2-only
  GFDL-1.2-or-later GFDL-1.3-invariants-only GFDL-1.3-invariants-or-later GFDL-1.3-no-invariants-only
  GFDL-1.3-no-invariants-or-later GFDL-1.3-only GFDL-1.3-or-later GL2PS GLWTPL GPL-1.0-only GPL-1.0-or-later
  GPL-2.0-only GPL-2.0-or-later GPL-3.0-only GPL-3.0-or-later Game-Programming-Gems Giftware Glide Glulxe
  Graphics-Gems Gutmann HDF5 HIDAPI HP-1986 HP-1989 HPND HPND-DEC HPND-Fenneberg-Livingston HPND-INRIA-IMAG
  HPND-Intel HPND-Kevlin-Henney HPND-MIT-disclaimer HPND-Markus-Kuhn HPND-Netrek HPND-Pbmplus HPND-SMC HPND-UC
  HPND-UC-export-US HPND-doc HPND-doc-sell HPND-export-US HPND-export-US-acknowledgement HPND-export-US-modify
  HPND-export2-US HPND-merchantability-variant HPND-sell-MIT-disclaimer-xserver HPND-sell-regexpr
  HPND-sell-variant HPND-sell-variant-MIT-disclaimer HPND-sell-variant-MIT-disclaimer-rev
  HPND-sell-variant-critical-systems HTMLTIDY HaskellReport Hippocratic-2.1 IBM-pibs ICU
  IEC-Code-Components-EULA IJG IJG-short IPA IPL-1.0 ISC ISC-Veillard ISO-permission ImageMagick Imlib2 Info-ZIP
  Inner-Net-2.0 InnoSetup Intel Intel-ACPI Interbase-1.0 JPL-image JPNIC JSON Jam JasPer-2.0 Kastrup Kazlib
  Knuth-CTAN LAL-1.2 LAL-1.3 LGPL-2.0-only LGPL-2.0-or-later LGPL-2.1-only LGPL-2.1-or-later LGPL-3.0-only
  LGPL-3.0-or-later LGPLLR LOOP LPD-document LPL-1.0 LPL-1.02 LPPL-1.0 LPPL-1.1 LPPL-1.2 LPPL-1.3a LPPL-1.3c
  LZMA-SDK-9.11-to-9.20 LZMA-SDK-9.22 Latex2e Latex2e-translated-notice Leptonica LiLiQ-P-1.1 LiLiQ-R-1.1
  LiLiQ-Rplus-1.1 Libpng Linux-OpenIB Linux-man-pages-1-para Linux-man-pages-copyleft
  Linux-man-pages-copyleft-2-para Linux-man-pages-copyleft-var Lucida-Bitmap-Fonts MIPS MIT MIT-0 MIT-CMU
  MIT-Click MIT-Festival MIT-Khronos-old MIT-Modern-Variant MIT-STK MIT-Wu MIT-advertising MIT-enna MIT-feh
  MIT-open-group MIT-testregex MITNFA MMIXware MMPL-1.0.1 MPEG-SSG MPL-1.0 MPL-1.1 MPL-2.0
  MPL-2.0-no-copyleft-exception MS-LPL MS-PL MS-RL MTLL Mackerras-3-Clause Mackerras-3-Clause-acknowledgment
  MakeIndex Martin-Birgmeier McPhee-slideshow Minpack MirOS Motosoto MulanPSL-1.0 MulanPSL-2.0 Multics Mup
  NAIST-2003 NASA-1.3 NBPL-1.0 NCBI-PD NCGL-UK-2.0 NCL NCSA NGPL NICTA-1.0 NIST-PD NIST-PD-TNT NIST-PD-fallback
  NIST-Software NLOD-1.0 NLOD-2.0 NLPL NOSL NPL-1.0 NPL-1.1 NPOSL-3.0 NRL NTIA-PD NTP NTP-0 Naumen NetCDF
  Newsletr Nokia Noweb O-UDA-1.0 OAR OCCT-PL OCLC-2.0 ODC-By-1.0 ODbL-1.0 OFFIS OFL-1.0 OFL-1.0-RFN
  OFL-1.0-no-RFN OFL-1.1 OFL-1.1-RFN OFL-1.1-no-RFN OGC-1.0 OGDL-Taiwan-1.0 OGL-Canada-2.0 OGL-UK-1.0 OGL-UK-2.0
  OGL-UK-3.0 OGTSL OLDAP-1.1 OLDAP-1.2 OLDAP-1.3 OLDAP-1.4 OLDAP-2.0 OLDAP-2.0.1 OLDAP-2.1 OLDAP-2.2 OLDAP-2.2.1
  OLDAP-2.2.2 OLDAP-2.3 OLDAP-2.4 OLDAP-2.5 OLDAP-2.6 OLDAP-2.7 OLDAP-2.8 OLFL-1.3 OML OPL-1.0 OPL-UK-3.0
  OPUBL-1.0 OSC-1.0 OSET-PL-2.1 OSL-1.0 OSL-1.1 OSL-2.0 OSL-2.1 OSL-3.0 OSSP OpenMDW-1.0 OpenPBS-2.3 OpenSSL
  OpenSSL-standalone OpenVision PADL PDDL-1.0 PHP-3.0 PHP-3.01 PPL PSF-2.0 ParaType-Free-Font-1.3 Parity-6.0.0
  Parity-7.0.0 Pixar Plexus PolyForm-Noncommercial-1.0.0 PolyForm-Small-Business-1.0.0 PostgreSQL Python-2.0
  Python-2.0.1 QPL-1.0 QPL-1.0-INRIA-2004 Qhull RHeCos-1.1 RPL-1.1 RPL-1.5 RPSL-1.0 RSA-MD RSCPL Rdisc Ruby
  Ruby-pty SAX-PD SAX-PD-2.0 SCEA SGI-B-1.0 SGI-B-1.1 SGI-B-2.0 SGI-OpenGL SGMLUG-PM SGP4 SHL-0.5 SHL-0.51 SISSL
  SISSL-1.2 SL SMAIL-GPL SMLNJ SMPPL SNIA SOFA SPL-1.0 SSH-OpenSSH SSH-short SSLeay-standalone SSPL-1.0 SUL-1.0
  SWL Saxpath SchemeReport Sendmail Sendmail-8.23 Sendmail-Open-Source-1.1 SimPL-2.0 Sleepycat Soundex
  Spencer-86 Spencer-94 Spencer-99 SugarCRM-1.1.3 Sun-PPP Sun-PPP-2000 SunPro Symlinks TAPR-OHL-1.0 TCL
  TCP-wrappers TGPPL-1.0 TMate TORQUE-1.1 TOSL TPDL TPL-1.0 TTWL TTYP0 TU-Berlin-1.0 TU-Berlin-2.0 TekHVC
  TermReadKey ThirdEye TrustedQSL UCAR UCL-1.0 UMich-Merit UPL-1.0 URT-RLE Ubuntu-font-1.0 UnRAR Unicode-3.0
  Unicode-DFS-2015 Unicode-DFS-2016 Unicode-TOU UnixCrypt Unlicense Unlicense-libtelnet Unlicense-libwhirlpool
  VOSTROM VSL-1.0 Vim Vixie-Cron W3C W3C-19980720 W3C-20150513 WTFNMFPL WTFPL Watcom-1.0 Widget-Workshop WordNet
  Wsuipa X11 X11-distribute-modifications-variant X11-no-permit-persons X11-swapped XFree86-1.1 XSkat
  Xdebug-1.03 Xerox Xfig Xnet YPL-1.0 YPL-1.1 ZPL-1.1 ZPL-2.0 ZPL-2.1 Zed Zeeff Zend-2.0 Zimbra-1.3 Zimbra-1.4
  Zlib any-OSI any-OSI-perl-modules bcrypt-Solar-Designer blessing bzip2-1.0.6 check-cvs checkmk
  copyleft-next-0.3.0 copyleft-next-0.3.1 curl cve-tou diffmark dtoa dvipdfm eGenix etalab-2.0 fwlw gSOAP-1.3b
  generic-xts gnuplot gtkbook hdparm hyphen-bulgarian iMatix jove libpng-1.6.35 libpng-2.0 libselinux-1.0
  libtiff libutil-David-Nugent lsof magaz mailprio man2html metamail mpi-permissive mpich2 mplus ngrep pkgconf
  pnmstitch psfrag psutils python-ldap radvd snprintf softSurfer ssh-keyscan swrule threeparttable ulem w3m wwl
  xinetd xkeyboard-config-Zinoviev xlock xpp xzoom zlib-acknowledgement AGPL-1.0 AGPL-3.0 BSD-2-Clause-FreeBSD
  BSD-2-Clause-NetBSD GFDL-1.1 GFDL-1.2 GFDL-1.3 GPL-1.0 GPL-2.0 GPL-2.0-with-GCC-exception
  GPL-2.0-with-autoconf-exception GPL-2.0-with-bison-exception GPL-2.0-with-classpath-exception
  GPL-2.0-with-font-exception GPL-3.0 GPL-3.0-with-GCC-exception GPL-3.0-with-autoconf-exception LGPL-2.0
  LGPL-2.1 LGPL-3.0 Net-SNMP Nunit StandardML-NJ bzip2-1.0.5 eCos-2.0 wxWindows
`;
const EXCEPTION_IDS = `
  389-exception Asterisk-exception Autoconf-exception-2.0 Autoconf-exception-3.0 Autoconf-exception-generic
  Autoconf-exception-generic-3.0 Autoconf-exception-macro Bison-exception-1.24 Bison-exception-2.2
  Bootloader-exception Classpath-exception-2.0 CLISP-exception-2.0 cryptsetup-OpenSSL-exception
  DigiRule-FOSS-exception eCos-exception-2.0 Fawkes-Runtime-exception FLTK-exception fmt-exception
  Font-exception-2.0 freertos-exception-2.0 GCC-exception-2.0 GCC-exception-2.0-note GCC-exception-3.1
  Gmsh-exception GNAT-exception GNOME-examples-exception GNU-compiler-exception gnu-javamail-exception
  GPL-3.0-interface-exception GPL-3.0-linking-exception GPL-3.0-linking-source-exception GPL-CC-1.0
  GStreamer-exception-2005 GStreamer-exception-2008 i2p-gpl-java-exception KiCad-libraries-exception
  LGPL-3.0-linking-exception libpri-OpenH323-exception Libtool-exception Linux-syscall-note LLGPL LLVM-exception
  LZMA-exception mif-exception OCaml-LGPL-linking-exception OCCT-exception-1.0 OpenJDK-assembly-exception-1.0
  openvpn-openssl-exception PS-or-PDF-font-exception-20170817 QPL-1.0-INRIA-2004-exception Qt-GPL-exception-1.0
  Qt-LGPL-exception-1.1 Qwt-exception-1.0 SANE-exception SHL-2.0 SHL-2.1 stunnel-exception SWI-exception
  Swift-exception Texinfo-exception u-boot-exception-2.0 UBDL-exception Universal-FOSS-exception-1.0
  vsftpd-openssl-exception WxWindows-exception-3.1 x11vnc-openssl-exception Nokia-Qt-exception-1.1
`;

let licenses: Set<string> | undefined;
let exceptions: Set<string> | undefined;
const idSet = (text: string): Set<string> => new Set(text.trim().toLowerCase().split(/\s+/));
const LICENSE_REF = /^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/;
const ADDITION_REF = /^(?:DocumentRef-[A-Za-z0-9.-]+:)?AdditionRef-[A-Za-z0-9.-]+$/;
const SPDX_TOKEN = /[()]|[^\s()]+/g;

export function isSpdxLicenseId(id: string): boolean {
  licenses ??= idSet(LICENSE_IDS);
  return licenses.has(id.toLowerCase());
}

/** A single SPDX id or a full license expression such as `(MIT OR Apache-2.0) AND BSD-3-Clause`. */
export function isSpdxExpression(v: string): boolean {
  exceptions ??= idSet(EXCEPTION_IDS);
  const exc = exceptions;
  const toks = v.match(SPDX_TOKEN) ?? [];
  let i = 0;
  // Operators are all upper case or all lower case.
  const op = (name: string): boolean => {
    const t = toks[i];
    if (t !== name && t !== name.toLowerCase()) return false;
    i++;
    return true;
  };
  const simple = (): boolean => {
    const t = toks[i++];
    if (t === undefined) return false;
    if (LICENSE_REF.test(t)) return true;
    return isSpdxLicenseId(t.endsWith('+') ? t.slice(0, -1) : t);
  };
  const term = (): boolean => {
    if (toks[i] === '(') {
      i++;
      return or() && toks[i++] === ')';
    }
    if (!simple()) return false;
    if (!op('WITH')) return true;
    const e = toks[i++];
    return e !== undefined && (exc.has(e.toLowerCase()) || ADDITION_REF.test(e));
  };
  const and = (): boolean => {
    if (!term()) return false;
    while (op('AND')) if (!term()) return false;
    return true;
  };
  const or = (): boolean => {
    if (!and()) return false;
    while (op('OR')) if (!and()) return false;
    return true;
  };
  return toks.length > 0 && or() && i === toks.length;
}

// ---- Git commit hash: lower-case hex, abbreviated (7-40) or SHA-256 (64).

const GIT_HASH = /^(?:[0-9a-f]{7,40}|[0-9a-f]{64})$/;

export function isGitHash(v: string): boolean {
  return GIT_HASH.test(v);
}

// ---- Semantic Versioning 2.0.0: MAJOR.MINOR.PATCH[-pre.release][+build.meta], no leading zeros.

const NUM = '(?:0|[1-9][0-9]*)';
const PRE = '(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)';
const BUILD = '[0-9A-Za-z-]+';
const SEMVER = new RegExp(`^${NUM}\\.${NUM}\\.${NUM}(?:-${PRE}(?:\\.${PRE})*)?(?:\\+${BUILD}(?:\\.${BUILD})*)?$`);

export function isSemver(v: string): boolean {
  return SEMVER.test(v);
}

// ---- Email (RFC 5322 addr-spec, without comments or obsolete forms), optionally as `Name <addr>`.

const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const DOT_ATOM = `${ATOM}(?:\\.${ATOM})*`;
const QUOTED = '"(?:[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\x20-\\x7e])*"';
const DOMAIN_LITERAL = '\\[[\\x21-\\x5a\\x5e-\\x7e]*\\]';
const ADDR_SPEC = new RegExp(`^(${DOT_ATOM}|${QUOTED})@(${DOT_ATOM}|${DOMAIN_LITERAL})$`);
const NAME_ADDR = /^([^<>]*)<([^<>]*)>$/;

export function isEmail(v: string): boolean {
  const named = NAME_ADDR.exec(v.trim());
  const m = ADDR_SPEC.exec(named ? named[2] : v);
  return m !== null && m[1].length <= 64 && m[2].length <= 255;
}
