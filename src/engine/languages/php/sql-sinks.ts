import type { SqlSinkRow } from '../sql-sink-row';

/**
 * PHP calls that send SQL text: mysqli and the old mysql functions, PostgreSQL and SQLite functions, PDO and
 * mysqli objects, Laravel's `DB` facade and raw query-builder clauses, WordPress's `$wpdb`.
 * Sources: php.net (mysqli, PDO, pgsql), laravel.com/docs/queries#raw-expressions, developer.wordpress.org (wpdb).
 */
export const PHP_SQL_SINKS: readonly SqlSinkRow[] = [
  { id: 'php.mysqli.function', api: 'mysqli_query', call: 'function', names: ['mysqli_query', 'mysqli_real_query', 'mysqli_multi_query', 'mysqli_prepare'], sqlArgument: 1, evidence: 'built' },
  { id: 'php.mysql.function', api: 'mysql_query', call: 'function', names: ['mysql_query', 'mysql_unbuffered_query', 'sqlite_query', 'sqlsrv_query', 'odbc_exec', 'db2_exec'], sqlArgument: 0, evidence: 'built' },
  { id: 'php.pgsql.function', api: 'pg_query', call: 'function', names: ['pg_query', 'pg_send_query'], sqlArgument: 'last', evidence: 'built' },
  { id: 'php.pgsql.params', api: 'pg_query_params', call: 'function', names: ['pg_query_params', 'pg_prepare'], sqlArgument: 1, evidence: 'built', parametersFrom: 2 },
  { id: 'php.wpdb', api: '$wpdb->query', call: 'method', names: ['query', 'get_results', 'get_row', 'get_var', 'get_col'], receiver: /^\$wpdb$|->wpdb$|->db$/, sqlArgument: 0, evidence: 'built' },
  { id: 'php.pdo.query', api: 'PDO::query', call: 'method', names: ['query', 'exec', 'prepare', 'real_query', 'multi_query', 'querySingle', 'unbuffered_query'], sqlArgument: 0, evidence: 'statement', genericNames: true },
  { id: 'php.laravel.raw-clause', api: 'whereRaw', call: 'method', names: ['whereRaw', 'orWhereRaw', 'orderByRaw', 'selectRaw', 'havingRaw', 'orHavingRaw', 'groupByRaw', 'fromRaw'], sqlArgument: 0, evidence: 'built', parametersFrom: 1 },
  { id: 'php.laravel.db', api: 'DB::statement', call: 'static', names: ['raw', 'statement', 'unprepared'], receiver: /^\\?(?:Illuminate\\Support\\Facades\\)?DB$/, sqlArgument: 0, evidence: 'built', parametersFrom: 1 },
  { id: 'php.laravel.db-query', api: 'DB::select', call: 'static', names: ['select', 'selectOne', 'scalar', 'insert', 'update', 'delete', 'affectingStatement', 'cursor'], receiver: /^\\?(?:Illuminate\\Support\\Facades\\)?DB$/, sqlArgument: 0, evidence: 'sql', parametersFrom: 1 },
  { id: 'php.laravel.connection', api: 'DB::connection()->select', call: 'method', names: ['select', 'selectOne', 'statement', 'unprepared', 'affectingStatement'], receiver: /DB::connection\(|->getConnection\(\)$|^\$(?:db|conn|connection)$/, sqlArgument: 0, evidence: 'sql', parametersFrom: 1 },
  { id: 'php.laravel.raw', api: 'DB::raw', call: 'method', names: ['raw'], receiver: /DB|\$db$|connection/i, sqlArgument: 0, evidence: 'built' },
];
