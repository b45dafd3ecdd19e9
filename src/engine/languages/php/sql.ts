import type { SqlFrontEnd } from '../front-ends';
import { sinkNamePattern } from '../sql-sink-row';
import { phpSqlFix } from './sql-fix';
import { phpSqlModel } from './sql-front-end';
import { PHP_SQL_SINKS } from './sql-sinks';

const MAY_HAVE_SQL = sinkNamePattern(PHP_SQL_SINKS);

/** The PHP SQL front end, as the registry (`../front-ends.ts`) hands it to `sql-concatenation`. */
export const phpSql: SqlFrontEnd = {
  mayHaveSql: (text) => MAY_HAVE_SQL.test(text),
  sqlModel: (context) => {
    const model = phpSqlModel(context.tree, performance.now() + context.timeLeftMs());
    return { model, fixFor: (sink) => phpSqlFix(context.text, context.tree, sink) };
  },
  buildNames: { concatenation: '`.` concatenation', interpolation: 'variables in a double-quoted string', format: '`sprintf`', join: '`implode`', append: '`.=`' },
};
