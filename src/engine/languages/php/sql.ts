import { tableFrontEnd } from '../table-front-end';
import { phpSqlFix } from './sql-fix';
import { phpSqlModel } from './sql-front-end';
import { PHP_SQL_SINKS } from './sql-sinks';

/** The PHP SQL front end, as the registry (`../front-ends.ts`) hands it to `sql-concatenation`. */
export const phpSql = tableFrontEnd({
  sinks: PHP_SQL_SINKS, model: phpSqlModel, fix: phpSqlFix,
  buildNames: { concatenation: '`.` concatenation', interpolation: 'variables in a double-quoted string', format: '`sprintf`', join: '`implode`', append: '`.=`' },
});
