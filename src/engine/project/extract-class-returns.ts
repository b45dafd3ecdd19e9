import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../ast';
import type { CallFactReader } from '../rules/sql/call-facts';
import type { ClassFact, FileFacts } from './facts';

const CLASS_TYPES: ReadonlySet<string> = new Set(['class_declaration', 'abstract_class_declaration']);
/** `this.name` and `this.#name`, called or read. */
const THIS_MEMBER = /\bthis\s*\.\s*(#?[\w$]+)/g;

/** Whether a method is an instance method that returns a value when called: not static, not a getter, setter or constructor. */
function isPlainMethod(member: Node): boolean {
  if (member.type !== 'method_definition') return false;
  const name = member.childForFieldName('name')?.text;
  if (!name || name === 'constructor') return false;
  return !/^(?:(?:public|protected|private|override|async|readonly)\s+)*(?:static|get|set)\b/.test(member.text);
}

/** The classes the file exports as declared (`export class A`, `export abstract class A`, `export default class A`), by export name. */
function exportedClasses(root: Node): [string, Node][] {
  const found: [string, Node][] = [];
  for (const statement of namedChildren(root)) {
    if (statement.type !== 'export_statement') continue;
    const declaration = namedChildren(statement).find((c) => CLASS_TYPES.has(c.type));
    const name = declaration?.childForFieldName('name')?.text;
    if (!declaration || !name) continue;
    found.push([/^export\s+default\b/.test(statement.text) ? 'default' : name, declaration]);
  }
  return found;
}

/**
 * What the methods of the file's exported classes return as text, so that a subclass in another file reads
 * `this.tablePath()` as it reads a method of its own (`class Driver extends Base`). Read within the work budget.
 * Without `read` (deferred), only what the class's own code uses on `this` and whether it extends another.
 */
export function extractClassReturns(root: Node, facts: FileFacts, read: (() => CallFactReader) | undefined, spent: () => boolean): void {
  for (const [exportName, cls] of exportedClasses(root)) {
    const body = cls.childForFieldName('body');
    if (!body) continue;
    const fact: ClassFact = { textReturns: {}, thisMembers: [...new Set([...body.text.matchAll(THIS_MEMBER)].map((m) => m[1]))] };
    if (namedChildren(cls).some((c) => c.type === 'class_heritage')) fact.extends = true;
    (facts.classes ??= {})[exportName] = fact;
    // deferred (no `read`): the text returns are read again when a subclass asks (`deferred-calls.ts`)
    if (!read) continue;
    for (const member of namedChildren(body)) {
      if (spent()) break;
      if (!isPlainMethod(member)) continue;
      const parts = read().textReturn(member);
      if (parts) fact.textReturns[member.childForFieldName('name')?.text ?? ''] = parts;
    }
  }
}
