/**
 * What Ruby methods say about a value, as data for the Ruby front end (`text.ts`).
 * Sources: Rails guides (Action Controller parameters, Active Record query interface and its SQL injection
 * section), the `ActiveRecord::Sanitization` and `Quoting` API docs, Sequel's security guide.
 */

/** Names that hold request data in Rails and Sinatra controllers. */
export const REQUEST_NAMES: ReadonlySet<string> = new Set(['params', 'cookies', 'request', 'query_params', 'request_parameters', 'path_parameters']);

/** Methods whose result is a number (or a boolean) whatever the receiver held. */
export const NUMERIC_METHODS: ReadonlySet<string> = new Set([
  'to_i', 'to_f', 'to_r', 'to_d', 'to_c', 'size', 'length', 'count', 'id', 'abs', 'round', 'floor', 'ceil', 'Integer', 'Float', 'Rational',
  'present?', 'blank?', 'nil?', 'empty?', 'zero?', 'positive?', 'to_date', 'to_time', 'iso8601',
]);

/** Date and time values (`90.days.ago`, `Time.current`, `Date.today`): they print as dates, never as SQL syntax. */
export const TIME_METHODS = /^(?:ago|from_now|since|until|now|current|today|yesterday|tomorrow|beginning_of_\w+|end_of_\w+|utc|to_date|to_time|to_datetime|iso8601|strftime|to_fs|to_formatted_s|days|weeks|months|years|hours|minutes|seconds)$/;

/** A model's own metadata (`table_name`, `quoted_table_name`, `primary_key`): names fixed by the code, not input. */
export const MODEL_METADATA_METHODS: ReadonlySet<string> = new Set(['table_name', 'quoted_table_name', 'primary_key', 'quoted_primary_key', 'column_names', 'inheritance_column', 'sequence_name']);

/** Methods that quote or escape for SQL text (ActiveRecord connection and sanitization, Sequel literals). */
export const QUOTING_METHODS: ReadonlySet<string> = new Set([
  'quote', 'quote_string', 'quote_table_name', 'quote_column_name', 'sanitize', 'sanitize_sql', 'sanitize_sql_array', 'sanitize_sql_for_conditions',
  'sanitize_sql_for_assignment', 'sanitize_sql_for_order', 'sanitize_sql_hash_for_assignment', 'sanitize_sql_like', 'literal', 'escape_string', 'escape',
]);

/** Methods whose result carries the receiver's text and origin. */
export const TEXT_PRESERVING_METHODS: ReadonlySet<string> = new Set([
  'to_s', 'to_str', 'strip', 'lstrip', 'rstrip', 'downcase', 'upcase', 'capitalize', 'squish', 'chomp', 'gsub', 'sub', 'tr', 'freeze', 'dup',
  'permit', 'require', 'fetch', 'dig', 'presence', 'first', 'last', 'values', 'keys', 'to_sym', 'underscore', 'camelize', 'titleize',
]);
