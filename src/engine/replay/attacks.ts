import type { Slot } from './sql-shape';

/**
 * The inputs an attacker types, written for where the value sits: inside a '...' string the input first closes
 * the string; a bare value needs no quote. `-- ` makes the rest of the line a comment, so whatever the code
 * wrote after the value (a closing quote, `AND owner_id = ...`, `ORDER BY`) no longer counts.
 */

export type AttackId = 'every-row' | 'union';

export interface Attack {
  readonly id: AttackId;
  readonly title: string;
  readonly input: string;
  /** What the input does to the query, in a sentence. */
  readonly explanation: string;
}

const opener = (slot: Slot): string => (slot === 'string' ? "x'" : '0');

export function everyRowAttack(slot: Slot): Attack {
  return {
    id: 'every-row',
    title: 'Every row (OR 1=1)',
    input: `${opener(slot)} OR 1=1 -- `,
    explanation: slot === 'string'
      ? 'The quote ends the string the code opened, OR 1=1 makes the condition true for every row, and -- turns the rest of the line into a comment.'
      : 'No quote is needed around a bare value: OR 1=1 makes the condition true for every row, and -- turns the rest of the line into a comment.',
  };
}

/** A UNION that appends rows of `table`: its `columns`, padded with NULL to the `width` of the query's result. */
export function unionAttack(slot: Slot, table: string, columns: readonly string[], width: number): Attack {
  const picked = columns.slice(-width);
  const list = [...picked, ...Array<string>(Math.max(0, width - picked.length)).fill('NULL')].join(', ');
  return {
    id: 'union',
    title: `Another table (UNION SELECT ... FROM ${table})`,
    input: `${opener(slot)} UNION SELECT ${list} FROM ${table} -- `,
    explanation: `UNION appends the rows of a second query with as many columns as the first: here the accounts in ${table}, a table the code never meant to show.`,
  };
}
