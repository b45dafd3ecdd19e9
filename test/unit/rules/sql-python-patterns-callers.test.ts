import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests, type InvalidCase, type ValidCase } from '../../../src/testing/rule-tester';

// Python SQL values that regular expressions limit (digit-only capture groups, quotes replaced), and public
// functions whose calls in their own file all pass safe values.

const sqlite = 'import re\nimport sqlite3\n';
const mysql = 'import re\nimport pymysql\n';
const flask = 'from flask import Flask, request\napp = Flask(__name__)\n';

function ok(code: string, name?: string): ValidCase {
  return { code, name, languageId: 'python' };
}

function bad(code: string, name?: string): InvalidCase {
  return { code, name, languageId: 'python', errors: [{ messageId: 'concatenated' }] };
}

function badName(code: string, name?: string): InvalidCase {
  return { code, name, languageId: 'python', errors: [{ messageId: 'identifier' }] };
}

/** A public helper and the one function of its file that calls it, with `table` built from `made`. */
function helperCalledWith(made: string, extra = ''): string {
  return `${sqlite}def create(conn, table):\n    conn.execute("CREATE TABLE {t} (a)".format(t=table))\n`
    + `def create_all(conn, text):\n    for q in re.findall(r"from\\s+query_(\\d+)", text):\n        create(conn, ${made})\n${extra}`;
}

/** A Flask view that refuses `table` unless `check` (an `re` call on it) passes, then splices it into SQL. */
function checkedTable(check: string): string {
  return `${sqlite}${flask}@app.route('/rows')\ndef rows():\n    table = request.args['table']\n    if not ${check}:\n        return 'bad table', 400\n    return str(sqlite3.connect('a.db').execute(f"SELECT * FROM {table}").fetchall())\n`;
}

runRuleTests(sqlConcatenation, {
  valid: [
    ok(checkedTable(`re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", table)`), 'fullmatch against a name pattern'),
    ok(checkedTable(`re.match(r"^[a-z0-9_]+$", table)`), 'match anchored at the end with $'),
    ok(checkedTable(`re.search(r"\\A\\w+\\Z", table)`), 'search anchored at both ends'),
    ok(checkedTable(`re.fullmatch(r"\\d+|[a-z]+", table)`), 'fullmatch of an alternation anchors both sides'),
    ok(`${sqlite}def f(text):\n    for i in re.findall(r"query_(\\d+)", text):\n        cur.execute("SELECT * FROM query_" + i)\n`, 'findall with one digit-only group'),
    ok(`${sqlite}def f(text):\n    for i in re.findall(r"\\b\\d+\\b", text):\n        cur.execute("SELECT * FROM t WHERE id = " + i)\n`, 'findall of a digit-only pattern'),
    ok(`${sqlite}def f(text):\n    for row in set(re.findall(r"q_(\\d+)_{([^}]+)}", text)):\n        cur.execute("SELECT * FROM q_%s" % row[0])\n`, 'the digit-only element of findall tuples'),
    ok(`${sqlite}def f(text):\n    m = re.match(r"^item-([0-9]{1,9})$", text)\n    cur.execute("DELETE FROM t WHERE id = " + m.group(1))\n`, 'group(1) of a digit-only group'),
    ok(`${sqlite}def ids(text):\n    return re.findall(r"query_(\\d+)", text)\ndef f(text):\n    for i in ids(text):\n        cur.execute(f"SELECT * FROM query_{i}")\n`, 'a helper returning findall digits'),
    ok(helperCalledWith('"query_{id}".format(id=q)'), 'a public helper whose one caller passes digits'),
    ok(helperCalledWith('"fixed"', 'def other(conn):\n    create(conn, "t_" + str(int(conn.n)))\n'), 'a public helper whose callers pass constants and numbers'),
    ok(`${sqlite}def quote_name(name):\n    return '"{}"'.format(re.sub(r'[:."\\s]', "_", name))\ndef f(conn, cols):\n    conn.execute("CREATE TABLE t (%s)" % ", ".join(quote_name(c) for c in cols))\n`, 'double quotes around a value with every double quote replaced'),
    ok(`${sqlite}def f(conn, name):\n    conn.execute("SELECT * FROM t WHERE a = '" + re.sub("'", "", name) + "'")\n`, 'single quotes around a value with every single quote removed'),
  ],
  invalid: [
    badName(checkedTable(`re.match(r"\\w+", table)`), 'match with no end anchor: anything may follow the name'),
    badName(checkedTable(`re.search(r"^\\w+", table)`), 'search anchored at the start only'),
    badName(checkedTable(`re.fullmatch(r".+", table)`), 'fullmatch of a wildcard'),
    badName(checkedTable(`re.fullmatch(r"[^']+", table)`), 'fullmatch of a negated class that still lets a backslash and a space through'),
    badName(checkedTable(`re.fullmatch(r"[a-z ;]+", table)`), 'fullmatch of a class with a space and a semicolon'),
    badName(checkedTable(`re.match(r"^\\w+|\\d+$", table)`), 'match of an alternation whose first side is anchored at the start only'),
    badName(checkedTable(`re.fullmatch(PATTERN, table)`), 'a pattern written elsewhere'),
    bad(`${sqlite}def f(text):\n    for w in re.findall(r"name=(\\w+)", text):\n        cur.execute("SELECT * FROM t WHERE a = '" + w + "'")\n`, 'findall with a word group'),
    bad(`${sqlite}def f(text):\n    for w in re.findall(r"id=(.*)", text):\n        cur.execute("SELECT * FROM t WHERE id = " + w)\n`, 'findall with an unanchored .* group'),
    bad(`${sqlite}def f(text):\n    for w in re.findall(r"id=\\d+.*", text):\n        cur.execute("SELECT * FROM t WHERE id = " + w)\n`, 'findall of a pattern that is not digits only'),
    bad(`${sqlite}def f(text):\n    for row in re.findall(r"q_(\\d+)_{([^}]+)}", text):\n        cur.execute("SELECT * FROM t WHERE a = '%s'" % row[1])\n`, 'the free-text element of findall tuples'),
    bad(`${sqlite}def f(text):\n    m = re.match(r"^(\\d+)-(\\w+)$", text)\n    cur.execute("DELETE FROM t WHERE id = " + m.group(2))\n`, 'group(2) of a word group'),
    badName(helperCalledWith('"fixed"', `${flask}@app.route("/t")\ndef t():\n    create(conn, request.args["t"])\n`), 'a public helper one of whose callers passes request data'),
    badName(helperCalledWith('"fixed"', 'def later(conn, names):\n    return list(map(create, names))\n'), 'a public helper handed on as a value: its other callers are out of sight'),
    badName(`${sqlite}def create(conn, table):\n    conn.execute("CREATE TABLE {t} (a)".format(t=table))\n`, 'a public helper with no caller in its file'),
    bad(`${sqlite}def f(conn, name):\n    conn.execute("SELECT * FROM t WHERE a = " + re.sub(r'["]', "_", name))\n`, 'quotes replaced, but the value is not inside quotes'),
    bad(`${sqlite}def f(conn, name):\n    conn.execute("SELECT * FROM t WHERE a = '" + re.sub(r'["]', "_", name) + "'")\n`, 'double quotes replaced inside single quotes'),
    bad(`${mysql}def f(conn, name):\n    conn.cursor().execute("SELECT * FROM t WHERE a = '" + re.sub("'", "", name) + "'")\n`, 'MySQL reads a backslash before the closing quote as an escape'),
  ],
});
