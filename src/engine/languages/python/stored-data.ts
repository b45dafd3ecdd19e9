/** How Python code reaches stored data, as patterns of its text: what a view's body reads and changes. */

/**
 * Reaching stored data: ORM managers and queries, database handles, the session, the signed-in caller, files,
 * and the server's own environment and configuration (`request.META`, `os.environ`, `settings.SECRET_KEY`).
 */
export const STORED_DATA_READ = /\.objects\b|\.query\b|\bdb\s*\.|\bsession\b|\bcursor\b|\.execute\s*\(|\bget_(?:object|list)_or_404\b|\bmodels\s*\.|\bcache\s*\.|\brequest\s*\.\s*user\b|\bcurrent_user\b|\bg\s*\.\s*user\b|\bopen\s*\(|(?<![.\w])[A-Z]\w*\s*\.\s*(?:get|select|get_or_none|get_by_id|filter_by|find\w*)\s*\(|\bredis\b|\brequest\s*\.\s*(?:META|environ)\b|\bos\s*\.\s*(?:environ|getenv)\b|\bsettings\s*\.\s*[A-Z]|\b(?:current_)?app\s*\.\s*config\b/;

/** Changing stored data: ORM writes, database sessions, SQL that writes. */
export const STORED_DATA_WRITE = /\.\s*(?:save|delete|create|update|bulk_create|bulk_update|get_or_create|update_or_create|set_password|add|add_all|commit|insert|insert_many|remove|destroy|merge|flush|execute|executemany|delay|apply_async|send)\s*\(|\bsession\s*\[[^\]\n]+\]\s*=(?!=)|\bsend_\w+\s*\(|\brequests?\s*\.\s*(?:post|put|patch|delete)\s*\(|\b(?:subprocess|os\.system|shutil\.rmtree|os\.unlink)\b|\b(?:INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b/i;
