import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { OffsetEdit } from '../../engine/rule';

/** Edits sorted by where they start, each with where its new text lands in the edited text. */
export interface PlacedEdit extends OffsetEdit {
  /** Start of the new text in the edited text. */
  readonly newStart: number;
  readonly newEnd: number;
}

export function placeEdits(edits: readonly OffsetEdit[]): PlacedEdit[] {
  let delta = 0;
  return [...edits].sort((a, b) => a.startOffset - b.startOffset).map((e) => {
    const placed = { ...e, newStart: e.startOffset + delta, newEnd: e.startOffset + delta + e.newText.length };
    delta += e.newText.length - (e.endOffset - e.startOffset);
    return placed;
  });
}

/** Where an offset of the original text outside the edits is in the edited text (after an insertion made at it). */
export function mapOffset(edits: readonly PlacedEdit[], offset: number): number {
  let delta = 0;
  for (const e of edits) if (e.endOffset <= offset) delta += e.newText.length - (e.endOffset - e.startOffset);
  return offset + delta;
}

function touches(start: number, end: number, editStart: number, editEnd: number): boolean {
  return editStart === editEnd ? start < editStart && end > editStart : start < editEnd && end > editStart;
}

interface Leaf {
  type: string;
  text: string;
  parents: string;
  start: number;
}

/** The tree's leaves (tokens and comments) with their parent and grandparent types, in order. */
function leaves(tree: Tree): Leaf[] {
  const result: Leaf[] = [];
  const cursor = tree.walk();
  const types: string[] = [];
  try {
    for (;;) {
      const node = cursor.currentNode;
      if (node.childCount === 0 || node.type === 'comment' || node.type === 'string_fragment') {
        result.push({ type: node.type, text: node.text, parents: types.slice(-2).join('<'), start: node.startIndex });
      } else if (cursor.gotoFirstChild()) {
        types.push(node.type);
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return result;
        types.pop();
      }
    }
  } finally {
    cursor.delete();
  }
}

/**
 * The first difference between the two trees outside the edited text: a token, comment or nesting (parent and
 * grandparent) that the edits were not meant to touch, said in words; `undefined` when there is none.
 */
export function changeOutsideEdits(before: Tree, after: Tree, edits: readonly PlacedEdit[]): string | undefined {
  const old = leaves(before).filter((l) => !edits.some((e) => touches(l.start, l.start + l.text.length, e.startOffset, e.endOffset)));
  const now = leaves(after).filter((l) => !edits.some((e) => touches(l.start, l.start + l.text.length, e.newStart, e.newEnd) || (l.start >= e.newStart && l.start + l.text.length <= e.newEnd && e.newEnd > e.newStart)));
  for (let i = 0; i < Math.max(old.length, now.length); i++) {
    const a = old[i];
    const b = now[i];
    const same = a && b && a.type === b.type && a.text === b.text && a.parents === b.parents && mapOffset(edits, a.start) === b.start;
    if (!same) return `outside the edits, ${a ? `${a.type} '${a.text.slice(0, 30)}' in ${a.parents}` : 'nothing'} became ${b ? `${b.type} '${b.text.slice(0, 30)}' in ${b.parents}` : 'nothing'}`;
  }
  return undefined;
}

/** The innermost node of `type` whose range holds `start..end`. */
export function innermost(path: readonly Node[], types: ReadonlySet<string>): Node | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (types.has(path[i].type)) return path[i];
  return undefined;
}
