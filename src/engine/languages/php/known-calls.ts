/**
 * What PHP functions and methods do to a value, as data: the PHP front end reads a call's origin from these
 * tables (see `text.ts`). Sources: the PHP manual (mysqli, PDO, string functions), Laravel's Request API,
 * WordPress's wpdb class reference.
 */

/** Superglobals that hold request data. */
export const REQUEST_SUPERGLOBALS: ReadonlySet<string> = new Set(['_GET', '_POST', '_REQUEST', '_COOKIE', '_SERVER', '_FILES', '_ENV']);

/** Functions whose result is a number whatever their argument. */
export const NUMERIC_FUNCTIONS: ReadonlySet<string> = new Set([
  'intval', 'floatval', 'doubleval', 'boolval', 'abs', 'round', 'floor', 'ceil', 'count', 'sizeof', 'strlen', 'mb_strlen',
  'time', 'mt_rand', 'rand', 'random_int', 'max', 'min', 'array_sum', 'absint', 'number_format', 'filter_var_int',
]);

/** Functions that quote or escape a value for SQL text. */
export const QUOTING_FUNCTIONS: ReadonlySet<string> = new Set([
  'mysqli_real_escape_string', 'mysql_real_escape_string', 'mysql_escape_string', 'pg_escape_string', 'pg_escape_literal',
  'pg_escape_identifier', 'sqlite_escape_string', 'addslashes', 'esc_sql', 'db2_escape_string', 'SQLite3::escapeString',
]);

/** Methods that quote or escape (`$mysqli->real_escape_string`, `$pdo->quote`, `$wpdb->esc_like`, `$wpdb->prepare`). */
export const QUOTING_METHODS: ReadonlySet<string> = new Set([
  'real_escape_string', 'escape_string', 'quote', 'quoteIdentifier', 'quoteName', 'quoteInto', 'esc_like', 'escape', 'escapeString', 'prepare',
]);

/** Eloquent model metadata (`getTable`, `getMorphClass`): names fixed by the code, not input. */
export const MODEL_METADATA_METHODS: ReadonlySet<string> = new Set(['getTable', 'getMorphClass', 'getKeyName', 'getQualifiedKeyName', 'getForeignKey', 'qualifyColumn', 'getCreatedAtColumn', 'getUpdatedAtColumn', 'getDeletedAtColumn']);

/** Reads of the configuration (`config(...)`, `DB::getTablePrefix()`): second-order values, set by whoever deploys the app. */
export const CONFIGURATION_CALLS: ReadonlySet<string> = new Set(['config', 'env', 'getenv', 'getTablePrefix', 'get_option', 'ini_get']);

/** Functions whose result carries their first argument's text and origin. */
export const TEXT_PRESERVING_FUNCTIONS: ReadonlySet<string> = new Set([
  'trim', 'ltrim', 'rtrim', 'strtolower', 'strtoupper', 'mb_strtolower', 'mb_strtoupper', 'ucfirst', 'lcfirst', 'stripslashes',
  'htmlspecialchars', 'htmlentities', 'strip_tags', 'urldecode', 'rawurldecode', 'base64_decode', 'strval', 'substr', 'mb_substr',
  'str_replace', 'preg_replace', 'sanitize_text_field', 'wp_unslash', 'nl2br', 'stripcslashes',
]);

/** Methods of Laravel's `Request` (and `request()`) that return request data. */
export const REQUEST_METHODS: ReadonlySet<string> = new Set([
  'input', 'get', 'query', 'post', 'all', 'only', 'except', 'string', 'str', 'cookie', 'header', 'route', 'validated', 'json',
  'getContent', 'segment', 'path', 'fullUrl', 'getQueryString', 'server', 'old', 'safe', 'getParam', 'getParsedBody', 'getQueryParams',
]);

/** Request-reader methods that convert the value to a number or a boolean. */
export const NUMERIC_REQUEST_METHODS: ReadonlySet<string> = new Set(['integer', 'float', 'boolean', 'date']);

/** Receivers known to be the request: Laravel/Symfony `$request`, CodeIgniter `$this->input`. */
export const REQUEST_RECEIVER = /^\$(?:request|req|this->input|this->request)$|^request\(\)$/;
