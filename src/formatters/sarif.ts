import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { isTextLocation } from '../finding.js';
import type { Finding, ImageLocation, RunError, Severity } from '../finding.js';
import type { LintResult } from '../engine/result.js';
import type { Rule } from '../rules/types.js';
import { INFORMATION_URI, TOOL_NAME, ruleDocsUrl } from './shared.js';
import type { FormatOptions } from './types.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
export const FINGERPRINT_KEY = 'shipreadyFingerprint/v1';

// A deliberately small slice of the SARIF 2.1.0 object model: only what shipready writes.
type Level = 'none' | 'note' | 'warning' | 'error';
interface Message {
  text: string;
  markdown?: string;
}
interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}
interface SarifLocation {
  physicalLocation?: {
    artifactLocation: ArtifactLocation;
    region?: { startLine: number; startColumn: number; endLine: number; endColumn: number };
  };
  logicalLocations?: Array<{ name: string; fullyQualifiedName: string; kind: string }>;
  properties?: Record<string, unknown>;
}
interface ReportingDescriptor {
  id: string;
  name?: string;
  shortDescription?: Message;
  fullDescription?: Message;
  help?: Message;
  helpUri?: string;
  defaultConfiguration?: { enabled?: boolean; level: Level };
  properties?: Record<string, unknown>;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: Message;
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  fixes?: Array<{
    description: Message;
    artifactChanges: Array<{
      artifactLocation: ArtifactLocation;
      replacements: Array<{ deletedRegion: { charOffset: number; charLength: number }; insertedContent: { text: string } }>;
    }>;
    properties?: Record<string, unknown>;
  }>;
  properties: Record<string, unknown>;
}
interface Notification {
  level: Level;
  message: Message;
  locations?: SarifLocation[];
  descriptor: { id: string };
}
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: ReportingDescriptor[] } };
    invocations: Array<{
      executionSuccessful: boolean;
      toolExecutionNotifications: Notification[];
    }>;
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
  }>;
}

export function sarifLevel(s: Severity): Level {
  switch (s) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'off':
      return 'none';
    default:
      return 'note';
  }
}

/**
 * A display path as a SARIF artifact URI: relative paths become percent-encoded relative URI
 * references under %SRCROOT%, absolute ones `file:` URIs.
 */
export function artifactLocation(file: string): ArtifactLocation {
  // A Windows path (--file-path-in-report naming the host's file, --stdin-filename) is a Windows
  // file: URI on any platform: elsewhere pathToFileURL reads it as relative (file:///cwd/C:%5C...).
  const drive = /^([A-Za-z]):[\\/]/.exec(file);
  if (drive) return { uri: `file:///${drive[1]}:/${encodeSegments(file.slice(3))}` };
  const unc = /^\\\\([^\\/]+)[\\/]/.exec(file);
  if (unc) return { uri: `file://${encodeURIComponent(unc[1])}/${encodeSegments(file.slice(unc[0].length))}` };
  if (path.posix.isAbsolute(file) || path.win32.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: encodeSegments(file), uriBaseId: SRCROOT };
}

/** A path as a URI path: `\` and `/` separate segments, each percent-encoded. */
function encodeSegments(file: string): string {
  return file
    .replace(/\\/g, '/')
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

function srcRootUri(cwd: string): string {
  const href = pathToFileURL(cwd).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** Markdown code fence longer than any backtick run inside the code. */
function fenced(code: string, lang: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const body = code.endsWith('\n') ? code : `${code}\n`;
  return `${fence}${lang}\n${body}${fence}`;
}

function plain(md: string): string {
  return md.replace(/`([^`]*)`/g, '$1');
}

function exampleLang(rule: Rule<any>): string {
  switch (rule.meta.target) {
    case 'dockerfile':
      return 'dockerfile';
    case 'compose':
      return 'yaml';
    default:
      return '';
  }
}

export function ruleDescriptor(rule: Rule<any>): ReportingDescriptor {
  const docs = rule.meta.docs;
  const url = ruleDocsUrl(rule.id, rule.name);
  const lang = exampleLang(rule);
  const text = [
    plain(docs.summary),
    '',
    plain(docs.why),
    '',
    'Bad:',
    docs.bad.replace(/\n$/, ''),
    '',
    'Good:',
    docs.good.replace(/\n$/, ''),
    '',
    `Documentation: ${url}`,
  ].join('\n');
  const markdown = [
    docs.summary,
    '',
    docs.why,
    '',
    '**Bad**',
    '',
    fenced(docs.bad, lang),
    '',
    '**Good**',
    '',
    fenced(docs.good, lang),
    '',
    `[Documentation for ${rule.id} ${rule.name}](${url})`,
  ].join('\n');
  const off = rule.meta.severity === 'off';
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: plain(docs.summary), markdown: docs.summary },
    fullDescription: { text: plain(docs.why), markdown: docs.why },
    help: { text, markdown },
    helpUri: url,
    defaultConfiguration: off ? { enabled: false, level: 'warning' } : { level: sarifLevel(rule.meta.severity) },
    properties: { tags: [rule.meta.category], aliases: [...rule.aliases] },
  };
}

function imageLocation(loc: ImageLocation): SarifLocation {
  let fqn = loc.image;
  if (loc.layer) fqn += `/${loc.layer}`;
  if (loc.path) fqn += `:${loc.path}`;
  const props: Record<string, string> = { image: loc.image };
  if (loc.layer !== undefined) props.layer = loc.layer;
  if (loc.path !== undefined) props.path = loc.path;
  if (loc.field !== undefined) props.field = loc.field;
  return {
    logicalLocations: [{ name: loc.path || loc.field || loc.image, fullyQualifiedName: fqn, kind: 'resource' }],
    properties: props,
  };
}

function toResult(f: Finding, ruleIndex: number): SarifResult {
  const loc = f.location;
  const res: SarifResult = {
    ruleId: f.ruleId,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: f.message },
    locations: [],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    properties: { aliases: [...f.aliases], severity: f.severity },
  };
  if (isTextLocation(loc)) {
    const artifact = artifactLocation(loc.file);
    res.locations.push({
      physicalLocation: {
        artifactLocation: artifact,
        region: {
          startLine: Math.max(1, loc.line),
          startColumn: Math.max(1, loc.column),
          endLine: Math.max(1, loc.endLine),
          endColumn: Math.max(1, loc.endColumn),
        },
      },
    });
    if (f.fix && f.fix.edits.length) {
      res.fixes = [
        {
          description: { text: f.fix.title },
          artifactChanges: [
            {
              artifactLocation: f.fix.file ? artifactLocation(f.fix.file) : artifact,
              replacements: f.fix.edits.map((e) => ({
                deletedRegion: { charOffset: e.start, charLength: Math.max(0, e.end - e.start) },
                insertedContent: { text: e.text },
              })),
            },
          ],
          properties: { applicability: f.fix.applicability },
        },
      ];
    }
  } else {
    res.locations.push(imageLocation(loc));
  }
  return res;
}

function notification(e: RunError): Notification {
  return {
    level: 'error',
    message: { text: e.message },
    ...(e.file ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(e.file) } }] } : {}),
    descriptor: { id: e.kind },
  };
}

export function toSarif(result: LintResult, opts: FormatOptions): SarifLog {
  const rules: ReportingDescriptor[] = [];
  const index = new Map<string, number>();
  for (const r of result.rules) {
    if (index.has(r.id)) continue;
    index.set(r.id, rules.length);
    rules.push(ruleDescriptor(r));
  }
  const results = result.findings.map((f) => {
    let i = index.get(f.ruleId);
    if (i === undefined) {
      // A finding from a rule the run did not list: describe it as well as we can.
      i = rules.length;
      index.set(f.ruleId, i);
      rules.push({ id: f.ruleId, name: f.ruleName, helpUri: ruleDocsUrl(f.ruleId, f.ruleName), properties: { aliases: [...f.aliases] } });
    }
    return toResult(f, i);
  });
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: opts.version, informationUri: INFORMATION_URI, rules } },
        invocations: [{ executionSuccessful: result.errors.length === 0, toolExecutionNotifications: result.errors.map(notification) }],
        originalUriBaseIds: { [SRCROOT]: { uri: srcRootUri(opts.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(result: LintResult, opts: FormatOptions): string {
  return `${JSON.stringify(toSarif(result, opts), null, 2)}\n`;
}
