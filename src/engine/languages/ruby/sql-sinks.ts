import type { SqlSinkRow } from '../sql-sink-row';

/**
 * Ruby calls that send SQL text: ActiveRecord query methods that take SQL fragments, the connection's raw
 * methods, Arel, and Sequel's raw datasets and literal strings.
 * Sources: guides.rubyonrails.org/active_record_querying.html and security.html#sql-injection, rails-sqli.org,
 * sequel.jeremyevans.net/rdoc/files/doc/security_rdoc.html.
 */
export const RUBY_SQL_SINKS: readonly SqlSinkRow[] = [
  { id: 'ruby.activerecord.find-by-sql', api: 'find_by_sql', call: 'method', names: ['find_by_sql', 'count_by_sql'], sqlArgument: 0, evidence: 'built' },
  { id: 'ruby.activerecord.connection', api: 'connection.execute', call: 'method', names: ['execute', 'exec_query', 'select_all', 'select_one', 'select_value', 'select_values', 'select_rows', 'exec_update', 'exec_delete', 'exec_insert', 'insert', 'update', 'delete'], receiver: /connection$|^(?:conn|db)$/, sqlArgument: 0, evidence: 'statement', parametersFrom: 2 },
  { id: 'ruby.activerecord.query', api: 'where', call: 'method', names: ['where', 'not', 'rewhere', 'or_where', 'having', 'order', 'reorder', 'group', 'joins', 'pluck', 'select', 'from', 'exists?', 'lock', 'update_all', 'delete_all', 'delete_by', 'destroy_by', 'reselect', 'find_by'], sqlArgument: 0, evidence: 'built', parametersFrom: 1 },
  // `calculate(:sum, column)`: the column argument is SQL text
  { id: 'ruby.activerecord.calculate', api: 'calculate', call: 'method', names: ['calculate'], sqlArgument: 1, evidence: 'built' },
  { id: 'ruby.arel.sql', api: 'Arel.sql', call: 'method', names: ['sql'], receiver: /^Arel$/, sqlArgument: 0, evidence: 'built' },
  { id: 'ruby.sequel.lit', api: 'Sequel.lit', call: 'method', names: ['lit'], receiver: /^Sequel$/, sqlArgument: 0, evidence: 'built', parametersFrom: 1 },
  { id: 'ruby.sequel.database', api: 'DB.run', call: 'method', names: ['run', 'fetch', 'execute', 'execute_dui', 'execute_insert', '[]'], receiver: /^(?:DB|db|DATABASE|Sequel::Model\.db)$/, sqlArgument: 0, evidence: 'statement', parametersFrom: 1 },
];
