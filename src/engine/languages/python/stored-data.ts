/** How Python code reaches stored data, as patterns of its text: what a view's body reads and changes. */

/** Loading records: ORM managers and queries, database handles and lookups that answer a model instance. */
export const RECORD_READ = /\.objects\b|\.query\b|\bdb\s*\.|\bcursor\b|\.execute\s*\(|\bget_(?:object|list)_or_404\b|\bmodels\s*\.|(?<![.\w])[A-Z]\w*\s*\.\s*(?:get|select|get_or_none|get_by_id|filter_by|find\w*)\s*\(/;

/**
 * Reaching stored data: records, the session, the signed-in caller, caches, files, and the server's own
 * environment and configuration (`request.META`, `os.environ`, `settings.SECRET_KEY`).
 */
export const STORED_DATA_READ = new RegExp([
  RECORD_READ.source,
  // whether the caller is signed in (`request.user.is_authenticated`) tells nothing stored about anyone
  String.raw`\bsession\b|\bcache\s*\.|\b(?:request\s*\.\s*user|current_user|g\s*\.\s*user)\b(?!\s*\.\s*is_(?:authenticated|anonymous)\b)|\bopen\s*\(|\bredis\b`,
  String.raw`\brequest\s*\.\s*(?:META|environ)\b|\bos\s*\.\s*(?:environ|getenv)\b|\bsettings\s*\.\s*[A-Z]|\b(?:current_)?app\s*\.\s*config\b`,
].join('|'));

/**
 * Changing stored data or the world: ORM writes (`create_user`, `save`), database sessions, tasks queued, mail and
 * requests sent, SQL that writes, code run from data (`eval`, `pickle.loads`). A cache holds copies of stored data: clearing it (`cache.delete_memoized`) changes no record.
 */
export const STORED_DATA_WRITE = /(?<!\bcache)\.\s*(?:(?:save|delete|create|update|insert|remove|destroy|bulk|set|send)\w*|get_or_create|add|add_all|commit|merge|flush|execute|executemany|delay|apply_async)\s*\(|\bsession\s*\[[^\]\n]+\]\s*=(?!=)|\bsend_\w+\s*\(|\brequests?\s*\.\s*(?:post|put|patch|delete)\s*\(|\b(?:subprocess|os\.system|shutil\.rmtree|os\.unlink)\b|\b(?:eval|exec)\s*\(|\b(?:pickle|marshal|dill)\s*\.\s*loads?\s*\(|\byaml\s*\.\s*(?:unsafe_)?load\s*\(|\b(?:INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b/i;
