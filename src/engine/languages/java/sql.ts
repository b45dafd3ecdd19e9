import { tableFrontEnd } from '../table-front-end';
import { javaSqlFix } from './sql-fix';
import { javaSqlModel } from './sql-front-end';
import { JAVA_SQL_SINKS } from './sql-sinks';

/** The Java SQL front end, as the registry (`../front-ends.ts`) hands it to `sql-concatenation`. */
export const javaSql = tableFrontEnd({
  sinks: JAVA_SQL_SINKS, model: javaSqlModel, fix: javaSqlFix,
  buildNames: { concatenation: '`+` concatenation', format: '`String.format`', join: '`String.join`', append: '`+=` or `StringBuilder.append`' },
});
