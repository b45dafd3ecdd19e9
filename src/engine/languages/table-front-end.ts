import type { Tree } from '@vscode/tree-sitter-wasm';
import type { BuildKind, SqlFileModel, SqlSinkCall } from '../model/sql';
import type { FixSpec, RuleContext } from '../rule';
import type { SqlFrontEnd } from './front-ends';
import { sinkNamePattern, type SqlSinkRow } from './sql-sink-row';

/** What a language brings: its sink table, its model reader and its quick fix. */
export interface SqlFrontEndParts {
  readonly sinks: readonly SqlSinkRow[];
  /** `context` gives a front end that reads across files the analysed file's name and the project's facts. */
  readonly model: (tree: Tree, deadline: number, context: RuleContext) => SqlFileModel;
  readonly fix: (text: string, tree: Tree, sink: SqlSinkCall) => FixSpec | undefined;
  readonly buildNames: Readonly<Partial<Record<BuildKind, string>>>;
}

/** A front end driven by a sink table: a file without any sink name is not parsed; the model stops at the file's budget. */
export function tableFrontEnd(parts: SqlFrontEndParts): SqlFrontEnd {
  const mayHaveSql = sinkNamePattern(parts.sinks);
  return {
    mayHaveSql: (text) => mayHaveSql.test(text),
    sqlModel: (context) => ({
      model: parts.model(context.tree, performance.now() + context.timeLeftMs(), context),
      fixFor: (sink) => parts.fix(context.text, context.tree, sink),
    }),
    buildNames: parts.buildNames,
  };
}
