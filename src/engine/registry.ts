import type { Rule } from './rule';
import { sqlConcatenation } from './rules/sql-concatenation';
import { missingHelmet } from './rules/missing-helmet';
import { missingAuth } from './rules/missing-auth';
import { pythonSecurityHeaders } from './rules/python-security-headers';

/** Every rule the engine knows, imported explicitly so the bundler sees them. */
const RULES: readonly Rule[] = [sqlConcatenation, missingHelmet, missingAuth, pythonSecurityHeaders];

export function allRules(): readonly Rule[] {
  return RULES;
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}
