import type { Rule } from './types.js';
import { rules as dockerfileRules } from './dockerfile/index.js';

export { dockerfileRules };

/** Every rule shipready knows, all targets. */
export const allRules: readonly Rule<any>[] = [...dockerfileRules];
