import * as assert from 'assert';
import type { Tree } from '@vscode/tree-sitter-wasm';
import { javaSqlModel } from '../../../src/engine/languages/java/sql-front-end';
import { phpSqlModel } from '../../../src/engine/languages/php/sql-front-end';
import { rubySqlModel } from '../../../src/engine/languages/ruby/sql-front-end';
import type { SqlFileModel } from '../../../src/engine/model/sql';
import { parseWithBudget, sharedGrammars } from '../../../src/engine/parser';
import type { LanguageId } from '../../../src/engine/types';

// The front ends at the model level: code in, the language-neutral SqlFileModel out (sink, evidence, pieces
// with origins), before any judgement. Text pieces are written as they are, values as `<origin:source>`.

const FRONT_ENDS: Record<'php' | 'java' | 'ruby', (tree: Tree, deadline: number) => SqlFileModel> = { php: phpSqlModel, java: javaSqlModel, ruby: rubySqlModel };

async function modelOf(languageId: 'php' | 'java' | 'ruby', code: string): Promise<string[]> {
  const tree = parseWithBudget(await sharedGrammars().parserFor(languageId as LanguageId), code, 10_000);
  try {
    return FRONT_ENDS[languageId](tree, performance.now() + 10_000).sinks.map((sink) => {
      const pieces = sink.sql.pieces.map((p) => (p.kind === 'text' ? p.text : `<${p.origin}:${p.source}>`)).join('');
      return `${sink.sinkId} ${sink.evidence}${sink.hasParameters ? ' +params' : ''} [${sink.sql.built.join(',')}] ${pieces}`;
    });
  } finally {
    tree.delete();
  }
}

describe('SQL front ends: code to the language-neutral model', () => {
  const cases: [string, 'php' | 'java' | 'ruby', string, string[]][] = [
    ['PHP interpolation of a superglobal', 'php', '<?php $id = $_GET["id"]; mysqli_query($c, "SELECT * FROM t WHERE id = $id");',
      ['php.mysqli.function built [interpolation] SELECT * FROM t WHERE id = <request:$id>']],
    ['PHP .= and sprintf with %d', 'php', '<?php function f($pdo, $name, $n) { $q = "SELECT * FROM t"; $q .= sprintf(" WHERE a = \'%s\' LIMIT %d", $name, $n); return $pdo->query($q); }',
      ["php.pdo.query statement [append,format] SELECT * FROM t WHERE a = '<unknown:$name>' LIMIT <numeric:$n>"]],
    ['PHP class constant, escaped value, cast', 'php', '<?php class R { const T = "users"; function f($db) { $n = $db->real_escape_string($_POST["n"]); return $db->query("SELECT * FROM " . self::T . " WHERE n = \'$n\' AND id = " . (int) $_GET["id"]); } }',
      ["php.pdo.query statement [concatenation,interpolation] SELECT * FROM <constant:self::T> WHERE n = '<quoted:$n>' AND id = <numeric:(int) $_GET[\"id\"]>"]],
    ['PHP match over literals is allowed', 'php', '<?php $c = match($_GET["s"]) { "a" => "name", default => "id" }; $pdo->query("SELECT * FROM t ORDER BY $c");',
      ['php.pdo.query statement [interpolation] SELECT * FROM t ORDER BY <allowed:$c>']],
    ['PHP Laravel bindings', 'php', '<?php DB::select("SELECT * FROM t WHERE a = ?", [$request->input("a")]);',
      ['php.laravel.db-query sql +params [] SELECT * FROM t WHERE a = ?']],
    ['PHP parameter takes the value its caller in the file passes', 'php', '<?php function run($pdo, $sql) { return $pdo->query($sql); }\nrun($pdo, "SELECT * FROM t WHERE a = " . $_GET["a"]);',
      ['php.pdo.query statement [concatenation] SELECT * FROM t WHERE a = <request:$_GET["a"]>']],
    ['PHP SQL passed through with no caller in the file is no sink', 'php', '<?php function run($pdo, $sql) { return $pdo->query($sql); }', []],
    ['Java StringBuilder chain and a request parameter', 'java', 'class A { void f(HttpServletRequest request, Statement s) throws Exception { StringBuilder sb = new StringBuilder("SELECT * FROM t WHERE a = \'"); sb.append(request.getParameter("a")).append("\'"); s.executeQuery(sb.toString()); } }',
      ["java.jdbc.statement statement [append] SELECT * FROM t WHERE a = '<request:request.getParameter(\"a\")>'"]],
    ['Java int parameter and a static final constant', 'java', 'class A { static final String T = "users"; void f(Statement s, int id) throws Exception { s.executeQuery("SELECT * FROM " + T + " WHERE id = " + id); } }',
      ['java.jdbc.statement statement [concatenation] SELECT * FROM users WHERE id = <numeric:id>']],
    ['Java Spring @RequestParam and JdbcTemplate arguments', 'java', 'class C { List<U> f(@RequestParam String n) { return jdbc.query("SELECT * FROM u WHERE n = ?", mapper, n); } }',
      ['java.spring.jdbc-template statement +params [] SELECT * FROM u WHERE n = ?']],
    ['Java String.format', 'java', 'class C { void f(Statement s, String n) throws Exception { s.executeQuery(String.format("SELECT * FROM t WHERE n = \'%s\'", n)); } }',
      ["java.jdbc.statement statement [format] SELECT * FROM t WHERE n = '<unknown:n>'"]],
    ['Java whole request sent to an SQL-only API', 'java', 'class C { void f(@RequestParam String q, Statement s) throws Exception { s.executeQuery(q); } }',
      ['java.jdbc.statement built [] <request:q>']],
    ['Ruby interpolation of params', 'ruby', 'User.where("name = \'#{params[:name]}\'")',
      ["ruby.activerecord.query built [interpolation] name = '<request:params[:name]>'"]],
    ['Ruby placeholders and hash conditions', 'ruby', 'User.where("a = ?", params[:a])\nUser.where(name: params[:n])',
      ['ruby.activerecord.query built +params [] a = ?']],
    ['Ruby << and to_i', 'ruby', 'def f\n  q = "SELECT * FROM t WHERE 1=1"\n  q << " AND id = #{params[:id].to_i}"\n  User.find_by_sql(q)\nend',
      ['ruby.activerecord.find-by-sql built [append,interpolation] SELECT * FROM t WHERE 1=1 AND id = <numeric:params[:id].to_i>']],
    ['Ruby model metadata and times are not input', 'ruby', 'class Post < ApplicationRecord\n  def self.recent\n    since = 3.days.ago\n    where("#{table_name}.created_at > \'#{since}\'")\n  end\nend',
      ["ruby.activerecord.query built [interpolation] <constant:table_name>.created_at > '<numeric:since>'"]],
    ['Ruby Sequel dataset', 'ruby', 'DB["SELECT * FROM t WHERE a = #{x}"]',
      ['ruby.sequel.database statement [interpolation] SELECT * FROM t WHERE a = <unknown:x>']],
  ];
  for (const [name, languageId, code, expected] of cases) {
    it(name, async () => {
      assert.deepStrictEqual(await modelOf(languageId, code), expected);
    });
  }
});
