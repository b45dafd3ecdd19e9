import type { ContentChange } from '../../../src/engine/incremental';
import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { pick, seededRandom } from '../../../src/testing/seeded-random';

export const ROUTES_OPTIONS = { languageId: 'javascript', fileName: 'src/routes.js', rules: [sqlConcatenation] };

/** The first lines of a routes file: the driver, express and a router. */
export const ROUTES_HEADER = ['const db = require("mysql").createConnection({});', 'const express = require("express");', 'const router = express.Router();'];

/** A handler whose query is built from the module-level `table` and the request's id. */
export function handlerReadingTable(i: number): string {
  return `router.get("/r${i}/:id", async (req, res) => {\n  const id = req.params.id;\n  const rows = await db.query("SELECT * FROM " + table + " WHERE id = " + id);\n  res.json(rows);\n});`;
}

/** `text` after `change`. */
export function apply(text: string, change: ContentChange): string {
  return text.slice(0, change.rangeOffset) + change.text + text.slice(change.rangeOffset + change.rangeLength);
}

/** Typing `typed` at `at` one character at a time, as a person does, then deleting it again with backspace. */
export function typedAndDeleted(at: number, typed: string): ContentChange[] {
  const strokes: ContentChange[] = [...typed].map((ch, i) => ({ rangeOffset: at + i, rangeLength: 0, text: ch }));
  for (let i = typed.length - 1; i >= 0; i--) strokes.push({ rangeOffset: at + i, rangeLength: 1, text: '' });
  return strokes;
}

export interface TypingState {
  text: string;
  change: ContentChange;
  session: number;
  /** Where the session types (a line end of the text it started from). */
  at: number;
}

/**
 * `sessions` typing sessions into `text`, from a fixed seed: each types one of `snippets` on a new line after a
 * random line end, one character at a time, then deletes it again. `startSession` sees the text each starts
 * from; `visit`, every state after a keystroke.
 */
export async function typeSessions(text: string, seed: number, sessions: number, snippets: readonly string[], visit: (state: TypingState) => Promise<void>, startSession: (text: string, at: number) => Promise<void> = async () => undefined): Promise<void> {
  const next = seededRandom(seed);
  for (let session = 0; session < sessions; session++) {
    const lineEnds = [...text.matchAll(/\n/g)].map((m) => m.index);
    const at = pick(next, lineEnds);
    await startSession(text, at);
    for (const change of typedAndDeleted(at, `\n  ${pick(next, snippets)}`)) {
      text = apply(text, change);
      await visit({ text, change, session, at });
    }
  }
}
