/**
 * A flagged query as the replay needs it: the SQL text as the code builds it, with the values spliced in,
 * and the parameterized form the quick fix would write. It holds text only (no syntax nodes, no offsets), so
 * a finding can carry it to an editor and any language front end can fill it.
 */

/** A value the code splices into the SQL text. */
export interface QueryValue {
  /** The expression as written (`req.query.category`). */
  readonly source: string;
  /** True when it is read from the request a route handler receives. */
  readonly fromRequest: boolean;
  /** False when the value cannot carry SQL (a number, an escaped value): the replay gives it an honest value. */
  readonly unsafe: boolean;
}

/** Literal SQL text, or the value at an index of `ReplayableQuery.values`. */
export type QueryPart = { readonly kind: 'sql'; readonly text: string } | { readonly kind: 'value'; readonly value: number };

/** SQL text with `?` placeholders and, for each placeholder in order, the parts its bound value is made of. */
export interface ParameterizedQuery {
  /** The text around the placeholders: `sql.length === bound.length + 1`. */
  readonly sql: readonly string[];
  readonly bound: readonly (readonly QueryPart[])[];
}

/** The SQL family the learner's driver speaks. */
export type SqlDialect = 'postgres' | 'mysql' | 'sqlite' | 'mssql' | 'oracle' | 'unknown';

export interface ReplayableQuery {
  readonly values: readonly QueryValue[];
  /** The text as the code builds it. */
  readonly built: readonly QueryPart[];
  /** The parameterized rewrite; absent when no certain rewrite exists (a value where a name goes, an IN list). */
  readonly parameterized?: ParameterizedQuery;
  readonly dialect: SqlDialect;
  /** The driver's placeholder token as the learner writes it (`$n`, `?`, `@name`), for showing the fixed SQL. */
  readonly placeholder: string;
}
