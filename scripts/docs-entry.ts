import { generateDocs } from '../src/docs/generate.js';
import { allRules } from '../src/rules/index.js';

export const files = () => generateDocs(allRules);
