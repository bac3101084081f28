// The rule's type for the tests that import it (the rule itself is JavaScript, as eslint.config.js loads it).
import type { Rule } from 'eslint';

declare const rule: Rule.RuleModule;
export default rule;
