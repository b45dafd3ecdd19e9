import { tableFrontEnd } from '../table-front-end';
import { rubySqlFix } from './sql-fix';
import { rubySqlModel } from './sql-front-end';
import { RUBY_SQL_SINKS } from './sql-sinks';

/** The Ruby SQL front end, as the registry (`../front-ends.ts`) hands it to `sql-concatenation`. */
export const rubySql = tableFrontEnd({
  sinks: RUBY_SQL_SINKS, model: rubySqlModel, fix: rubySqlFix,
  buildNames: { interpolation: '`#{}` interpolation', concatenation: '`+` concatenation', append: '`<<` or `+=`', 'percent-format': '`%` formatting', format: '`format`' },
});
