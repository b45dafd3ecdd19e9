import type { SqlFrontEnd } from '../front-ends';
import { sinkNamePattern } from '../sql-sink-row';
import { rubySqlFix } from './sql-fix';
import { rubySqlModel } from './sql-front-end';
import { RUBY_SQL_SINKS } from './sql-sinks';

const MAY_HAVE_SQL = sinkNamePattern(RUBY_SQL_SINKS);

/** The Ruby SQL front end, as the registry (`../front-ends.ts`) hands it to `sql-concatenation`. */
export const rubySql: SqlFrontEnd = {
  mayHaveSql: (text) => MAY_HAVE_SQL.test(text),
  sqlModel: (context) => {
    const model = rubySqlModel(context.tree, performance.now() + context.timeLeftMs());
    return { model, fixFor: (sink) => rubySqlFix(context.text, context.tree, sink) };
  },
  buildNames: { interpolation: '`#{}` interpolation', concatenation: '`+` concatenation', append: '`<<` or `+=`', 'percent-format': '`%` formatting', format: '`format`' },
};
