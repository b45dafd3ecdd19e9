import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren, unwrap } from '../../ast';
import { matchAllIn } from '../../text';
import type { Ancestry } from './ancestry';
import { calledOnlyInFile, type MemberSight } from './own-class-calls';

/**
 * What a class in this file says about its own members: the values a field is ever given (its initialiser
 * and the assignments `this.field = ...` in the class), its getters and methods, its static methods. A
 * field only ever set from constants (`tableName = 'checkpoints'`, `readonly operators = { ... }`, or
 * `this.table = 'audit'` in the constructor) holds a constant; a getter or method that only returns
 * constants returns one. One instance per rule run: it caches what it read.
 */

const CLASS_TYPES: ReadonlySet<string> = new Set(['class_declaration', 'class', 'abstract_class_declaration']);
const FIELD_TYPES: ReadonlySet<string> = new Set(['field_definition', 'public_field_definition']);
const NAME_TYPES: ReadonlySet<string> = new Set(['property_identifier', 'private_property_identifier']);

export type MemberKind = 'method' | 'getter' | 'static';

export function memberName(member: Node): string | undefined {
  return namedChildren(member).find((c) => NAME_TYPES.has(c.type))?.text;
}

function hasKeyword(member: Node, keyword: string): boolean {
  for (let i = 0; i < member.childCount; i++) {
    const child = member.child(i);
    if (!child || NAME_TYPES.has(child.type)) return false;
    if (child.type === keyword || (child.type === 'accessibility_modifier' && child.text === keyword)) return true;
  }
  return false;
}

/** Whether a class member is `static` (a method, or a field holding a function). */
export function isStaticMember(member: Node): boolean {
  return hasKeyword(member, 'static');
}

/** Whether only the class itself can call a method: `#name` or TypeScript's `private`. */
export function isPrivateMethod(method: Node): boolean {
  return memberName(method)?.startsWith('#') === true || hasKeyword(method, 'private');
}

export class ClassMembers {
  private readonly writes = new Map<string, readonly Node[] | null>();

  constructor(private readonly text: string, private readonly ancestry: Ancestry, private readonly lookedUp: Set<string>, readonly sight?: MemberSight) {}

  /** Whether only the class's own code can call a method: a private one, or a public one nothing else names (see `calledOnlyInFile`). */
  callableOnlyInClass(method: Node): boolean {
    if (isPrivateMethod(method)) return true;
    const cls = this.enclosingClass(method);
    return !!cls && calledOnlyInFile(method, cls, this.text, this.sight, (name) => this.classNamed(name));
  }

  /** The class a node is written in. */
  enclosingClass(node: Node): Node | undefined {
    const path = this.ancestry.pathTo(node.startIndex, node.endIndex);
    for (let i = path.length - 1; i >= 0; i--) if (CLASS_TYPES.has(path[i].type)) return path[i];
    return undefined;
  }

  /** The class declared in this file under `name` (`class PGVector ...`). */
  classNamed(name: string): Node | undefined {
    this.lookedUp.add(name);
    for (const match of matchAllIn(new RegExp(`\\bclass\\s+${name.replace(/\$/g, '\\$')}\\b`, 'g'), this.text)) {
      const path = this.ancestry.pathTo(match.index, match.index + match[0].length);
      const declaration = [...path].reverse().find((n) => CLASS_TYPES.has(n.type));
      if (declaration && declaration.startIndex === match.index) return declaration;
    }
    return undefined;
  }

  /** A method, getter or static method of the class, by name. */
  member(cls: Node, name: string, kind: MemberKind): Node | undefined {
    for (const member of namedChildren(cls.childForFieldName('body') ?? cls)) {
      if (member.type !== 'method_definition' || memberName(member) !== name) continue;
      const isStatic = hasKeyword(member, 'static');
      const isGetter = hasKeyword(member, 'get');
      if ((kind === 'static') === isStatic && (kind === 'getter') === isGetter && !hasKeyword(member, 'set')) return member;
    }
    return undefined;
  }

  /**
   * Every value the instance field `name` is given: its initialiser and the `this.name = value` assignments
   * in the class; `undefined` when it is also written some other way (`+=`, from outside the class).
   */
  fieldValues(cls: Node, name: string): readonly Node[] | undefined {
    const key = `${cls.startIndex}:${name}`;
    if (!this.writes.has(key)) this.writes.set(key, this.readFieldValues(cls, name) ?? null);
    return this.writes.get(key) ?? undefined;
  }

  private readFieldValues(cls: Node, name: string): Node[] | undefined {
    const values: Node[] = [];
    let sealed = name.startsWith('#');
    for (const member of namedChildren(cls.childForFieldName('body') ?? cls)) {
      if (!FIELD_TYPES.has(member.type) || memberName(member) !== name || hasKeyword(member, 'static')) continue;
      sealed = sealed || hasKeyword(member, 'private') || hasKeyword(member, 'readonly');
      const value = member.childForFieldName('value');
      if (value) values.push(value);
    }
    // `this.name = v` inside the class is followed; any other write is not. Private and readonly fields can
    // only be written inside the class, so only public ones send the search through the whole file.
    const [from, to] = sealed ? [cls.startIndex, cls.endIndex] : [0, this.text.length];
    if (!sealed) this.lookedUp.add(name);
    const mention = new RegExp(`\\.[ \\t]*${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
    for (const match of matchAllIn(mention, this.text, from, to)) {
      const at = match.index;
      const after = this.text.slice(at + match[0].length, at + match[0].length + 4);
      const before = this.text.slice(Math.max(0, at - 3), at);
      if (/^\s*(?:\+\+|--)/.test(after) || /(?:\+\+|--)\s*[\w$]*$/.test(before)) return undefined;
      const operator = /^\s*((?:[-+*/%&|^]|\*\*|<<|>>>?|\?\?|\|\||&&)?=)(?![=>])/.exec(after + this.text.slice(at + match[0].length + 4, at + match[0].length + 8))?.[1];
      if (operator === undefined) continue; // a read
      if (operator !== '=' || at < cls.startIndex || at > cls.endIndex) return undefined;
      const value = this.thisAssignment(at, name, cls);
      if (!value) return undefined;
      values.push(value);
    }
    return values;
  }

  /** The value of `this.name = value` at `at` (the dot), when it is one in class `cls`. */
  private thisAssignment(at: number, name: string, cls: Node): Node | undefined {
    const path = this.ancestry.pathTo(at, at + 1 + name.length);
    const assignment = [...path].reverse().find((n) => n.type === 'assignment_expression');
    const left = assignment?.childForFieldName('left');
    const object = left?.type === 'member_expression' ? left.childForFieldName('object') : undefined;
    const right = assignment?.childForFieldName('right');
    if (!left || !right || object?.type !== 'this' || left.childForFieldName('property')?.text !== name) return undefined;
    return this.enclosingClass(left)?.startIndex === cls.startIndex ? unwrap(right) : undefined;
  }
}
