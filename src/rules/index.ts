import type { Rule } from './types.js';
import { rules as dockerfileRules } from './dockerfile/index.js';
import { rules as composeRules } from './compose/index.js';
import { rules as contextRules } from './context/index.js';
import { rules as imageRules } from './image/index.js';

export { dockerfileRules, composeRules, contextRules, imageRules };

/** Every rule shipready knows, all targets. */
export const allRules: readonly Rule<any>[] = [...dockerfileRules, ...contextRules, ...composeRules, ...imageRules];
