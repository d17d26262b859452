import type { Severity } from '../finding.js';
import type { ImageModel } from '../model/image/types.js';
import type { Rule, RuleSettings } from './types.js';

export interface ImageReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  /** Layer index (0-based, base first) the finding is about. */
  layer?: number;
  /** Path in the image filesystem. */
  path?: string;
  /** Config field, e.g. `config.User`, `config.Healthcheck`, `history[3].created_by`. */
  field?: string;
  severity?: Exclude<Severity, 'off'>;
  /** Extra identity for the fingerprint when path/field alone do not tell findings apart (an ENV name, a user). */
  key?: string;
}

/** What an image rule sees: the merged model of one image. */
export interface ImageRuleContext {
  image: ImageModel;
  options: Record<string, unknown>;
  settings: RuleSettings;
  report(d: ImageReportDescriptor): void;
}

export type ImageRule = Rule<ImageRuleContext>;
