import * as assert from 'assert';
import type { Tree } from '@vscode/tree-sitter-wasm';
import { javaSqlModel } from '../../../src/engine/languages/java/sql-front-end';
import { phpSqlModel } from '../../../src/engine/languages/php/sql-front-end';
import { rubySqlModel } from '../../../src/engine/languages/ruby/sql-front-end';
import { SQL_READ_OUT_OF_TIME, type SqlFileModel } from '../../../src/engine/model/sql';
import { defaultConfig } from '../../../src/engine/config';
import { parseWithBudget, sharedGrammars } from '../../../src/engine/parser';
import type { RuleContext } from '../../../src/engine/rule';
import { reportFromFrontEnd } from '../../../src/engine/rules/sql/neutral/report';

// A front end whose reading of SQL text passes its deadline says so in its model, and sql-concatenation turns
// that into a file timed out in the rule: never a file that looks complete with sinks silently missing, and
// never a sink reported from a value half read when the clock ran out. Deadlines are given, not waited for.

const cases: [string, (tree: Tree, deadline: number) => SqlFileModel, string][] = [
  ['php', phpSqlModel, '<?php $pdo->query("SELECT * FROM t WHERE id = " . $_GET["id"]);'],
  ['java', javaSqlModel, 'class A { void f(HttpServletRequest r, Statement s) throws Exception { s.executeQuery("SELECT * FROM t WHERE a = " + r.getParameter("a")); } }'],
  ['ruby', rubySqlModel, 'User.where("name = \'#{params[:name]}\'")'],
];

async function modelOf(languageId: string, model: (tree: Tree, deadline: number) => SqlFileModel, code: string, deadline: number): Promise<{ sinks: number; cutShort?: string }> {
  const tree = parseWithBudget(await sharedGrammars().parserFor(languageId as never), code, 10_000);
  try {
    const { sinks, cutShort } = model(tree, deadline);
    return { sinks: sinks.length, ...(cutShort ? { cutShort } : {}) };
  } finally {
    tree.delete();
  }
}

describe('SQL front ends past their deadline', () => {
  for (const [languageId, model, code] of cases) {
    it(`${languageId}: reads every sink before the deadline and says nothing`, async () => {
      assert.deepStrictEqual(await modelOf(languageId, model, code, performance.now() + 3_600_000), { sinks: 1 });
    });

    it(`${languageId}: past the deadline, reports no half-read sink and says the reading was cut short`, async () => {
      assert.deepStrictEqual(await modelOf(languageId, model, code, performance.now() - 1), { sinks: 0, cutShort: SQL_READ_OUT_OF_TIME });
    });
  }

  it('sql-concatenation says a front end ran out of time, so the file is reported timed out in the rule', () => {
    const said: string[] = [];
    const context = { config: defaultConfig(), report: () => undefined, ranOutOfTime: (reason: string) => said.push(reason) } as unknown as RuleContext;
    reportFromFrontEnd(context, { mayHaveSql: () => true, sqlModel: () => ({ model: { sinks: [], cutShort: SQL_READ_OUT_OF_TIME }, fixFor: () => undefined }) });
    reportFromFrontEnd(context, { mayHaveSql: () => true, sqlModel: () => ({ model: { sinks: [] }, fixFor: () => undefined }) });
    assert.deepStrictEqual(said, [SQL_READ_OUT_OF_TIME]);
  });
});
