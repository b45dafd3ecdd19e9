import * as assert from 'assert';
import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { isSqlExemptFile, sqlExemptionOf } from '../../../src/engine/rules/sql/exempt-files';
import { runRuleTests } from '../../../src/testing/rule-tester';

// Tests, fixtures, migrations, seeds and maintenance scripts are left out unless `sql.includeTests` is set.

const built = 'db.query("DELETE FROM " + table + " WHERE id = " + id);';

describe('sql exemptions by place and content', () => {
  const cases: [string, string | undefined, string, string | undefined][] = [
    ['src/routes/users.js', undefined, built, undefined],
    ['test/users.js', undefined, built, 'test'],
    ['src/users.spec.ts', undefined, built, 'test'],
    ['/home/me/shop/src/__tests__/db.js', undefined, built, 'test'],
    ['db/migrations/20240101-add-users.js', undefined, built, 'migration'],
    ['server/migration/0003.ts', undefined, built, 'migration'],
    ['database/seeders/users.js', undefined, built, 'migration'],
    ['seeds/dev.js', undefined, built, 'migration'],
    ['scripts/fix-balances.ts', undefined, built, 'script'],
    ['.scripts/compare.js', undefined, built, 'script'],
    ['cron/weekly/send-reminders.ts', undefined, built, 'script'],
    ['src/cronjobs/send.ts', undefined, built, undefined],
    ['/home/me/shop/src/001.migration.ts', undefined, built, 'migration'],
    // folders count below the project root only: a project checked out under /srv/test/ is not all tests
    ['/srv/test/shop/src/db.js', '/srv/test/shop', built, undefined],
    ['/srv/test/shop/migrations/1.js', '/srv/test/shop', built, 'migration'],
    ['/srv/scripts/shop/src/db.js', '/srv/scripts/shop', built, undefined],
    ['/srv/scripts/shop/src/db.js', undefined, built, undefined],
    ['data/static/codefixes/loginChallenge_1.ts', undefined, built, 'asset'],
    ['public/js/app.js', undefined, built, 'asset'],
    ['/srv/static/shop/src/db.js', '/srv/static/shop', built, undefined],
    // content, when the place says nothing
    ['src/db/1700000000000-AddIndex.ts', undefined, `export class AddIndex1700 implements MigrationInterface {\n  async up(queryRunner) { await queryRunner.query(\`DROP INDEX \${name}\`); }\n}`, 'migration'],
    ['src/db/20240101.js', undefined, `module.exports = {\n  up: async (queryInterface, Sequelize) => { await queryInterface.sequelize.query("UPDATE t SET a = " + a); },\n};`, 'migration'],
    ['src/db/20240101.js', undefined, 'exports.up = function (knex) { return knex.raw("ALTER TABLE " + t); };', 'migration'],
    ['src/db/dev.js', undefined, 'exports.seed = async function (knex) { await knex.raw("TRUNCATE " + t); };', 'migration'],
    ['src/db.check.js', undefined, `const { expect } = require('chai');\n${built}`, 'test'],
    ['src/db.check.js', undefined, `describe('users', () => {\n  it('deletes', async () => { ${built} expect(1).toBe(1); });\n});`, 'test'],
    ['src/tools/reindex.js', undefined, `#!/usr/bin/env node\n${built}`, 'script'],
    // a server started from a shebang file still handles requests
    ['src/server.js', undefined, `#!/usr/bin/env node\napp.get('/u', (req, res) => db.query("SELECT * FROM u WHERE id = " + req.query.id));`, undefined],
    // keyboard handlers have `up` too
    ['src/keys.js', undefined, `const keys = { up: (event) => move(event), down: (event) => move(event) };\n${built}`, undefined],
  ];
  for (const [fileName, rootDir, text, expected] of cases) {
    it(`${fileName}${rootDir ? ` (root ${rootDir})` : ''}: ${expected ?? 'application code'}`, () => {
      assert.strictEqual(sqlExemptionOf(fileName, rootDir, text), expected);
      assert.strictEqual(isSqlExemptFile(fileName, rootDir, text), expected !== undefined);
    });
  }

  // the last answer is kept for the next question about the same file: each argument that differs asks again
  it('answers again when the text, the file or the root changes between two questions', () => {
    const migration = 'exports.up = function (knex) { return knex.raw("ALTER TABLE " + t); };';
    assert.strictEqual(sqlExemptionOf('src/db/a.js', undefined, migration), 'migration');
    assert.strictEqual(sqlExemptionOf('src/db/a.js', undefined, built), undefined);
    assert.strictEqual(sqlExemptionOf('src/db/a.js', undefined, built), undefined);
    assert.strictEqual(sqlExemptionOf('test/a.js', undefined, built), 'test');
    assert.strictEqual(sqlExemptionOf('/srv/test/shop/a.js', '/srv/test/shop', built), undefined);
    assert.strictEqual(sqlExemptionOf('/srv/test/shop/a.js', '/srv', built), 'test');
  });
});

runRuleTests(sqlConcatenation, {
  valid: [
    { name: 'a fixture loader', code: built, fileName: 'test/fixtures/load.js' },
    { name: 'a migration', code: built, fileName: 'migrations/20240101-rename.js' },
    { name: 'a maintenance script', code: built, fileName: 'scripts/cleanup.js' },
    { code: `class Rename implements MigrationInterface {\n  async up(queryRunner: QueryRunner) { await queryRunner.query(\`ALTER TABLE \${table} RENAME TO \${next}\`); }\n}`, languageId: 'typescript', fileName: 'src/database/1700-Rename.ts' },
    { name: 'a test below the project root', code: built, fileName: '/repo/test/db.js', files: { '/repo/package.json': '{"name":"shop"}' } },
  ],
  invalid: [
    { name: 'application code', code: built, fileName: 'src/db.js', errors: [{ messageId: 'concatenated' }] },
    { name: 'a fixture loader with includeTests', code: built, fileName: 'test/fixtures/load.js', options: { sql: { includeTests: true } }, errors: [{ messageId: 'concatenated' }] },
    { name: 'a migration with includeTests', code: built, fileName: 'migrations/20240101-rename.js', options: { sql: { includeTests: true } }, errors: [{ messageId: 'concatenated' }] },
    // the project itself may live below a folder named `test`: only folders inside it count
    { name: 'a project below a folder named test', code: built, fileName: '/srv/test/shop/src/db.js', files: { '/srv/test/shop/package.json': '{"name":"shop"}' }, errors: [{ messageId: 'concatenated' }] },
  ],
});
