import * as assert from 'assert';
import { IncrementalDocument } from '../../../src/engine/incremental';
import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { projectFrom } from '../../../src/testing/project-from';

// In the editor, a helper's findings rest on what other files pass to it: when a caller in another file starts
// passing request data, the remembered (empty) result of the helper's statement must be checked again; so must
// the result of a helper nothing calls (code that never runs) when another file starts naming it.

const HELPER = '/p/src/db/helpers.js';
const TEXT = "const db = require('./pool');\nfunction purge(table) {\n  return db.query(`DELETE FROM ${table} WHERE expired`);\n}\nmodule.exports = { purge };\n";

describe('sql-concatenation in the editor: callers in other files', () => {
  it('re-checks a helper when a caller in another file starts passing request data, and again when it stops', async () => {
    const doc = (await IncrementalDocument.open(TEXT, { languageId: 'javascript', fileName: HELPER, rules: [sqlConcatenation] }))!;
    try {
      const lines = async (caller: string): Promise<number[]> => {
        const project = await projectFrom({ [HELPER]: TEXT, '/p/src/jobs.js': `const { purge } = require('./db/helpers');\n${caller}\n` });
        return doc.analyze({ project }).findings.map((f) => f.range.start.line + 1);
      };
      const seen = [await lines("purge('sessions');"), await lines('module.exports = (req) => purge(req.query.t);'), await lines("purge('tokens');")];
      assert.deepStrictEqual(seen, [[], [3], []]);
    } finally {
      doc.dispose();
    }
  });

  it('re-checks a helper nothing calls when another file starts naming it, and again when it stops', async () => {
    const doc = (await IncrementalDocument.open(TEXT, { languageId: 'javascript', fileName: HELPER, rules: [sqlConcatenation] }))!;
    try {
      const lines = async (other: string): Promise<number[]> => {
        const project = await projectFrom({ [HELPER]: TEXT, '/p/src/jobs.js': `${other}\n` });
        return doc.analyze({ project }).findings.map((f) => f.range.start.line + 1);
      };
      // jobs.js imports the helper's module for something else, so the module is part of the app
      const uses = "const helpers = require('./db/helpers');\n";
      const seen = [await lines(`${uses}exports.run = () => 1;`), await lines(`${uses}exports.run = (tasks) => tasks.purge(tasks.name);`), await lines(`${uses}exports.run = () => 1;`)];
      assert.deepStrictEqual(seen, [[], [3], []]);
    } finally {
      doc.dispose();
    }
  });
});
