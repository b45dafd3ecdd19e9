/**
 * The language-neutral model of SQL built from strings (`../shared/DESIGN.md`, "One backend model"):
 * per-language front ends (`src/engine/languages/<lang>/`) find the calls that send SQL text to a database
 * (sinks, kept as data rows per language) and describe the text each one sends as pieces with an origin;
 * one shared judgement (`src/engine/rules/sql/neutral/`) decides whether to flag it, with the same
 * principles as the JavaScript rule: a value's origin decides, constants however they travel do not count.
 *
 * JavaScript and TypeScript keep their own, older front end in `src/engine/rules/sql/`; Python, PHP, Java
 * and Ruby produce this model.
 */

/**
 * Where a value in SQL text comes from, as far as the front end can see.
 * - `constant`: literals and constants however they travel (named constants, constant-only functions).
 * - `request`: attacker data (request parameters, body, headers, cookies, path parameters of a route handler).
 * - `unknown`: the origin is not visible (a parameter of a public function, a call the front end cannot read).
 * - `numeric`: converted to a number (`int(x)`, `intval($x)`, `Integer.parseInt(x)`, `x.to_i`).
 * - `quoted`: passed through a quoting/escaping function of the driver or framework.
 * - `allowed`: checked against a fixed set of values (a dict/map lookup of constants, a conditional over literals).
 * - `generated`: a name built by the code (constant prefix + date or random bytes).
 * - `stored`: read from the database, the environment or configuration (second-order; not flagged by default).
 * - `placeholder`: SQL placeholder text built by the code (`", ".join(["%s"] * n)`).
 */
export type ValueOrigin =
  | 'constant' | 'request' | 'unknown' | 'numeric' | 'quoted' | 'allowed' | 'generated' | 'stored' | 'placeholder';

/** How the string was built, for the message ("an f-string", "`.` concatenation", ...). */
export type BuildKind = 'concatenation' | 'interpolation' | 'format' | 'percent-format' | 'join' | 'append';

/** A piece of SQL text: literal text, or a value spliced in. Offsets are into the analysed file. */
export type TextPiece =
  | { readonly kind: 'text'; readonly text: string; readonly startOffset: number; readonly endOffset: number }
  | {
    readonly kind: 'value';
    /** The expression's source text, as written. */
    readonly source: string;
    readonly origin: ValueOrigin;
    /** Why the front end chose the origin, for messages and tests (`request.args`, `parameter of a public function`). */
    readonly why: string;
    readonly startOffset: number;
    readonly endOffset: number;
  };

/** The SQL text one sink call sends: its pieces in order and how they were joined. */
export interface SqlText {
  readonly pieces: readonly TextPiece[];
  readonly built: readonly BuildKind[];
  /** The span of the expression that built the text (the argument itself, or an earlier assignment it reads). */
  readonly startOffset: number;
  readonly endOffset: number;
}

/** How much the text must look like SQL before a call counts (same meaning as the JavaScript sinks' `Evidence`). */
export type SinkEvidence = 'statement' | 'sql' | 'built';

/** A call that sends SQL text to a database. */
export interface SqlSinkCall {
  /** Id of the sink data row (`python.dbapi.execute`, `php.pdo.query`, ...). */
  readonly sinkId: string;
  /** The API as a reader knows it, for the message (`cursor.execute`, `DB::raw`, `JdbcTemplate.query`). */
  readonly api: string;
  readonly evidence: SinkEvidence;
  /** The call expression's span (what the finding underlines is `sql`'s span, or this when `sql` is elsewhere). */
  readonly startOffset: number;
  readonly endOffset: number;
  readonly sql: SqlText;
  /** True when values are already passed separately (a parameters argument, bound setters). */
  readonly hasParameters: boolean;
}

/** What a language front end gives the shared SQL judgement for one file. */
export interface SqlFileModel {
  readonly sinks: readonly SqlSinkCall[];
  /** Set (saying why) when reading stopped on the clock: later sinks are missing, so the file is reported timed out. */
  readonly cutShort?: string;
}

/** Why a reading of SQL text that ran past the file's time budget stopped. */
export const SQL_READ_OUT_OF_TIME = 'reading how SQL text is built ran past the time budget; later calls were not checked';
