import type { ReplayableQuery } from './query';

/**
 * The login lookup the SQL injection lesson opens with (walkthroughs/guide/sql-injection.md, "How the attack
 * works"), replayed when no file with a flagged query is open.
 */
export const LESSON_EXAMPLE: ReplayableQuery = {
  values: [{ source: 'email', fromRequest: true, unsafe: true }],
  built: [
    { kind: 'sql', text: "SELECT id, role, password_hash FROM accounts WHERE email = '" },
    { kind: 'value', value: 0 },
    { kind: 'sql', text: "' AND active = 1" },
  ],
  parameterized: { sql: ['SELECT id, role, password_hash FROM accounts WHERE email = ', ' AND active = 1'], bound: [[{ kind: 'value', value: 0 }]] },
  dialect: 'mysql',
  placeholder: '?',
};
