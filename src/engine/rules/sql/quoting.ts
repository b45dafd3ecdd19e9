/**
 * Calls that quote or escape a value for SQL, as data: a value passed through one is no longer able to
 * end its string or name and start new SQL, so it is not flagged.
 *
 * Recognised by shape rather than by a list of libraries: a function named for quoting or escaping a SQL
 * name or literal (`quoteIdentifier`, `quoteTable`, `escapeId`, `escapeLiteral`, `quote_ident`,
 * `sanitizeTableName`), a plain `escape`/`quote` on a database handle or driver (`mysql.escape`,
 * `sequelize.escape`), and the helpers of modules whose whole purpose is SQL escaping (pg-format's
 * `ident`/`literal`, pg-promise's `as.*`). Escaping by hand (`.replace(/'/g, "''")`) and escapers of
 * other languages (`validator.escape`, `escapeHtml`) are not recognised and stay flagged.
 */

/** Names that say what they quote for SQL, whatever they are called on. */
export const QUOTING_NAMES: readonly RegExp[] = [
  // quoteIdentifier, quoteTable, quote_ident, quote_literal, escapeId, escapeLiteral, escapeIdentifiers, escapeSql
  /^(?:quote|escape)_?(?:sql_?)?(?:id|ident|identifier|literal|name|table|tablename|table_name|column|columnname|column_name|schema|field|sql)s?$/i,
  // sqlEscape, pgEscapeLiteral, mysqlQuote
  /^(?:sql|pg|mysql|mssql|sqlite|db)_?(?:quote|escape)\w*$/i,
  // sanitizeTableName, sanitizeRecordManagerTableName, validateSqlIdentifier: they check or rewrite a SQL name
  /^(?:sanitize|sanitise|validate)\w*(?:TableName|ColumnName|SchemaName|Identifier|Ident|Sql|SQL)$/,
];

/** `x.escape(v)`, `x.quote(v)` count when `x` is named like a driver or connection (not `validator` or `_`). */
export const SQL_ESCAPE_RECEIVER = /(^|_)(mysql\d?|mariadb|sqlstring|sqlString|SqlString|conn|connection|con|pool|db|database|sequelize|client|knex|pgp|pg|queryGenerator|queryInterface|dialect)$/i;

/** Modules made for SQL escaping: every `escape*`, `format`, `ident`, `literal` they export escapes. */
export const SQL_ESCAPER_MODULES: ReadonlySet<string> = new Set(['mysql', 'mysql2', 'mysql2/promise', 'sqlstring', 'pg', 'pg-escape', 'sql-escape-string', 'mariadb', 'pg-format']);

/** Names exported by those modules that escape (pg-format's own `format` substitutes `%s` as is, and is read as a format call). */
const ESCAPER_EXPORTS = /^(?:escape\w*|ident|literal|quoteIdent|quoteLiteral|quote_ident|quote_literal|withArray|format)$/;

/** pg-format: `format(fmt, ...)` escapes `%L` (literal) and `%I` (identifier) but not `%s`. */
export const PG_FORMAT_MODULE = 'pg-format';

/** Receivers whose every method formats with escaping: pg-promise's `pgp.as.format(...)`, `pgp.as.text(...)`. */
const ESCAPING_NAMESPACES: ReadonlySet<string> = new Set(['as']);

/** Method names worth asking the module of the receiver about. */
export const MODULE_DEPENDENT_METHODS: ReadonlySet<string> = new Set(['escape', 'quote', 'format', 'literal', 'ident', 'string', 'withArray']);

export interface QuotingCall {
  /** The function or method name. */
  readonly name: string;
  /** Last name of the receiver for a method call; `''` for a bare call. */
  readonly receiver: string;
  /** The module the callee (or its receiver) was imported from, when known. */
  readonly module?: string;
}

/** Whether a call quotes or escapes its argument for SQL. */
export function quotesForSql(call: QuotingCall): boolean {
  const { name, receiver, module } = call;
  if (QUOTING_NAMES.some((pattern) => pattern.test(name))) return true;
  if (ESCAPING_NAMESPACES.has(receiver)) return true;
  if ((name === 'escape' || name === 'quote') && receiver !== '' && SQL_ESCAPE_RECEIVER.test(receiver)) return true;
  if (module === undefined || !SQL_ESCAPER_MODULES.has(module)) return false;
  if (module === PG_FORMAT_MODULE) return name !== 'format' && name !== 'string' && (receiver !== '' || ESCAPER_EXPORTS.test(name));
  return ESCAPER_EXPORTS.test(name);
}
