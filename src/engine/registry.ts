import type { Rule } from './rule';
import { sqlConcatenation } from './rules/sql-concatenation';

/** Every rule the engine knows, imported explicitly so the bundler sees them. */
const RULES: readonly Rule[] = [sqlConcatenation];

export function allRules(): readonly Rule[] {
  return RULES;
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}
