import type { SqlDialect } from './query';

/**
 * What the replay changes so that SQL written for another database runs on SQLite, with a note for each
 * change. Only spellings with the same meaning are rewritten; anything else SQLite rejects is reported.
 */

export const DIALECT_NAMES: Readonly<Record<SqlDialect, string>> = {
  postgres: 'PostgreSQL', mysql: 'MySQL', sqlite: 'SQLite', mssql: 'SQL Server', oracle: 'Oracle', unknown: 'an unknown database',
};

interface Rewrite {
  readonly dialects: readonly SqlDialect[];
  readonly pattern: RegExp;
  readonly replacement: string;
  readonly note: string;
}

const REWRITES: readonly Rewrite[] = [
  { dialects: ['postgres'], pattern: /\bILIKE\b/gi, replacement: 'LIKE', note: "PostgreSQL's ILIKE ran as SQLite's LIKE, which also ignores the case of ASCII letters." },
  { dialects: ['postgres'], pattern: /::\s*[A-Za-z_]\w*(?:\[\])?/g, replacement: '', note: 'PostgreSQL casts (::type) were dropped: SQLite converts values by itself.' },
];

/** The SQL as SQLite should read it, and what was changed. */
export function forSqlite(sql: string, dialect: SqlDialect): { sql: string; notes: string[] } {
  let text = sql;
  const notes: string[] = [];
  for (const rewrite of REWRITES) {
    if (!rewrite.dialects.includes(dialect)) continue;
    const next = text.replace(rewrite.pattern, rewrite.replacement);
    if (next !== text) notes.push(rewrite.note);
    text = next;
  }
  return { sql: text, notes };
}

/** The fixed SQL as the learner's driver writes it: `$1, $2` for node-postgres, `?` for mysql and SQLite. */
export function withDriverPlaceholders(pieces: readonly string[], placeholder: string): string {
  return pieces.map((text, i) => {
    if (i === pieces.length - 1) return text;
    const n = i + 1;
    const token = placeholder === '$n' ? `$${n}` : placeholder === ':n' ? `:${n}` : placeholder === '@name' ? `@p${n}` : placeholder === ':name' ? `:p${n}` : '?';
    return text + token;
  }).join('');
}
