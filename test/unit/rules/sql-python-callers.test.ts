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
// column names from a dict's keys, values as `?` parameters (the UPDATE on line 7 is not flagged whatever its
// callers pass: a `SET` followed by a value does not read as a statement on a handle not named like one)
const saveRow = [
  'import sqlite3',
  '',
  'class Store:',
  '    def save(self, table, fields, where):',
  '        assignments = lambda d: [name + " = ?" for name in d]',
  '        sql = "UPDATE " + table + " SET " + ", ".join(assignments(fields)) + " WHERE " + " AND ".join(assignments(where))',
  '        self.cursor.execute(sql, list(fields.values()) + list(where.values()))',
  '        columns = ", ".join(list(fields.keys()) + list(where.keys()))',
  '        marks = ", ".join(["?"] * (len(fields) + len(where)))',
  '        self.cursor.execute("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")", list(fields.values()) + list(where.values()))',
  '',
].join('\n');
const STORE = '/p/app/store.py';
const stateSetter = 'from app import store\n\nclass Sessions:\n    def set_state(self, key, **fields):\n        values = {}\n        for k, v in fields.items():\n            values[k] = v\n        store.Store().save("sessions", values, {"key": key})\n';
/** A case of `saveRow` with the callers in `files`, and the same flagged at its INSERT (line 10). */
const saved = (name: string, files: Record<string, string>) => ({ name, languageId: 'python' as const, fileName: STORE, files, code: saveRow });
const flaggedAtInsert = (name: string, files: Record<string, string>, messageId = 'concatenated') => ({ ...saved(name, files), errors: [{ messageId, line: 10 }] });
const caller = (body: string): string => `from flask import request\nfrom app import store\n\ndef run(item, **extra):\n    db = store.Store()\n${body.split('\n').map((l) => `    ${l}`).join('\n')}\n`;

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
    saved('dict keys: every caller builds its dicts with literal keys (literal, `d[k] = `, `update`, `pop`), whatever the values', {
      '/p/app/users.py': caller('fields = {"name": request.form["name"], "email": item}\nfields["age"] = request.form.get("age")\nfields.update({"city": item}, country=item)\nfields.pop("email")\ndb.save("users", fields, {"id": item})'),
      '/p/app/jobs.py': caller('where = dict(id=item)\ndb.save(table="jobs", fields={"state": request.args["s"]}, where=where)'),
    }),
    saved('dict keys: a dict read from elsewhere, then replaced by a literal before the call on every path', { '/p/app/cache.py': caller('info = item.lookup()\nif info:\n    info = {"title": info["t"]}\n    db.save("cache", info, {"id": 1})') }),
    saved('dict keys copied from another dict with literal keys (`for k, v in other.items(): d[k] = v`)', { '/p/app/copy.py': caller('base = {"a": item, "b": 2}\nfields = {}\nfor k, v in base.items():\n    fields[k] = v\ndb.save("t", fields, {"id": 1})') }),
    saved('dict keys copied from `**kwargs`, whose every call (in any file) writes keyword names', {
      '/p/app/sessions.py': stateSetter,
      '/p/app/handler.py': 'def stop(sessions, key):\n    sessions.set_state(key, state="stopped", stopped=1)\n',
    }),
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
    flaggedAtInsert('dict keys from request data (`dict(request.form)`) reach the column list', {
      '/p/app/users.py': caller('db.save("users", {"name": item}, {"id": item})'),
      '/p/app/views.py': caller('db.save("users", dict(request.form), {"id": item})'),
    }),
    flaggedAtInsert('dict keys copied from the request in a loop (`for k in request.json: d[k] = ...`)', { '/p/app/views.py': caller('fields = {}\nfor k in request.json:\n    fields[k] = request.json[k]\ndb.save("users", fields, {"id": 1})') }),
    flaggedAtInsert('dict keys from a `**kwargs` parameter, whose callers are out of sight here', { '/p/app/views.py': caller('db.save("users", extra, {"id": 1})') }),
    flaggedAtInsert('dict keys kept by a prefix and suffix check only (`k.startswith(p) and k.endswith("_x")` lets any middle through)', { '/p/app/views.py': caller('texts = {k: extra.pop(k) for k in list(extra.keys()) if k.startswith("on_") and k.endswith("_text")}\nfields = {"name": item}\nfields.update(texts)\ndb.save("users", fields, {"id": 1})') }),
    flaggedAtInsert('dict keys: replaced by a literal on one branch only, so the value read before still reaches the call', { '/p/app/cache.py': caller('info = item.lookup()\nif info:\n    info = {"title": 1}\ndb.save("cache", info, {"id": 1})') }),
    flaggedAtInsert('the table name from the request in a caller in another file, with literal dict keys', { '/p/app/views.py': caller('db.save(request.args["table"], {"name": item}, {"id": 1})') }, 'identifier'),
    flaggedAtInsert('dict keys copied from `**kwargs` when one call spreads request data into it', {
      '/p/app/sessions.py': stateSetter,
      '/p/app/handler.py': 'from flask import request\n\ndef stop(sessions, key):\n    sessions.set_state(key, state="stopped")\n    sessions.set_state(key, **request.form)\n',
    }),
    {
      name: 'without project facts a public helper keeps today\'s verdict',
      languageId: 'python',
      code: createTable,
      errors: e,
    },
  ],
});
