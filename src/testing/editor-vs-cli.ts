import { analyze } from '../engine/analyze';
import { IncrementalDocument, type ContentChange } from '../engine/incremental';
import { languageOfFileName } from '../engine/languages';
import type { Finding } from '../engine/types';
import { pick, seededRandom } from './seeded-random';

/**
 * The editor's results against the CLI's: a document is edited at random (from a fixed seed), and after each
 * edit the incremental analysis (re-parse of what changed, the rules' memory) must find exactly what a fresh
 * analysis of the same text finds: same findings, places, messages, fixes. Shared by a unit test (a few
 * hundred edits) and `bench/editor-vs-cli.mjs` (many more).
 */

/** Keystrokes and pastes that move comments, strings and statements about. */
const TYPED = ['a', ' ', ';', '\n', '\r\n', '{', '}', '(', ')', '"', "'", '`', '${x}', '+', '//', '// note\n', '/*', '*/', '/* c */', 'req.query.id', 'db.query("SELECT * FROM t WHERE id = " + id);\n', 'app.post("/x", (req, res) => res.send(1));\n', '\t'];

export interface Difference {
  file: string;
  edit: number;
  changes: ContentChange[];
  incremental: string[];
  fresh: string[];
  /** The text had a syntax error: the editor parses with the file's grammar alone, the CLI also tries repairs and the other grammar. */
  syntaxError: boolean;
}

function apply(text: string, change: ContentChange): string {
  return text.slice(0, change.rangeOffset) + change.text + text.slice(change.rangeOffset + change.rangeLength);
}

function describe(f: Finding): string {
  return JSON.stringify([f.ruleId, f.messageId, f.range, f.message, f.fixes, f.related, f.lineCommentFits]);
}

/** One random edit event: one or two changes, each a keystroke, a paste, or a deletion of up to 40 characters. */
function randomChanges(random: () => number, text: string): { changes: ContentChange[]; text: string } {
  const changes: ContentChange[] = [];
  let working = text;
  const count = random() < 0.2 ? 2 : 1;
  for (let c = 0; c < count; c++) {
    const offset = Math.floor(random() * (working.length + 1));
    const length = random() < 0.3 ? Math.min(Math.floor(random() * 40), working.length - offset) : 0;
    const change = { rangeOffset: offset, rangeLength: length, text: length && random() < 0.5 ? '' : pick(random, TYPED) };
    changes.push(change);
    working = apply(working, change);
  }
  return { changes, text: working };
}

/**
 * Edits `text` `edits` times from `seed`, going back to the original every `resetEvery` edits (an undo-all)
 * so the file stays close to real code; returns every edit after which the two analyses differ.
 */
export async function editorVersusCli(fileName: string, text: string, options: { seed: number; edits: number; resetEvery?: number }): Promise<{ compared: number; differences: Difference[] }> {
  const languageId = languageOfFileName(fileName);
  const differences: Difference[] = [];
  if (!languageId) return { compared: 0, differences };
  const random = seededRandom(options.seed);
  const doc = await IncrementalDocument.open(text, { languageId, fileName });
  if (!doc) return { compared: 0, differences };
  let current = text;
  let compared = 0;
  try {
    for (let i = 0; i < options.edits; i++) {
      const reset = options.resetEvery && i > 0 && i % options.resetEvery === 0;
      const edit = reset ? { changes: [{ rangeOffset: 0, rangeLength: current.length, text }], text } : randomChanges(random, current);
      doc.update(edit.changes, edit.text);
      current = edit.text;
      const incremental = doc.analyze();
      const fresh = await analyze(current, { languageId, fileName });
      if (incremental.skipped || fresh.skipped || incremental.overran || fresh.overran) continue;
      compared++;
      const a = incremental.findings.map(describe);
      const b = fresh.findings.map(describe);
      if (JSON.stringify(a) !== JSON.stringify(b)) differences.push({ file: fileName, edit: i, changes: edit.changes, incremental: a.filter((x) => !b.includes(x)), fresh: b.filter((x) => !a.includes(x)), syntaxError: fresh.syntaxError !== undefined });
    }
  } finally {
    doc.dispose();
  }
  return { compared, differences };
}
