import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

runRuleTests(sqlConcatenation, {
  valid: [
    'db.query("SELECT * FROM users WHERE id = ?", [id]);',
    'db.query("SELECT * FROM users WHERE id = " + 42);',
    'logger.query("delete " + name);',
  ],
  invalid: [
    {
      code: 'db.query("SELECT * FROM users WHERE id = " + id);',
      errors: [{ messageId: 'concatenated', line: 1, column: 10, endColumn: 48 }],
    },
    {
      code: 'pool.query(`DELETE FROM orders WHERE id = ${req.params.id}`);',
      languageId: 'typescript',
      errors: [{ messageId: 'concatenated', line: 1, column: 12 }],
    },
  ],
});
