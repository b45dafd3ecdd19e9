import { everyRowAttack, unionAttack, type Attack } from './attacks';
import { DIALECT_NAMES, forSqlite, withDriverPlaceholders } from './dialect';
import type { QueryPart, QueryValue, ReplayableQuery } from './query';
import { openSandbox, type ResultSet, type Sandbox } from './sandbox';
import { buildSchema, SECRET_TABLE, seedValue } from './schema';
import { comparedColumn, slotOf, statementKeyword, tablesOf, type Slot } from './sql-shape';
import { explainEffect } from './effects';

/**
 * Replays an SQL injection on a flagged query: the query as the code builds it runs in an in-memory SQLite
 * database seeded for it, first with an honest input, then with attackers' inputs; then the parameterized form
 * runs with the same inputs bound. Nothing reaches a real database or the network. Never throws.
 */

/** One statement the sandbox ran: what it received and what it answered (or the error it gave). */
export interface ReplayRun {
  readonly input: string;
  /** The SQL text the database received (as the learner's database would receive it). */
  readonly sql: string;
  /** Values bound beside the text (the parameterized form). */
  readonly bound?: readonly string[];
  readonly result?: ResultSet;
  readonly error?: string;
}

export interface AttackReplay {
  readonly attack: Attack;
  readonly vulnerable: ReplayRun;
  /** Rows the attack returned that the honest input did not. */
  readonly leaked: readonly unknown[][];
  /** The same input bound as a parameter; absent when the query has no certain parameterized form. */
  readonly fixed?: ReplayRun;
}

export type ReplayReport =
  | {
    readonly kind: 'replayed';
    /** The learner's database, and the engine that stood in for it. */
    readonly dialectName: string;
    readonly attacked: QueryValue;
    readonly slot: Slot;
    /** How the sandbox was set up: CREATE and INSERT statements. */
    readonly schema: readonly string[];
    readonly notes: readonly string[];
    readonly honest: ReplayRun;
    /** The honest input through the parameterized form: the fix keeps the query working. */
    readonly honestFixed?: ReplayRun;
    readonly attacks: readonly AttackReplay[];
    /** The fixed SQL as the driver writes it (`$1`, `?`). */
    readonly fixedSql?: string;
  }
  | {
    readonly kind: 'not-replayed';
    /** Why, in a sentence for the learner. */
    readonly reason: string;
    /** The statement with an attack's input in it, when one can be shown. */
    readonly statement?: string;
    /** What that statement would do. */
    readonly explanation?: string;
  };

export interface ReplayOptions {
  /** Folder of sql.js's `sql-wasm.wasm` (the extension's dist/wasm); node_modules when absent. */
  readonly wasmDir?: string;
}

function render(parts: readonly QueryPart[], inputs: readonly string[]): string {
  return parts.map((p) => (p.kind === 'sql' ? p.text : inputs[p.value])).join('');
}

/** The value the attacker controls: the first request value, else the first value of unknown origin. */
function attackedIndex(query: ReplayableQuery): number {
  const request = query.values.findIndex((v) => v.unsafe && v.fromRequest);
  return request >= 0 ? request : query.values.findIndex((v) => v.unsafe);
}

/** The text before the first use of value `index`. */
function textBefore(parts: readonly QueryPart[], index: number): string {
  const at = parts.findIndex((p) => p.kind === 'value' && p.value === index);
  return parts.slice(0, at < 0 ? 0 : at).map((p) => (p.kind === 'sql' ? p.text : '')).join('');
}

function slotsOf(query: ReplayableQuery): Slot[] {
  return query.values.map((_, i) => {
    const at = query.built.findIndex((p) => p.kind === 'value' && p.value === i);
    return at < 0 ? 'bare' : slotOf(query.built, at, query.dialect);
  });
}

/** An input the code expects: the seeded first-row value of the column it is compared with. */
function honestInputs(query: ReplayableQuery, slots: readonly Slot[], table: string): string[] {
  return query.values.map((_, i) => {
    const column = comparedColumn(textBefore(query.built, i));
    if (column) return String(seedValue(table, column, 1));
    return slots[i] === 'string' ? 'example' : '1';
  });
}

/** Runs `sql` (or `run`, when SQLite needs other placeholders than the text shown) and records what happened. */
function runOn(sandbox: Sandbox, query: ReplayableQuery, notes: Set<string>, input: string, sql: string, bound?: readonly string[], run: string = sql): ReplayRun {
  const translated = forSqlite(run, query.dialect);
  for (const note of translated.notes) notes.add(note);
  try {
    return { input, sql, ...(bound ? { bound } : {}), result: sandbox.query(translated.sql, bound) };
  } catch (error) {
    return { input, sql, ...(bound ? { bound } : {}), error: error instanceof Error ? error.message : String(error) };
  }
}

function fixedRun(sandbox: Sandbox, query: ReplayableQuery, notes: Set<string>, inputs: readonly string[], input: string): ReplayRun | undefined {
  const form = query.parameterized;
  if (!form) return undefined;
  return runOn(sandbox, query, notes, input, withDriverPlaceholders(form.sql, query.placeholder), form.bound.map((parts) => render(parts, inputs)), form.sql.join('?'));
}

function extraRows(attack: ReplayRun, honest: ReplayRun): unknown[][] {
  const seen = new Set((honest.result?.rows ?? []).map((row) => JSON.stringify(row)));
  return (attack.result?.rows ?? []).filter((row) => !seen.has(JSON.stringify(row)));
}

export async function replayInjection(query: ReplayableQuery, options: ReplayOptions = {}): Promise<ReplayReport> {
  try {
    return await replay(query, options);
  } catch (error) {
    return { kind: 'not-replayed', reason: `The replay failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function replay(query: ReplayableQuery, options: ReplayOptions): Promise<ReplayReport> {
  const index = attackedIndex(query);
  if (index < 0) return { kind: 'not-replayed', reason: 'Every value in this query is a number or escaped: there is nothing an attacker can type into it.' };
  const slots = slotsOf(query);
  const slot = slots[index];
  const placeholderInputs = slots.map((s) => (s === 'string' ? 'example' : '1'));
  const shownAttack = everyRowAttack(slot === 'name' ? 'bare' : slot);
  const attackedText = render(query.built, placeholderInputs.map((v, i) => (i === index ? shownAttack.input : v)));
  if (slot === 'name') {
    return {
      kind: 'not-replayed',
      reason: `\`${query.values[index].source}\` goes where a table or column name (or an IN list) goes, so the replay, which shows rows leaking through a value, does not apply. Such names need a fixed allow-list; see the lesson.`,
      statement: attackedText,
    };
  }
  const keyword = statementKeyword(render(query.built, placeholderInputs));
  if (keyword !== 'SELECT' && keyword !== 'WITH') {
    return {
      kind: 'not-replayed',
      reason: `The replay runs SELECT statements only, to show rows leaking; this is ${keyword ? `an ${keyword}` : 'another kind of'} statement, so it is shown, not run.`,
      statement: attackedText,
      explanation: explainEffect(keyword, tablesOf(attackedText)[0]?.table, shownAttack.input),
    };
  }
  const sandbox = await openSandbox(options.wasmDir);
  try {
    const notes = new Set<string>();
    const discovery = forSqlite(render(query.built, placeholderInputs), query.dialect);
    const schema = buildSchema(sandbox, discovery.sql);
    if ('error' in schema) return { kind: 'not-replayed', reason: `The replay database could not read this query: ${schema.error}.`, statement: attackedText };
    const table = tablesOf(discovery.sql)[0]?.table ?? SECRET_TABLE;
    const honestValues = honestInputs(query, slots, table);
    const honest = runOn(sandbox, query, notes, honestValues[index], render(query.built, honestValues));
    if (honest.error) return { kind: 'not-replayed', reason: `The replay database could not run this query: ${honest.error}.`, statement: honest.sql };
    const width = honest.result?.columns.length ?? 1;
    const attacks = [shownAttack, unionAttack(slot, SECRET_TABLE, ['id', 'email', 'password_hash'], width)].map((attack): AttackReplay => {
      const inputs = honestValues.map((v, i) => (i === index ? attack.input : v));
      const vulnerable = runOn(sandbox, query, notes, attack.input, render(query.built, inputs));
      const fixed = fixedRun(sandbox, query, notes, inputs, attack.input);
      return { attack, vulnerable, leaked: extraRows(vulnerable, honest), ...(fixed ? { fixed } : {}) };
    });
    const honestFixed = fixedRun(sandbox, query, notes, honestValues, honestValues[index]);
    if (query.dialect !== 'sqlite') notes.add(`The replay ran on SQLite (sql.js, in memory) standing in for ${DIALECT_NAMES[query.dialect]}: the attacks work the same way there.`);
    return {
      kind: 'replayed',
      dialectName: DIALECT_NAMES[query.dialect],
      attacked: query.values[index],
      slot,
      schema: schema.statements,
      notes: [...notes],
      honest,
      ...(honestFixed ? { honestFixed } : {}),
      attacks,
      ...(query.parameterized ? { fixedSql: withDriverPlaceholders(query.parameterized.sql, query.placeholder) } : {}),
    };
  } finally {
    sandbox.close();
  }
}
