import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests, type InvalidCase } from '../../../src/testing/rule-tester';

// The Python quick fix "Use a parameterized query": placeholders in the driver's style, values passed the
// driver's way, and no fix where the rewrite would be a guess. The tester re-analyses every output: it must
// parse and the finding must be gone.

const sqlite = 'import sqlite3\n';
const pg = 'import psycopg2\n';
const mysql = 'import pymysql\n';

function fix(name: string, code: string, output: string | null, messageId = 'concatenated'): InvalidCase {
  return { name, code, output, languageId: 'python', errors: [{ messageId }] };
}

runRuleTests(sqlConcatenation, {
  valid: [],
  invalid: [
    // placeholders in the driver's style
    fix('sqlite3: ? and a tuple', `${sqlite}def f(name):\n    cur.execute("SELECT * FROM users WHERE name = '" + name + "'")\n`, `${sqlite}def f(name):\n    cur.execute("SELECT * FROM users WHERE name = ?", (name,))\n`),
    fix('psycopg2: %s and a tuple', `${pg}def f(name):\n    cur.execute(f"SELECT * FROM users WHERE name = '{name}'")\n`, `${pg}def f(name):\n    cur.execute("SELECT * FROM users WHERE name = %s", (name,))\n`),
    fix('PyMySQL: %s, from % formatting', `${mysql}def f(name, age):\n    cur.execute("SELECT * FROM users WHERE name = '%s' AND age > %s" % (name, age))\n`, `${mysql}def f(name, age):\n    cur.execute("SELECT * FROM users WHERE name = %s AND age > %s", (name, age))\n`),
    fix('mysqlclient: %s, from .format', `import MySQLdb\ndef f(db, name):\n    c = db.cursor()\n    c.execute("DELETE FROM users WHERE name = '{}'".format(name))\n`, `import MySQLdb\ndef f(db, name):\n    c = db.cursor()\n    c.execute("DELETE FROM users WHERE name = %s", (name,))\n`),
    fix('Django cursor: %s', `from django.db import connection\ndef view(request):\n    with connection.cursor() as cursor:\n        cursor.execute("SELECT * FROM t WHERE a = '" + request.GET["a"] + "'")\n`, `from django.db import connection\ndef view(request):\n    with connection.cursor() as cursor:\n        cursor.execute("SELECT * FROM t WHERE a = %s", (request.GET["a"],))\n`),
    fix('asyncpg: $1, $2 as arguments', `import asyncpg\nasync def f(conn, name, age):\n    return await conn.fetch(f"SELECT * FROM users WHERE name = '{name}' AND age > {age}")\n`, `import asyncpg\nasync def f(conn, name, age):\n    return await conn.fetch("SELECT * FROM users WHERE name = $1 AND age > $2", name, age)\n`),
    fix('SQLAlchemy text(): :name and bindparams', `from sqlalchemy import text\ndef f(session, name):\n    return session.execute(text(f"SELECT * FROM users WHERE name = '{name}'"))\n`, `from sqlalchemy import text\ndef f(session, name):\n    return session.execute(text("SELECT * FROM users WHERE name = :name").bindparams(name=name))\n`),
    fix('SQLAlchemy text(): names from request keys', `from flask import request\nfrom sqlalchemy import text\ndef f(db):\n    return db.session.execute(text("SELECT * FROM t WHERE a = '" + request.args.get("user_id") + "' AND b = '" + request.form["user_id"] + "'"))\n`, `from flask import request\nfrom sqlalchemy import text\ndef f(db):\n    return db.session.execute(text("SELECT * FROM t WHERE a = :user_id AND b = :user_id_2").bindparams(user_id=request.args.get("user_id"), user_id_2=request.form["user_id"]))\n`),
    fix('Django raw(): %s and a list', `def view(request):\n    return User.objects.raw("SELECT * FROM app_user WHERE name = '%s'" % request.GET["name"])\n`, `def view(request):\n    return User.objects.raw("SELECT * FROM app_user WHERE name = %s", [request.GET["name"]])\n`),
    fix('a literal % doubles for format placeholders', `${pg}def f(name):\n    cur.execute("SELECT * FROM t WHERE a LIKE 'x%' AND b = '" + name + "'")\n`, `${pg}def f(name):\n    cur.execute("SELECT * FROM t WHERE a LIKE 'x%%' AND b = %s", (name,))\n`),
    fix('a literal % stays for qmark placeholders', `${sqlite}def f(name):\n    cur.execute("SELECT * FROM t WHERE a LIKE 'x%' AND b = '" + name + "'")\n`, `${sqlite}def f(name):\n    cur.execute("SELECT * FROM t WHERE a LIKE 'x%' AND b = ?", (name,))\n`),
    fix('%% of % formatting is one %', `${pg}def f(name):\n    cur.execute("SELECT * FROM t WHERE a LIKE 'x%%' AND b = '%s'" % name)\n`, `${pg}def f(name):\n    cur.execute("SELECT * FROM t WHERE a LIKE 'x%%' AND b = %s", (name,))\n`),
    fix('a bare number position', `${sqlite}def f(i):\n    cur.execute("SELECT * FROM t WHERE id = " + i)\n`, `${sqlite}def f(i):\n    cur.execute("SELECT * FROM t WHERE id = ?", (i,))\n`),
    fix('"..." is a string in SQLite', `${sqlite}def f(name):\n    cur.execute('SELECT * FROM t WHERE a = "' + name + '"')\n`, `${sqlite}def f(name):\n    cur.execute("SELECT * FROM t WHERE a = ?", (name,))\n`),
    fix('a multi-line f-string becomes a triple-quoted string', `${pg}def f(name):\n    cur.execute(f"""\n        SELECT * FROM users\n        WHERE name = '{name}'\n    """)\n`, `${pg}def f(name):\n    cur.execute("""\n        SELECT * FROM users\n        WHERE name = %s\n    """, (name,))\n`),
    fix('quotes inside the text are escaped', `${sqlite}def f(name):\n    cur.execute("SELECT \\"a\\" FROM t WHERE b = '" + name + "'")\n`, `${sqlite}def f(name):\n    cur.execute("SELECT \\"a\\" FROM t WHERE b = ?", (name,))\n`),
    fix('implicitly concatenated literals', `${sqlite}def f(name):\n    cur.execute("SELECT * FROM t "\n                f"WHERE b = '{name}'")\n`, `${sqlite}def f(name):\n    cur.execute("SELECT * FROM t WHERE b = ?", (name,))\n`),
    // no fix where it would be a guess
    fix('no fix: values already passed', `${sqlite}def f(name, i):\n    cur.execute("SELECT * FROM t WHERE b = '" + name + "' AND id = ?", (i,))\n`, null),
    fix('no fix: text assembled before the call', `${sqlite}def f(name):\n    sql = "SELECT * FROM t WHERE b = '" + name + "'"\n    cur.execute(sql)\n`, null),
    fix('no fix: a value inside a LIKE pattern', `${sqlite}def f(q):\n    cur.execute(f"SELECT * FROM t WHERE b LIKE '%{q}%'")\n`, null),
    fix('no fix: a table name cannot be a parameter', `${sqlite}def f(table):\n    cur.execute("SELECT * FROM " + table)\n`, null, 'identifier'),
    fix('no fix: the driver is not known', `def f(cur, name):\n    cur.execute("SELECT * FROM t WHERE b = '" + name + "'")\n`, null),
    fix('no fix: two drivers with different placeholders', `${sqlite}${pg}def f(name):\n    cur.execute("SELECT * FROM t WHERE b = '" + name + "'")\n`, null),
    fix('no fix: a value that is not a simple expression', `${sqlite}def f(name):\n    cur.execute("SELECT * FROM t WHERE b = '" + (name or "anonymous") + "'")\n`, null),
    fix('a call that reads a value moves into the parameters as it is', `${sqlite}def f(names):\n    cur.execute("SELECT * FROM t WHERE b = '" + names.pop() + "'")\n`, `${sqlite}def f(names):\n    cur.execute("SELECT * FROM t WHERE b = ?", (names.pop(),))\n`),
    fix('no fix: executescript takes no parameters', `${sqlite}def f(name):\n    conn.executescript("UPDATE t SET a = '" + name + "'")\n`, null),
    fix('no fix: pandas placeholders depend on the connection', `import pandas as pd\ndef f(conn, name):\n    return pd.read_sql(f"SELECT * FROM t WHERE a = '{name}'", conn)\n`, null),
    fix('no fix: a SQLAlchemy session takes text(), not driver placeholders', `import psycopg2\nfrom sqlalchemy.orm import Session\ndef f(session, name):\n    return session.execute(f"SELECT * FROM users WHERE name = '{name}'")\n`, null),
    fix('no fix: a constant from elsewhere in the text', `${sqlite}TABLE = "users"\ndef f(name):\n    cur.execute("SELECT * FROM " + TABLE + " WHERE name = '" + name + "'")\n`, null),
    fix('no fix: the SQL passed by keyword', `${sqlite}def f(name):\n    cur.execute(sql="SELECT * FROM t WHERE b = '" + name + "'")\n`, null),
  ],
});
