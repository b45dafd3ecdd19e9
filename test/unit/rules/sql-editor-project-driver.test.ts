import * as assert from 'assert';
import { IncrementalDocument } from '../../../src/engine/incremental';
import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { projectFrom } from '../../../src/testing/project-from';

// In the editor, a statement's findings (fixes included) are replayed while the file's text and imports stay
// the same. The fix's placeholders also rest on other files: when the db module or package.json changes
// the driver, the remembered fix must be made again.

const ROUTE = '/p/src/routes/orders.js';
const TEXT = "const { pool } = require('../db');\npool.query(\"DELETE FROM orders WHERE id = \" + id);\n";

async function projectWithDb(db: string | undefined, packageJson = '{}'): Promise<Awaited<ReturnType<typeof projectFrom>>> {
  return projectFrom({ '/p/package.json': packageJson, ...(db === undefined ? {} : { '/p/src/db.js': db }), [ROUTE]: TEXT });
}

describe('sql-concatenation in the editor: the driver named by other files', () => {
  it('re-makes a remembered fix when the db module or package.json changes the driver', async () => {
    const doc = (await IncrementalDocument.open(TEXT, { languageId: 'javascript', fileName: ROUTE, rules: [sqlConcatenation] }))!;
    try {
      const fixedSql = async (project: Awaited<ReturnType<typeof projectFrom>>): Promise<string | undefined> => {
        const [finding, ...rest] = doc.analyze({ project }).findings;
        assert.ok(finding && rest.length === 0, 'one finding');
        return finding.fixes[0]?.edits[0].newText;
      };
      const pg = "const { Pool } = require('pg');\nmodule.exports = { pool: new Pool() };\n";
      const mysql = "const mysql = require('mysql2');\nmodule.exports = { pool: mysql.createPool({}) };\n";
      const seen = [
        await fixedSql(await projectWithDb(pg)),
        await fixedSql(await projectWithDb(mysql)),
        await fixedSql(await projectWithDb(undefined)),
        await fixedSql(await projectWithDb(undefined, JSON.stringify({ dependencies: { pg: '*' } }))),
      ];
      assert.deepStrictEqual(seen, ['"DELETE FROM orders WHERE id = $1", [id]', '"DELETE FROM orders WHERE id = ?", [id]', undefined, '"DELETE FROM orders WHERE id = $1", [id]']);
    } finally {
      doc.dispose();
    }
  });
});
