import type { SqlFrontEnd } from '../front-ends';
import { sinkNamePattern } from '../sql-sink-row';
import { javaSqlFix } from './sql-fix';
import { javaSqlModel } from './sql-front-end';
import { JAVA_SQL_SINKS } from './sql-sinks';

const MAY_HAVE_SQL = sinkNamePattern(JAVA_SQL_SINKS);

/** The Java SQL front end, as the registry (`../front-ends.ts`) hands it to `sql-concatenation`. */
export const javaSql: SqlFrontEnd = {
  mayHaveSql: (text) => MAY_HAVE_SQL.test(text),
  sqlModel: (context) => {
    const model = javaSqlModel(context.tree, performance.now() + context.timeLeftMs());
    return { model, fixFor: (sink) => javaSqlFix(context.text, context.tree, sink) };
  },
  buildNames: { concatenation: '`+` concatenation', format: '`String.format`', join: '`String.join`', append: '`+=` or `StringBuilder.append`' },
};
