import { languageOfFileName } from '../../languages';
import { isTestFileName, pathBelowRoot } from '../../project/frameworks';

/**
 * Files whose SQL never meets a request: tests and fixtures, schema migrations, seeds, maintenance
 * scripts and scheduled jobs. They build SQL from table names, generated names and their own constants, run by a developer
 * or a deploy step, so `sql-concatenation` leaves them alone unless `sql.includeTests` is set. Files in a
 * folder of static assets (`public/`, `static/`, `assets/`) are served as they are, not run by the server:
 * code samples shown to users are left alone too.
 *
 * A file is recognised by where it is (folders are judged relative to the project root, so the answer does
 * not depend on the folder the tool runs from) and, when its place says nothing, by what it holds: a
 * migration class or `up`/`down` pair, a seed function, a test suite, a command-line script.
 */

export type SqlExemption = 'test' | 'migration' | 'script' | 'asset';

/** Folders of migrations and seeds, on paths relative to the project root. */
const MIGRATION_FOLDER = /(?:^|\/)(?:migrations?|seeds?|seeders?)\//i;
/**
 * Folders of maintenance scripts and scheduled jobs (`cron/`: run by the clock, never handed a request), and of
 * command-line commands (Django's `management/commands/`, Laravel's `app/Console/`, Rails' `lib/tasks/`).
 */
const SCRIPT_FOLDER = /(?:^|\/)(?:\.?scripts?|cron|management\/commands|app\/Console|lib\/tasks)\//i;
/** Folders of files served as they are. */
const ASSET_FOLDER = /(?:^|\/)(?:public|static|assets)\//i;
/** File names that say the same wherever the file is: `001.migration.ts`, `users.seed.js`. */
const MAINTENANCE_FILE = /[./-](?:migration|seed)s?\.[cm]?[jt]sx?$/i;

/** One pattern that matches where any of `patterns` (without flags) does: one scan of the text instead of one each. */
function oneOf(patterns: readonly RegExp[]): RegExp {
  return new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'));
}

/**
 * A migration: a TypeORM, Rails, Laravel or Doctrine migration class, or an `up` function handed the migration
 * runner (Sequelize, Knex, node-pg-migrate); a seed: Knex's `seed(knex)`. (Each pattern starts with a word, which keeps the scan of a
 * large file cheap: this runs on every keystroke.)
 */
const MIGRATION_CONTENT = oneOf([
  /MigrationInterface\b/,
  /\b(?:up|seed)\s*(?:[:=]\s*)?(?:async\s*)?(?:function\s*)?\(\s*(?:queryRunner|queryInterface|knex|pgm|migration)\b/,
  /exports\.up\s*=|export\s+(?:async\s+)?function\s+up\s*\(/,
  // Rails (`class AddIndex < ActiveRecord::Migration[7.1]`), Laravel and Doctrine (`extends Migration`, `AbstractMigration`)
  /\bclass\s+\w+\s*<\s*ActiveRecord::Migration\b/,
  /\bextends\s+(?:Abstract)?Migration\b/,
]);
/** Python: test modules by import (by name they are `isTestFileName`'s), and Alembic migrations. */
const PYTHON_TEST_IMPORT = /^\s*(?:import\s+(?:pytest|unittest)\b|from\s+(?:django\.test|unittest|pytest|flask_testing|rest_framework\.test)\b[\w.]*\s+import\b)/m;
const PYTHON_MIGRATION = /^\s*from\s+alembic\s+import\s+op\b/m;
/** A test suite: a test framework imported, or `describe`/`it` blocks with assertions. */
const TEST_IMPORT = /['"](?:mocha|chai|vitest|@jest\/globals|node:test|supertest|ava|tap|sinon|@playwright\/test|@nestjs\/testing)['"]/;
const TEST_BLOCKS = [/describe\s*\(\s*['"`]/, /\b(?:it|test)\s*\(\s*['"`]/, /\b(?:expect|assert)\s*[.(]/];
/** A command-line script: a `node` shebang in a file that handles no requests. */
const SHEBANG = /^#!.*\bnode\b/;
const HANDLES_REQUESTS = /\b(?:req|request|ctx|reply)\b/;

/** A test framework named in an `import ... from` or a `require(...)`. */
function importsTestFramework(text: string): boolean {
  const named = TEST_IMPORT.exec(text);
  return !!named && /(?:\bfrom\s*|\brequire\s*\(\s*)$/.test(text.slice(Math.max(0, named.index - 12), named.index));
}

function slashes(path: string): string {
  return path.split('\\').join('/');
}

/**
 * The last file asked about and its answer. A scan asks about each file up to three times in a row (the rule's
 * `mayReport`, its `check` when it reports, the report's count of files left out), each time scanning the whole
 * text with the patterns above: about 1% of a scan's CPU on the bench corpus. A text compares equal at once when
 * it is the same string, which is what the three askers hand over.
 */
let last: { fileName: string; rootDir: string | undefined; text: string; exemption: SqlExemption | undefined } | undefined;

/** Why a file is exempt from `sql-concatenation`, or `undefined` when it is application code. */
export function sqlExemptionOf(fileName: string, rootDir: string | undefined, text: string): SqlExemption | undefined {
  if (last && last.text === text && last.fileName === fileName && last.rootDir === rootDir) return last.exemption;
  const exemption = exemptionOf(fileName, rootDir, text);
  last = { fileName, rootDir, text, exemption };
  return exemption;
}

function exemptionOf(fileName: string, rootDir: string | undefined, text: string): SqlExemption | undefined {
  if (isTestFileName(fileName, rootDir)) return 'test';
  const path = pathBelowRoot(fileName, rootDir);
  const name = slashes(fileName);
  if (path !== undefined && SCRIPT_FOLDER.test(path)) return 'script';
  if (MAINTENANCE_FILE.test(name) || (path !== undefined && MIGRATION_FOLDER.test(path))) return 'migration';
  if (path !== undefined && ASSET_FOLDER.test(path)) return 'asset';
  // Python's import lines are looked for in Python files only: each scan of a large file costs on every keystroke
  const language = languageOfFileName(fileName);
  const python = language === undefined || language === 'python';
  if (MIGRATION_CONTENT.test(text) || (python && PYTHON_MIGRATION.test(text))) return 'migration';
  if (python && PYTHON_TEST_IMPORT.test(text)) return 'test';
  if (importsTestFramework(text) || TEST_BLOCKS.every((p) => p.test(text))) return 'test';
  if (SHEBANG.test(text) && !HANDLES_REQUESTS.test(text)) return 'script';
  return undefined;
}

/**
 * True for tests, fixtures, migrations, seeds, maintenance scripts and static assets, which
 * `sql-concatenation` skips by default. Pure: the CLI calls it too, to count the files the rule left out.
 */
export function isSqlExemptFile(fileName: string, rootDir: string | undefined, text: string): boolean {
  return sqlExemptionOf(fileName, rootDir, text) !== undefined;
}
