import type { Rule } from './types.js';
import { rules as dockerfileRules } from './dockerfile/index.js';
import { rules as composeRules } from './compose/index.js';
import { rules as contextRules } from './context/index.js';

export { dockerfileRules, composeRules, contextRules };

/** Every rule shipready knows, all targets. */
export const allRules: readonly Rule<any>[] = [...dockerfileRules, ...contextRules, ...composeRules];
