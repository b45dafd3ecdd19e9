import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

// Python: a parameter of a public function (or method) is followed to every call the project makes of it,
// through `from m import f`, `import m; m.f()` and, for methods, every `x.method(...)` call. When all of them
// pass constants, the SQL built from it is not flagged; when one passes request data, or a caller is out of
// sight (the function handed on as a value), or no caller is seen, the parameter stays of unknown value, as
// without project facts. Calls in test files count neither way, as for JavaScript.

const e = [{ messageId: 'identifier' }];
const HELPER = '/p/app/db/helpers.py';
const createTable = 'import sqlite3\n\ndef create_table(connection, table_name):\n    connection.execute("CREATE TABLE " + table_name + " (id INTEGER)")\n';
const upsertClass = 'import sqlite3\n\nclass MonitorDatabase:\n    def upsert(self, table_name, values):\n        self.cursor.execute("UPDATE " + table_name + " SET v = ?", values)\n';
const DB = '/p/app/database.py';

runRuleTests(sqlConcatenation, {
  valid: [
    {
      name: 'a public helper: every caller in other files passes a literal table name (from-import and module import)',
      languageId: 'python',
      fileName: HELPER,
      files: {
        '/p/app/jobs.py': 'from app.db.helpers import create_table\n\ndef run(conn):\n    create_table(conn, "jobs")\n',
        '/p/app/cache.py': 'from .db import helpers\n\ndef warm(conn):\n    helpers.create_table(conn, table_name="cache")\n',
        '/p/app/db/__init__.py': '',
      },
      code: createTable,
    },
    {
      name: 'a public method: every `x.upsert(...)` call in the project passes a literal or CONSTANT_CASE table',
      languageId: 'python',
      fileName: DB,
      files: {
        '/p/app/users.py': 'from app import database\n\nUSERS = "users"\n\ndef save(item):\n    db = database.MonitorDatabase()\n    db.upsert(USERS, item)\n',
        '/p/app/libraries.py': 'from app import database\n\ndef save(item):\n    database.MonitorDatabase().upsert(table_name="library_sections", values=item)\n',
        '/p/app/images.py': 'from app import database\n\ndef save(service, item):\n    if service == "imgur":\n        table = "imgur_lookup"\n    else:\n        table = "cloudinary_lookup"\n    database.MonitorDatabase().upsert(table, item)\n',
      },
      code: upsertClass,
    },
    {
      name: 'a caller in a test file passing request data is not one of the project\'s callers',
      languageId: 'python',
      fileName: HELPER,
      files: {
        '/p/app/jobs.py': 'from app.db.helpers import create_table\n\ndef run(conn):\n    create_table(conn, "jobs")\n',
        '/p/tests/test_helpers.py': 'from flask import request\nfrom app.db.helpers import create_table\n\ndef test_create(conn):\n    create_table(conn, request.args["t"])\n',
      },
      code: createTable,
    },
    {
      name: 'callers in its own file and in another file, all with constants',
      languageId: 'python',
      fileName: HELPER,
      files: { '/p/app/jobs.py': 'from app.db.helpers import create_table\n\ndef run(conn):\n    create_table(conn, "jobs")\n' },
      code: `${createTable}\ndef setup(conn):\n    create_table(conn, "settings")\n`,
    },
  ],
  invalid: [
    {
      name: 'one caller in another file passes request data',
      languageId: 'python',
      fileName: HELPER,
      files: {
        '/p/app/jobs.py': 'from app.db.helpers import create_table\n\ndef run(conn):\n    create_table(conn, "jobs")\n',
        '/p/app/views.py': 'from flask import request\nfrom app.db.helpers import create_table\n\ndef make(conn):\n    create_table(conn, request.args["table"])\n',
      },
      code: createTable,
      errors: e,
    },
    {
      name: 'a method: one `x.upsert(...)` call passes request data',
      languageId: 'python',
      fileName: DB,
      files: {
        '/p/app/users.py': 'from app import database\n\ndef save(item):\n    database.MonitorDatabase().upsert("users", item)\n',
        '/p/app/views.py': 'from flask import request\n\ndef save(db):\n    db.upsert(request.form["table"], {})\n',
      },
      code: upsertClass,
      errors: e,
    },
    {
      name: 'a caller passes a local name that one binding sets from a parameter',
      languageId: 'python',
      fileName: HELPER,
      files: { '/p/app/jobs.py': 'from app.db.helpers import create_table\n\ndef run(conn, name):\n    table = "jobs"\n    if name:\n        table = name\n    create_table(conn, table)\n' },
      code: createTable,
      errors: e,
    },
    {
      name: 'a caller passes a loop variable',
      languageId: 'python',
      fileName: HELPER,
      files: { '/p/app/jobs.py': 'from app.db.helpers import create_table\n\ndef run(conn, names):\n    table = "jobs"\n    for table in names:\n        create_table(conn, table)\n' },
      code: createTable,
      errors: e,
    },
    {
      name: 'one caller passes a value of unknown origin',
      languageId: 'python',
      fileName: HELPER,
      files: { '/p/app/jobs.py': 'from app.db.helpers import create_table\n\ndef run(conn, name):\n    create_table(conn, name)\n' },
      code: createTable,
      errors: e,
    },
    {
      name: 'no caller in the project: the parameter stays unknown',
      languageId: 'python',
      fileName: HELPER,
      files: { '/p/app/jobs.py': 'X = 1\n' },
      code: createTable,
      errors: e,
    },
    {
      name: 'only a test file calls it: no caller in the project',
      languageId: 'python',
      fileName: HELPER,
      files: { '/p/tests/test_helpers.py': 'from app.db.helpers import create_table\n\ndef test_create(conn):\n    create_table(conn, "t")\n' },
      code: createTable,
      errors: e,
    },
    {
      name: 'handed on as a value somewhere: its callers are out of sight',
      languageId: 'python',
      fileName: HELPER,
      files: {
        '/p/app/jobs.py': 'from app.db.helpers import create_table\n\ndef run(conn):\n    create_table(conn, "jobs")\n',
        '/p/app/hooks.py': 'from app.db.helpers import create_table\n\nHOOKS = [create_table]\n',
      },
      code: createTable,
      errors: e,
    },
    {
      name: 'a method handed on as a callback (`callback=db.upsert`): its callers are out of sight',
      languageId: 'python',
      fileName: DB,
      files: {
        '/p/app/users.py': 'from app import database\n\ndef save(item):\n    database.MonitorDatabase().upsert("users", item)\n',
        '/p/app/queue.py': 'def register(db, queue):\n    queue.subscribe(callback=db.upsert)\n',
      },
      code: upsertClass,
      errors: e,
    },
    {
      name: 'a caller spreads its arguments: what reaches the parameter is out of sight',
      languageId: 'python',
      fileName: HELPER,
      files: { '/p/app/jobs.py': 'from app.db.helpers import create_table\n\ndef run(*args):\n    create_table(*args)\n' },
      code: createTable,
      errors: e,
    },
    {
      name: 'a decorated function (a task, a signal handler) is called where its calls are not seen',
      languageId: 'python',
      fileName: HELPER,
      files: { '/p/app/jobs.py': 'from app.db.helpers import create_table\n\ndef run(conn):\n    create_table(conn, "jobs")\n' },
      code: createTable.replace('def create_table', '@celery.task\ndef create_table'),
      errors: e,
    },
    {
      name: 'a public method that hands its parameter whole to the sink is a sink itself: the call that builds the text is flagged',
      languageId: 'python',
      fileName: DB,
      files: { '/p/app/views.py': 'from flask import request\n\ndef drop(db):\n    db.action("VACUUM")\n    db.drop(request.args["t"])\n' },
      code: 'import sqlite3\n\nclass Db:\n    def action(self, query):\n        self.cursor.execute(query)\n\n    def drop(self, table):\n        self.action("DROP TABLE " + table)\n',
      errors: [{ messageId: 'identifier', line: 8 }],
    },
    {
      name: 'without project facts a public helper keeps today\'s verdict',
      languageId: 'python',
      code: createTable,
      errors: e,
    },
  ],
});
