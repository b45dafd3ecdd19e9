import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests, type InvalidCase, type ValidCase } from '../../../src/testing/rule-tester';

// Python SQL built from strings: the sinks of each driver, how text is built, and where values come from.
// Quick fixes have their own file (sql-python-fixes.test.ts).

const sqlite = 'import sqlite3\n';
const pg = 'import psycopg2\n';
const flask = 'from flask import Flask, request\napp = Flask(__name__)\n';

function ok(code: string, name?: string): ValidCase {
  return { code, name, languageId: 'python' };
}

function bad(code: string, messageIncludes: string[] = [], extra: Partial<InvalidCase> = {}): InvalidCase {
  return { code, languageId: 'python', errors: [{ messageId: 'concatenated', messageIncludes }], ...extra };
}

function badId(code: string, messageIncludes: string[] = []): InvalidCase {
  return { code, languageId: 'python', errors: [{ messageId: 'identifier', messageIncludes }] };
}

runRuleTests(sqlConcatenation, {
  valid: [
    // placeholders with values passed apart, in every driver's style
    ok(`${sqlite}def f(name):\n    cur.execute("SELECT * FROM users WHERE name = ?", (name,))\n`),
    ok(`${pg}def f(name):\n    cur.execute("SELECT * FROM users WHERE name = %s", (name,))\n`),
    ok(`${pg}def f(name):\n    cur.execute("SELECT * FROM users WHERE name = %(name)s", {"name": name})\n`),
    ok(`import asyncpg\nasync def f(conn, name):\n    return await conn.fetch("SELECT * FROM users WHERE name = $1", name)\n`),
    ok(`from sqlalchemy import text\ndef f(session, name):\n    return session.execute(text("SELECT * FROM users WHERE name = :name"), {"name": name})\n`),
    ok(`def f(name):\n    return User.objects.raw("SELECT * FROM app_user WHERE name = %s", [name])\n`),
    ok(`import pandas as pd\ndef f(conn, name):\n    return pd.read_sql("SELECT * FROM users WHERE name = %(n)s", conn, params={"n": name})\n`),
    ok(`${pg}def f(rows):\n    cur.executemany("INSERT INTO t (a, b) VALUES (%s, %s)", rows)\n`),
    // constants however they travel
    ok(`${sqlite}TABLE = "users"\ndef f(i):\n    cur.execute(f"SELECT * FROM {TABLE} WHERE id = ?", (i,))\n`),
    ok(`${sqlite}def f():\n    table = "users"\n    cur.execute("SELECT * FROM " + table)\n`),
    ok(`${sqlite}from .constants import USERS_TABLE\ndef f(i):\n    cur.execute("SELECT * FROM %s WHERE id = ?" % USERS_TABLE, (i,))\n`),
    ok(`${sqlite}def table_name():\n    return "users"\ndef f(i):\n    cur.execute("SELECT * FROM " + table_name() + " WHERE id = ?", (i,))\n`),
    ok(`${sqlite}COLUMNS = ("id", "name", "email")\ndef f(i):\n    cur.execute("SELECT " + ", ".join(COLUMNS) + " FROM users WHERE id = ?", (i,))\n`),
    ok(`${sqlite}def f():\n    for table in ["a", "b", "c"]:\n        cur.execute(f"DELETE FROM {table} WHERE expired = 1")\n`),
    ok(`${sqlite}TABLES = ["a", "b"]\ndef f():\n    for t in TABLES:\n        cur.execute("TRUNCATE " + t)\n`),
    ok(`${sqlite}class Repo:\n    table = "users"\n    def get(self, i):\n        return self.cur.execute(f"SELECT * FROM {self.table} WHERE id = ?", (i,))\n`),
    ok(`${sqlite}def f():\n    sql = "SELECT * FROM t"\n    sql += " WHERE a = 1"\n    cur.execute(sql)\n`),
    ok(`${sqlite}def f(desc):\n    order = "DESC" if desc else "ASC"\n    cur.execute("SELECT * FROM t ORDER BY id " + order)\n`),
    ok(`${sqlite}def f():\n    cur.execute("SELECT * FROM t WHERE id = " + str(42))\n`),
    ok(`${sqlite}def f():\n    cur.execute("SELECT * FROM t " "WHERE active = 1")\n`),
    ok(`from django.db import models\ndef f(qs):\n    return qs.filter(name="x").order_by("id")\n`, 'the Django ORM'),
    // numbers cannot carry SQL
    ok(`${flask}${sqlite}@app.route("/u")\ndef u():\n    cur.execute("SELECT * FROM t WHERE id = " + str(int(request.args["id"])))\n`),
    ok(`${flask}${sqlite}@app.route("/u")\ndef u():\n    cur.execute(f"SELECT * FROM t LIMIT {int(request.args.get('n', 10))}")\n`),
    ok(`${sqlite}def f(n):\n    cur.execute("SELECT * FROM t LIMIT %d" % n)\n`),
    ok(`${sqlite}def f(n):\n    cur.execute("SELECT * FROM t LIMIT {:d}".format(n))\n`),
    ok(`${sqlite}def f(n):\n    cur.execute(f"SELECT * FROM t LIMIT {n:d}")\n`),
    ok(`${sqlite}def f(items):\n    cur.execute("SELECT * FROM t WHERE n > " + str(len(items)))\n`),
    ok(`${flask}${sqlite}@app.route("/u/<int:user_id>")\ndef u(user_id):\n    cur.execute("SELECT * FROM t WHERE id = %s" % user_id)\n`),
    ok(`from fastapi import FastAPI\n${sqlite}app = FastAPI()\n@app.get("/u/{user_id}")\ndef u(user_id: int):\n    cur.execute(f"SELECT * FROM t WHERE id = {user_id}")\n`),
    ok(`${sqlite}def f(ids):\n    cur.execute("SELECT * FROM t WHERE id IN (%s)" % ",".join(str(int(i)) for i in ids))\n`),
    ok(`${sqlite}def f(ids):\n    cur.execute("SELECT * FROM t WHERE id IN (" + ",".join(map(int, ids)) + ")")\n`),
    // placeholder lists
    ok(`${sqlite}def f(ids):\n    cur.execute("SELECT * FROM t WHERE id IN (%s)" % ",".join("?" * len(ids)), ids)\n`),
    ok(`${pg}def f(ids):\n    marks = ", ".join(["%s"] * len(ids))\n    cur.execute(f"SELECT * FROM t WHERE id IN ({marks})", ids)\n`),
    ok(`${sqlite}def f(ids):\n    cur.execute("DELETE FROM t WHERE id IN ({})".format(",".join("?" for _ in ids)), ids)\n`),
    ok(`${pg}def f(a, b):\n    clauses = []\n    params = []\n    if a:\n        clauses.append("a = %s")\n        params.append(a)\n    if b:\n        clauses.append("b = %s")\n        params.append(b)\n    cur.execute("SELECT * FROM t WHERE " + " AND ".join(clauses), params)\n`),
    // allow-lists and checks
    ok(`${flask}${sqlite}SORTS = {"name": "name", "date": "created_at"}\n@app.route("/u")\ndef u():\n    cur.execute("SELECT * FROM t ORDER BY " + SORTS[request.args["sort"]])\n`),
    ok(`${flask}${sqlite}SORTS = {"name": "name", "date": "created_at"}\n@app.route("/u")\ndef u():\n    sort = SORTS.get(request.args.get("sort"), "id")\n    cur.execute(f"SELECT * FROM t ORDER BY {sort}")\n`),
    ok(`${flask}${sqlite}@app.route("/u")\ndef u():\n    sort = request.args.get("sort")\n    if sort not in ("name", "email"):\n        abort(400)\n    cur.execute(f"SELECT * FROM t ORDER BY {sort}")\n`),
    ok(`${flask}${sqlite}ALLOWED = {"name", "email"}\n@app.route("/u")\ndef u():\n    sort = request.args.get("sort")\n    if sort in ALLOWED:\n        cur.execute(f"SELECT * FROM t ORDER BY {sort}")\n`),
    ok(`${sqlite}def f(direction):\n    assert direction in ("ASC", "DESC")\n    cur.execute("SELECT * FROM t ORDER BY id " + direction)\n`),
    ok(`${sqlite}def f(sort):\n    col = sort if sort in ("a", "b") else "id"\n    cur.execute("SELECT * FROM t ORDER BY " + col)\n`),
    ok(`${sqlite}def f(n):\n    if not n.isdigit():\n        raise ValueError(n)\n    cur.execute("SELECT * FROM t LIMIT " + n)\n`),
    // quoting and SQL objects
    ok(`${pg}from psycopg2 import sql\ndef f(table, i):\n    cur.execute(sql.SQL("SELECT * FROM {} WHERE id = %s").format(sql.Identifier(table)), (i,))\n`),
    ok(`${pg}from psycopg2.extensions import quote_ident\ndef f(table):\n    cur.execute("SELECT * FROM " + quote_ident(table, cur))\n`),
    ok(`from django.db import connection\ndef f(table):\n    with connection.cursor() as cursor:\n        cursor.execute("SELECT * FROM " + connection.ops.quote_name(table))\n`),
    ok(`import pymysql\ndef f(conn, name):\n    cur.execute("SELECT * FROM t WHERE name = '%s'" % conn.escape_string(name))\n`),
    ok(`from sqlalchemy import select\ndef f(session, users, name):\n    return session.execute(select(users).where(users.c.name == name))\n`),
    // stored, generated, model metadata
    ok(`from django.conf import settings\nfrom django.db import connection\ndef f():\n    connection.cursor().execute("SET search_path TO " + settings.DB_SCHEMA)\n`),
    ok(`from django.db import connection\ndef f(model):\n    connection.cursor().execute("DELETE FROM " + model._meta.db_table)\n`),
    ok(`import os\n${pg}def f():\n    cur.execute("SET ROLE " + os.environ["DB_ROLE"])\n`),
    // principles found on real code (bench/real): loops over configuration, quote checks, word-only values, class attributes
    ok(`from django.conf import settings\n${pg}def f():\n    for ext in settings.DB_EXTENSIONS:\n        cur.execute(f'CREATE EXTENSION IF NOT EXISTS "{ext}"')\n`),
    ok(`${pg}def f(table_name):\n    if '"' not in table_name and "'" not in table_name:\n        cur.execute(f'SELECT max(id) FROM "{table_name}"')\n`),
    ok(`import re\n${sqlite}def f(name):\n    name = re.sub(r"[^\\w]", "", name)\n    cur.execute("SELECT * FROM t WHERE n = '" + name + "'")\n`),
    ok(`from sqlalchemy import text\nclass Search:\n    @classmethod\n    def run(cls, session):\n        session.execute(text(f"SET pg_trgm.similarity_threshold = {cls._threshold}"))\n`),
    ok(`${flask}${sqlite}@app.route("/u")\ndef u():\n    sort = request.args.get("sort", "id")\n    if sort not in User.__table__.columns.keys():\n        sort = "id"\n    cur.execute("SELECT * FROM users ORDER BY " + sort)\n`),
    ok(`${flask}${sqlite}@app.route("/u")\ndef u():\n    sort = request.args.get("sort")\n    order = request.args.get("order")\n    if sort == "state":\n        pass\n    elif order and sort in ["title", "date"]:\n        cur.execute("SELECT * FROM books ORDER BY " + sort)\n`),
    ok(`from sqlalchemy import text\ndef _migrate(session, model):\n    for name, column in model.__dict__.items():\n        session.execute(text("ALTER TABLE %s ADD COLUMN %s" % (model.__tablename__, name)))\nclass Settings(Base):\n    __tablename__ = "settings"\ndef migrate(session):\n    _migrate(session, Settings)\n`),
    // helpers: returned text is read with the call's arguments, rows read from the database are stored
    ok(`${sqlite}def where(column):\n    return column + " = ?"\ndef f(v):\n    cur.execute("SELECT * FROM t WHERE " + where("name"), (v,))\n`),
    ok(`${sqlite}def run(sql):\n    cur.execute(sql)\n    return cur.fetchall()\ndef f():\n    run("SELECT * FROM t WHERE a = 1")\n`),
    ok(`${sqlite}def run(sql):\n    cur.execute(sql)\n    return cur.fetchall()\ndef f():\n    for row in run("SELECT name FROM sqlite_master"):\n        run("SELECT count(*) FROM " + row[0])\n`),
    ok(`${sqlite}def f():\n    for (name,) in cur.execute("SELECT name FROM sqlite_master").fetchall():\n        cur.execute(f"DROP TABLE {name}")\n`),
    ok(`${pg}class Runner:\n    def schema(self):\n        cur.execute(f"SELECT * FROM information_schema.columns WHERE table_schema = '{self.configuration['schema']}'")\n`),
    ok(`${pg}def f():\n    names = []\n    names.append("a")\n    names.append("b")\n    for n in names:\n        cur.execute("TRUNCATE " + n)\n`),
    ok(`from sqlalchemy.orm import Session\ndef f(session, name):\n    return session.query(User).filter(User.name == name).all()\n`, 'session.query(Model) is the ORM'),
    ok(`def f(client, term):\n    return client.query("find " + term)\n`, 'a query method given text that is not SQL'),
    ok(`import databases\nasync def f(database, name):\n    return await database.fetch_all(query="SELECT * FROM users WHERE name = :name", values={"name": name})\n`),
    // not SQL, not a sink, not a request
    ok(`def f(cmd):\n    runner.execute("echo " + cmd)\n`),
    ok(`def f(name):\n    log.execute("user " + name + " logged in")\n`),
    ok(`def f(name):\n    return text("hello " + name)\n`, 'text() without SQLAlchemy'),
    ok(`from sqlalchemy import text\ndef f():\n    return text("SELECT 1")\n`),
    ok(`${sqlite}def f(q):\n    cur.execute(q)\n`, 'a whole query passed through is not text built here'),
    ok(`import requests\ndef f(url):\n    return requests.get(url + "/select")\n`),
    // exempt files
    { ...ok(`${sqlite}def test_it(name):\n    cur.execute("SELECT * FROM t WHERE n = '" + name + "'")\n`), fileName: 'tests/test_users.py' },
    { ...ok(`${sqlite}def f(name):\n    cur.execute("SELECT * FROM t WHERE n = '" + name + "'")\n`), fileName: 'app/test_users.py' },
    { ...ok(`import pytest\n${sqlite}def helper(name):\n    cur.execute("SELECT * FROM t WHERE n = '" + name + "'")\n`), fileName: 'app/helpers.py' },
    { ...ok(`from alembic import op\ndef upgrade():\n    op.execute("UPDATE t SET a = " + compute())\n`), fileName: 'db/versions/0001_x.py' },
    { ...ok(`from django.db import migrations\ndef forwards(apps, schema_editor):\n    schema_editor.execute("UPDATE t SET a = '" + name + "'")\n`), fileName: 'app/migrations/0002_data.py' },
    { ...ok(`from django.db import connection\nclass Command(BaseCommand):\n    def handle(self, *args, **options):\n        connection.cursor().execute("TRUNCATE " + options["table"])\n`), fileName: 'app/management/commands/reset.py' },
  ],
  invalid: [
    // request data in every shape of string building
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    cur.execute("SELECT * FROM users WHERE name = '" + request.args["name"] + "'")\n`, ['string concatenation', 'request.args["name"]', 'cur.execute()']),
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    cur.execute(f"SELECT * FROM users WHERE name = '{request.args.get('name')}'")\n`, ['an f-string']),
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    cur.execute("SELECT * FROM users WHERE name = '%s'" % request.form["name"])\n`, ['`%` formatting']),
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    cur.execute("SELECT * FROM users WHERE name = '%s' AND age > %d" % (request.form["name"], 3))\n`, ['request.form["name"]']),
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    cur.execute("SELECT * FROM users WHERE name = '%(n)s'" % {"n": request.values["n"]})\n`),
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    cur.execute("SELECT * FROM users WHERE name = '{}'".format(request.json["name"]))\n`, ['`str.format()`']),
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    cur.execute("SELECT * FROM users WHERE name = '{name}'".format(name=request.get_json()["name"]))\n`),
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    cur.execute("SELECT * FROM users WHERE name = '{0}'".format(request.cookies.get("n")))\n`),
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    cur.execute("".join(["SELECT * FROM users WHERE name = '", request.headers["X-Name"], "'"]))\n`, ['`str.join()`']),
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    sql = "SELECT * FROM users WHERE 1=1"\n    sql += " AND name = '" + request.args["n"] + "'"\n    cur.execute(sql)\n`, ['`+=`']),
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    name = request.args["n"]\n    query = f"SELECT * FROM users WHERE name = '{name}'"\n    cur.execute(query)\n`, ['an f-string', '`name`']),
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    name = request.args.get("n", "")\n    cur.execute("SELECT * FROM users WHERE name = '" + name.strip().lower() + "'")\n`),
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    where = "name = '" + request.args["n"] + "'"\n    cur.execute("SELECT * FROM users WHERE " + where)\n`),
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    parts = ["SELECT * FROM users"]\n    parts.append("WHERE name = '%s'" % request.args["n"])\n    cur.execute(" ".join(parts))\n`),
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    q = request.args.get("q")\n    if q:\n        sql = f"SELECT * FROM items WHERE title LIKE '%{q}%'"\n    else:\n        sql = "SELECT * FROM items"\n    cur.execute(sql)\n`),
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    data = request.get_json()\n    cur.execute("UPDATE users SET bio = '" + data["bio"] + "' WHERE id = 1")\n`),
    bad(`${flask}${sqlite}@app.route("/u", methods=["POST"])\ndef u():\n    form = request.form\n    cur.execute("INSERT INTO users (name) VALUES ('" + form["name"] + "')")\n`),
    bad(`${flask}${sqlite}@app.route("/u/<name>")\ndef u(name):\n    cur.execute("SELECT * FROM users WHERE name = '" + name + "'")\n`, ['`name`']),
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    names = request.args.getlist("n")\n    cur.execute("SELECT * FROM users WHERE name IN (%s)" % ", ".join("'%s'" % n for n in names))\n`),
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    term = request.args["t"]\n    for col in ("a", "b"):\n        cur.execute(f"SELECT * FROM t WHERE {col} = '{term}'")\n`),
    // Django
    bad(`from django.db import connection\ndef view(request):\n    with connection.cursor() as cursor:\n        cursor.execute("SELECT * FROM app_user WHERE name = '%s'" % request.GET["name"])\n`),
    bad(`from django.db import connection\ndef view(request):\n    connection.cursor().execute("DELETE FROM app_user WHERE id = " + request.POST.get("id"))\n`),
    bad(`def view(request):\n    return User.objects.raw("SELECT * FROM app_user WHERE name = '%s'" % request.GET["name"])\n`, ['User.objects.raw()']),
    bad(`def view(request, username):\n    return User.objects.raw(f"SELECT * FROM app_user WHERE username = '{username}'")\n`),
    bad(`class UserView(View):\n    def get(self, request, pk):\n        return User.objects.raw("SELECT * FROM app_user WHERE id = " + pk)\n`),
    bad(`class UserView(View):\n    def get(self, request):\n        return User.objects.raw("SELECT * FROM app_user WHERE name = '" + self.request.GET["n"] + "'")\n`),
    bad(`def view(request):\n    return User.objects.extra(where=["name = '%s'" % request.GET["n"]])\n`, ['extra()']),
    bad(`def view(request):\n    return User.objects.extra(select={"x": "SELECT COUNT(*) FROM t WHERE t.a = '" + request.GET["a"] + "'"})\n`),
    bad(`from django.db.models.expressions import RawSQL\ndef view(request):\n    return User.objects.annotate(v=RawSQL("SELECT a FROM t WHERE b = '" + request.GET["b"] + "'", []))\n`, ['RawSQL()']),
    bad(`from django.db import connection\ndef view(request):\n    cursor = connection.cursor()\n    cursor.execute(f"SELECT * FROM t WHERE a = '{request.body.decode()}'")\n`),
    bad(`from django.db import connection\ndef view(request):\n    cursor = connection.cursor()\n    cursor.execute("SELECT * FROM t WHERE ua = '" + request.META["HTTP_USER_AGENT"] + "'")\n`),
    bad(`from django.db import connection\ndef view(request):\n    cursor = connection.cursor()\n    cursor.execute("SELECT * FROM t WHERE s = '" + request.COOKIES["s"] + "'")\n`),
    // FastAPI
    bad(`from fastapi import FastAPI\n${sqlite}app = FastAPI()\n@app.get("/items")\ndef items(q: str):\n    cur.execute(f"SELECT * FROM items WHERE name = '{q}'")\n`, ['`q`']),
    bad(`from fastapi import FastAPI\n${sqlite}app = FastAPI()\n@app.get("/items/{item_id}")\ndef items(item_id):\n    cur.execute("SELECT * FROM items WHERE id = " + item_id)\n`),
    bad(`from fastapi import APIRouter, Query\n${sqlite}router = APIRouter()\n@router.get("/items")\ndef items(q: str = Query(None)):\n    cur.execute("SELECT * FROM items WHERE name = '%s'" % q)\n`),
    bad(`from fastapi import FastAPI, Request\nimport asyncpg\napp = FastAPI()\n@app.get("/items")\nasync def items(request: Request):\n    return await conn.fetch("SELECT * FROM items WHERE name = '" + request.query_params["n"] + "'")\n`, ['conn.fetch()']),
    // every driver and API
    bad(`import asyncpg\nasync def f(conn, name):\n    return await conn.fetchrow(f"SELECT * FROM users WHERE name = '{name}'")\n`),
    bad(`import asyncpg\nasync def f(pool, name):\n    return await pool.fetchval("SELECT id FROM users WHERE name = '" + name + "'")\n`),
    bad(`import asyncpg\nasync def f(conn, name):\n    await conn.execute(f"DELETE FROM users WHERE name = '{name}'")\n`),
    bad(`from sqlalchemy import text\ndef f(session, name):\n    return session.execute(text(f"SELECT * FROM users WHERE name = '{name}'"))\n`, ['sqlalchemy.text()']),
    bad(`import sqlalchemy as sa\ndef f(conn, name):\n    return conn.execute(sa.text("SELECT * FROM users WHERE name = '" + name + "'"))\n`),
    bad(`from sqlalchemy import create_engine\ndef f(conn, name):\n    return conn.exec_driver_sql(f"SELECT * FROM users WHERE name = '{name}'")\n`, ['exec_driver_sql()']),
    bad(`from sqlalchemy.orm import Session\ndef f(session, name):\n    return session.execute(f"SELECT * FROM users WHERE name = '{name}'")\n`),
    bad(`from flask_sqlalchemy import SQLAlchemy\ndb = SQLAlchemy()\ndef f(name):\n    return db.session.execute("SELECT * FROM users WHERE name = '%s'" % name)\n`),
    bad(`import pandas as pd\ndef f(conn, name):\n    return pd.read_sql(f"SELECT * FROM users WHERE name = '{name}'", conn)\n`, ['pd.read_sql()']),
    bad(`import pandas as pd\ndef f(conn, name):\n    return pd.read_sql_query("SELECT * FROM users WHERE name = '" + name + "'", con=conn)\n`),
    bad(`import pymysql\ndef f(name):\n    conn = pymysql.connect(host="db")\n    with conn.cursor() as cursor:\n        cursor.execute("SELECT * FROM users WHERE name = '%s'" % name)\n`),
    bad(`import MySQLdb\ndef f(db, name):\n    c = db.cursor()\n    c.execute("SELECT * FROM users WHERE name = '" + name + "'")\n`),
    bad(`import psycopg\ndef f(name):\n    with psycopg.connect() as conn:\n        conn.execute(f"SELECT * FROM users WHERE name = '{name}'")\n`),
    bad(`import aiopg\nasync def f(pool, name):\n    async with pool.acquire() as conn:\n        async with conn.cursor() as cur:\n            await cur.execute("SELECT * FROM users WHERE name = '%s'" % name)\n`),
    bad(`${sqlite}def f(names):\n    cur.executemany("INSERT INTO t (a) VALUES ('" + names[0] + "')", [])\n`),
    badId(`${sqlite}def f(table):\n    conn.executescript("DROP TABLE IF EXISTS " + table + "; CREATE TABLE " + table + " (id INTEGER)")\n`),
    bad(`${pg}def f(table, path):\n    cur.copy_expert("COPY " + table + " FROM STDIN WITH CSV", open(path))\n`),
    bad(`${sqlite}def f(name):\n    cur.execute(sql="SELECT * FROM t WHERE name = '" + name + "'")\n`.replace('sql=', 'query=')),
    bad(`from peewee import SqliteDatabase\ndb = SqliteDatabase("x.db")\ndef f(name):\n    return db.execute_sql("SELECT * FROM users WHERE name = '" + name + "'")\n`, ['db.execute_sql()']),
    bad(`import web\ndb = web.database(dbn="sqlite", db="x.db")\ndef f(name):\n    return db.query("SELECT * FROM users WHERE name = '%s'" % name)\n`, ['db.query()']),
    bad(`import databases\nasync def f(database, name):\n    return await database.fetch_all(query=f"SELECT * FROM users WHERE name = '{name}'")\n`, ['database.fetch_all()']),
    { ...bad(`def f(name):\n    return run_sql("SELECT * FROM users WHERE name = '" + name + "'")\n`, ['run_sql()']), options: { sql: { extraSinks: ['run_sql'] } } },
    { ...bad(`from django.conf import settings\n${pg}def f():\n    cur.execute("SET search_path TO " + settings.DB_SCHEMA)\n`), options: { sql: { storedValues: true } } },
    // parameters of public functions count, whatever their callers
    bad(`${sqlite}def find_user(name):\n    return cur.execute("SELECT * FROM users WHERE name = '" + name + "'").fetchone()\n`, ['`name`']),
    bad(`${sqlite}class Repo:\n    def find(self, name):\n        return self.cur.execute(f"SELECT * FROM users WHERE name = '{name}'")\n`),
    bad(`${sqlite}def f(*names):\n    cur.execute("SELECT * FROM t WHERE a = '" + names[0] + "'")\n`),
    bad(`${sqlite}def f(**kw):\n    cur.execute("SELECT * FROM t WHERE a = '" + kw["a"] + "'")\n`),
    bad(`${sqlite}def f(obj):\n    cur.execute("SELECT * FROM t WHERE a = '" + obj.name + "'")\n`, ['obj.name']),
    bad(`${sqlite}def f(row):\n    cur.execute("SELECT * FROM t WHERE a = '%s'" % row[0])\n`),
    bad(`${sqlite}def f(name):\n    cur.execute("SELECT * FROM t WHERE a = '" + str(name) + "'")\n`),
    bad(`${sqlite}def f(name, desc):\n    order = "DESC" if desc else "ASC"\n    cur.execute("SELECT * FROM t WHERE a = '" + name + "' ORDER BY id " + order)\n`),
    bad(`${sqlite}def f(sort):\n    if sort not in ("a", "b"):\n        print("odd sort")\n    cur.execute("SELECT * FROM t ORDER BY " + sort)\n`, [], { errors: [{ messageId: 'identifier' }] }),
    bad(`${sqlite}def f(name):\n    return g(lambda: cur.execute("SELECT * FROM t WHERE a = '" + name + "'"))\n`),
    // private functions take what their callers pass
    bad(`${flask}${sqlite}def _find(name):\n    return cur.execute("SELECT * FROM t WHERE a = '" + name + "'")\n@app.route("/u")\ndef u():\n    return _find(request.args["n"])\n`),
    bad(`${flask}${sqlite}class Repo:\n    def _find(self, name):\n        return self.cur.execute(f"SELECT * FROM t WHERE a = '{name}'")\n    def find(self):\n        return self._find(request.args["n"])\n`),
    // an attribute has its object's origin
    bad(`${flask}${sqlite}@app.route("/u", methods=["POST"])\ndef u():\n    for item in request.json["items"]:\n        cur.execute("DELETE FROM t WHERE name = '" + item.name + "'")\n`),
    bad(`import re\n${sqlite}def f(name):\n    name = re.sub(r"'", "", name)\n    cur.execute("SELECT * FROM t WHERE n = " + name)\n`),
    bad(`${sqlite}def f(table_name):\n    if "'" not in table_name:\n        log("ok")\n    cur.execute(f'SELECT max(id) FROM "{table_name}" WHERE a = ' + table_name)\n`),
    // helpers that build the text or run it
    bad(`${flask}${sqlite}def run(sql):\n    cur.execute(sql)\n@app.route("/u")\ndef u():\n    run("SELECT * FROM t WHERE a = '" + request.args["a"] + "'")\n`, ['run()']),
    bad(`${flask}${sqlite}class Db:\n    def query(self, sql):\n        return self.cur.execute(sql)\n    def find(self):\n        return self.query(f"SELECT * FROM t WHERE a = '{request.args['a']}'")\n`, ['query()']),
    bad(`${flask}${sqlite}def by_name(name):\n    return "SELECT * FROM users WHERE name = '" + name + "'"\n@app.route("/u")\ndef u():\n    cur.execute(by_name(request.args["n"]))\n`),
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    clauses = []\n    clauses.append("a = '" + request.args["a"] + "'")\n    cur.execute("SELECT * FROM t WHERE " + " AND ".join(clauses))\n`),
    // a chain of branches that each add to the text is read once per branch, not once per path through them
    { ...bad(`${sqlite}def f(a, y):\n    s = "SELECT * FROM t WHERE 1=1"\n${'    if a: s += " AND c = " + y\n'.repeat(60)}    cur.execute(s)\n`), name: '60 branches that each append to the SQL' },
    { ...bad(`${sqlite}def f(a, y):\n    s = "SELECT * FROM t WHERE 1=1"\n${'    s = s + " AND c = " + y if a else s\n'.repeat(60)}    cur.execute(s)\n`), name: '60 conditional reassignments of the SQL' },
    // where a name is the value
    badId(`${sqlite}def f(table):\n    cur.execute("SELECT * FROM " + table + " WHERE id = 1")\n`, ['table or column name']),
    badId(`${flask}${sqlite}@app.route("/u")\ndef u():\n    cur.execute("SELECT * FROM t ORDER BY " + request.args["sort"])\n`),
    badId(`${sqlite}def f(column):\n    cur.execute(f"SELECT {column} FROM t")\n`),
    // names reaching through writes
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    a = b = request.args["n"]\n    cur.execute("SELECT * FROM t WHERE x = '" + b + "'")\n`),
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    n, m = request.args["n"], 1\n    cur.execute("SELECT * FROM t WHERE x = '" + n + "'")\n`),
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    if (n := request.args.get("n")):\n        cur.execute("SELECT * FROM t WHERE x = '" + n + "'")\n`),
    bad(`${flask}${sqlite}@app.route("/u")\ndef u():\n    n = request.args.get("n") or "x"\n    cur.execute("SELECT * FROM t WHERE x = '" + n + "'")\n`),
    bad(`${sqlite}def f(ids):\n    cur.execute("SELECT * FROM t WHERE id IN (" + ",".join(ids) + ")")\n`),
    bad(`${sqlite}def f(ids):\n    cur.execute("SELECT * FROM t WHERE id IN (%s)" % ",".join(str(i) for i in ids))\n`),
    bad(`${sqlite}def f(filters):\n    where = " AND ".join(f"{k} = '{v}'" for k, v in filters.items())\n    cur.execute("SELECT * FROM t WHERE " + where)\n`),
    bad(`${sqlite}q = "SELECT * FROM t WHERE a = '%s'"\ndef f(name):\n    cur.execute(q % name)\n`),
    bad(`${sqlite}BASE = "SELECT * FROM users"\ndef f(name):\n    cur.execute(BASE + " WHERE name = '" + name + "'")\n`),
    bad(`${sqlite}def f(name):\n    sql = """\n        SELECT *\n        FROM users\n        WHERE name = '%s'\n    """ % name\n    cur.execute(sql)\n`),
  ],
});
