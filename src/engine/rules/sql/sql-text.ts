import type { Evidence } from './sinks';

/**
 * Recognising SQL in text whose values are replaced by a marker word. A statement must have its
 * structure (`SELECT ... FROM`, `UPDATE t SET`, `DELETE FROM`), so log lines, shell commands and URLs
 * that merely contain "select" or "delete" do not count.
 */

/** A table (or other object) name, possibly qualified or quoted, or a value marker. */
const NAME = String.raw`[\w."\x60\[\]$]+`;
/** What may follow the table in `FROM t` / `DELETE FROM t`: the end, punctuation, a clause keyword, or an alias and then one of those. */
const AFTER_TABLE = String.raw`(?=\s*$|\s*[;),]|\s+(?:where|join|inner|left|right|full|outer|cross|natural|group|order|limit|offset|having|union|intersect|except|as|on|using|returning|set|values|window|for|fetch|lateral|tablesample|with|x__v)\b|\s+[A-Za-z_]\w*\s*(?:$|[;),]|\s+(?:where|join|inner|left|right|full|cross|natural|group|order|limit|offset|having|union|on|using)\b))`;

const STATEMENT = new RegExp(`^(?:${[
  String.raw`select\s[\s\S]*?\bfrom\s+(?:${NAME}|\()${AFTER_TABLE}`,
  String.raw`select\s+(?:\*|distinct\b|top\s|count\s*\(|sum\s*\(|max\s*\(|min\s*\(|avg\s*\(|exists\s*\(|coalesce\s*\(|now\s*\(|\d|[\w."\x60\[\]]+\s*(?:,|\bas\b))`,
  String.raw`(?:insert|replace)\s+(?:(?:ignore|or\s+\w+)\s+)?into\s+${NAME}\s*(?:\(|values\b|select\b|set\b|default\b|x__v|$|;)`,
  String.raw`update\s+(?:only\s+)?${NAME}(?:\s+(?:as\s+)?\w+)?\s+set\s+${NAME}\s*=`,
  String.raw`delete\s+(?:${NAME}\s+)?from\s+${NAME}${AFTER_TABLE}`,
  String.raw`(?:merge|upsert)\s+into\b`,
  String.raw`(?:create|drop|alter)\s+(?:(?:or\s+replace|temporary|temp|unique|global|local|materialized|if\s+(?:not\s+)?exists)\s+)*(?:table|view|index|database|schema|sequence|trigger|function|procedure|user|role|type|extension|policy)\b`,
  String.raw`truncate\s+(?:table\s+)?[^\s;]`,
  String.raw`with\s+(?:recursive\s+)?[\w"\x60]+\s*(?:\([^)]*\)\s*)?as\s*(?:not\s+)?(?:materialized\s+)?\(`,
  String.raw`call\s+[\w.]+\s*\(`,
  String.raw`exec(?:ute)?\s+(?:sp_|xp_|dbo\.)\w*`,
  String.raw`(?:grant|revoke)\s[\s\S]*?\b(?:on|to|from)\b`,
  String.raw`show\s+(?:full\s+)?(?:tables|databases|columns|fields|index|indexes|create|grants|variables|status|processlist)\b`,
  String.raw`pragma\s+\w`,
  String.raw`explain\s+(?:analyze\s+|query\s+plan\s+)?(?:select|insert|update|delete|with)\b`,
  String.raw`(?:lock|unlock)\s+tables?\b`,
  String.raw`copy\s+[\w."]+\s*(?:\([^)]*\)\s*)?(?:from|to)\b`,
  String.raw`(?:set|reset)\s+(?:session\s+|local\s+|global\s+)?[\w.@]+\s*(?:=|\bto\b)`,
  String.raw`(?:listen|notify|unlisten)\s+\w`,
  String.raw`(?:vacuum|analyze|reindex|cluster)\b(?:\s+\w+)?\s*;?$`,
  String.raw`declare\s+@\w+`,
  String.raw`begin\s+(?:transaction|tran)\b`,
].map((p) => `(?:${p})`).join('|')})`, 'i');

/** A SQL clause inside a fragment: `WHERE a = `, `AND b LIKE`, `ORDER BY`, `LIMIT`, `VALUES (`, `col = `. */
const CLAUSE = new RegExp([
  String.raw`\b(?:where|and|or|on|having|when)\s+(?:not\s+)?\(?\s*[\w."\x60\[\]]+\s*(?:=|<>|!=|<=|>=|<|>|\blike\b|\bilike\b|\bin\b|\bis\b|\bbetween\b|@>|~)`,
  String.raw`\border\s+by\b`, String.raw`\bgroup\s+by\b`, String.raw`\blimit\s+(?:\d|x__v)`, String.raw`\boffset\s+(?:\d|x__v)`,
  String.raw`\bvalues\s*\(`, String.raw`\bset\s+[\w."\x60]+\s*=`, String.raw`\b(?:inner|left|right|full|cross)\s+(?:outer\s+)?join\b`,
  String.raw`^\s*\(?\s*[\w."\x60\[\]]+(?:\s*\([^()]*\))?\s*(?:=|<>|!=|<=|>=|<|>|\blike\b|\bilike\b|\bin\s*\(|\bis\s+(?:not\s+)?null\b|\bbetween\b)`,
].map((p) => `(?:${p})`).join('|'), 'i');

/** Leading noise before a statement: whitespace, parentheses, SQL comments. */
function stripLeading(shape: string): string {
  let text = shape;
  for (;;) {
    const next = text.replace(/^[\s(;]+/, '').replace(/^--[^\n]*\n?/, '').replace(/^\/\*[\s\S]*?\*\//, '');
    if (next === text) return text;
    text = next;
  }
}

export function startsWithStatement(shape: string): boolean {
  return STATEMENT.test(stripLeading(shape));
}

export function hasClause(shape: string): boolean {
  return CLAUSE.test(shape);
}

/** Whether text of this shape is SQL enough for a sink that asks for `evidence`. */
export function meetsEvidence(shape: string, evidence: Evidence): boolean {
  if (evidence === 'built') return true;
  if (startsWithStatement(shape)) return true;
  return evidence === 'sql' && hasClause(shape);
}

/** Text before a value that puts the value where a table or column name goes, not a value. */
const IDENTIFIER_BEFORE = /(?:\b(?:from|into|update|join|table|exists|view|index|truncate|describe|order\s+by|group\s+by|partition\s+by|column|select|distinct)\s+|[.`\[]\s*)$/i;
const IDENTIFIER_AFTER = /^(?:\s*[.`\]]|\s+(?:asc|desc)\b)/i;

/**
 * Where a value sits in the SQL text: inside '...' (`quoted`), inside "..." (`dquoted`: a string in MySQL and
 * SQLite, an identifier in PostgreSQL), a bare literal, a table or column name, or an `IN (...)` list.
 */
export type ValuePosition = 'quoted' | 'dquoted' | 'bare' | 'identifier' | 'list';

export function valuePosition(before: string, after: string): ValuePosition {
  if (/\bin\s*\(\s*$/i.test(before)) return 'list';
  if (/'$/.test(before) && /^'/.test(after)) return 'quoted';
  if (/"$/.test(before) && /^"/.test(after)) return 'dquoted';
  if (IDENTIFIER_AFTER.test(after) || IDENTIFIER_BEFORE.test(before)) return 'identifier';
  return 'bare';
}
