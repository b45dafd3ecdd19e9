import type { Node } from '@vscode/tree-sitter-wasm';
import { unwrap } from '../../ast';
import { matchAllIn } from '../../text';
import type { Ancestry } from './ancestry';
import { isPrivateMethod, isStaticMember, memberName, type ClassMembers } from './classes';
import { hasDecorator } from './own-class-calls';

/**
 * The callers of a static member (`static nearest(...)`, `static nearest = async (...) => ...`), which code
 * reaches only through its class: `Driver.nearest(...)`, `this.nearest(...)` in the class's code and
 * `this.constructor.nearest(...)`. They are all in sight when no other project file that can get hold of the
 * class names the member (see `MemberSight.reachableMention`; a private member needs no look), nor any other file
 * at all when this file hands the class object on, and in its file every mention through the class is a call. A mention on another object (`store.nearest = ...`) is not one,
 * as long as the class object cannot be that object: its name is only read for members, `new`, `instanceof`
 * or an export, static code uses `this` only for members, and `x.constructor` is only read for members.
 */

const CLASS_TYPES: ReadonlySet<string> = new Set(['class_declaration', 'abstract_class_declaration']);
const FIELD_TYPES: ReadonlySet<string> = new Set(['field_definition', 'public_field_definition']);
const TEXT_TYPES: ReadonlySet<string> = new Set(['string', 'string_fragment', 'template_string', 'comment', 'regex', 'regex_pattern']);
/** Where the class's name may stand without handing the class object to another name (the member read aside). */
const NAME_HOLDERS: ReadonlySet<string> = new Set(['type_query', 'new_expression', 'export_specifier', 'export_statement', 'class_declaration', 'abstract_class_declaration']);

/** What `callAt` in call-sites.ts says of a name at a place: its call, text, handed to other files, or another use. */
export type CallAtName = (start: number, length: number) => Node | 'not-code' | 'published' | undefined;

/** The static member `fn` is (a static method, or the function a static field holds); `undefined` for anything else. */
export function staticMemberOf(fn: Node, parent: Node): Node | undefined {
  if (fn.type === 'method_definition') return isStaticMember(fn) ? fn : undefined;
  const value = FIELD_TYPES.has(parent.type) ? parent.childForFieldName('value') : undefined;
  return value && unwrap(value).startIndex === fn.startIndex && isStaticMember(parent) ? parent : undefined;
}

/** Every call of a static member in the file, when those are all its calls in the project; `undefined` otherwise. */
export function staticMemberCalls(classes: ClassMembers, ancestry: Ancestry, text: string, member: Node, callAt: CallAtName): Node[] | undefined {
  const cls = classes.enclosingClass(member);
  const className = cls && CLASS_TYPES.has(cls.type) ? cls.childForFieldName('name')?.text : undefined;
  const name = memberName(member);
  if (!cls || !className || !name || hasDecorator(cls) || hasDecorator(member)) return undefined;
  const published = !isPrivateMethod(member);
  const sight = classes.sight;
  if (published && (!sight?.reachableMention || sight.reachableMention(name))) return undefined;
  // a file that names it without importing this one could still be handed the class object by this file
  let escapes = published && sight?.mentionedElsewhere(name) ? classEscapes(ancestry, text, cls, className) : undefined;
  if (escapes) return undefined;
  const declared = namedAt(member, name);
  const calls: Node[] = [];
  for (const match of matchAllIn(wordPattern(name), text)) {
    if (match.index === declared) continue;
    const call = callAt(match.index, name.length);
    if (call === 'not-code') continue;
    if (call && call !== 'published' && throughClass(call, className, cls)) { calls.push(call); continue; }
    const receiver = call === 'published' ? undefined : receiverAt(ancestry, match.index, name.length);
    if (!receiver || isClassRef(receiver, className, cls)) return undefined;
    // `store.nearest = ...`: another object's member, unless the class object may have reached `store`
    escapes ??= classEscapes(ancestry, text, cls, className);
    if (escapes) return undefined;
  }
  return calls;
}

function wordPattern(name: string): RegExp {
  return new RegExp(`(?<![\\w$#])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
}

function namedAt(member: Node, name: string): number | undefined {
  for (const child of member.namedChildren) if (child && child.text === name && /property_identifier$/.test(child.type)) return child.startIndex;
  return undefined;
}

/** The object of the member expression whose property is the name at `start` (`x` in `x.nearest`). */
function receiverAt(ancestry: Ancestry, start: number, length: number): Node | undefined {
  const path = ancestry.pathTo(start, start + length);
  const name = path[path.length - 1];
  const parent = path[path.length - 2];
  if (name?.startIndex !== start || parent?.type !== 'member_expression' || parent.childForFieldName('property')?.startIndex !== start) return undefined;
  return parent.childForFieldName('object') ?? undefined;
}

/** `Driver.m(...)` anywhere, or `this.m(...)` / `this.constructor.m(...)` inside the class. */
function throughClass(call: Node, className: string, cls: Node): boolean {
  const callee = call.childForFieldName('function');
  const object = callee?.type === 'member_expression' ? callee.childForFieldName('object') : undefined;
  return !!object && isClassRef(object, className, cls) && (unwrap(object).type === 'identifier' || inside(call, cls));
}

/** The class's name, `this`, or `this.constructor`: what may stand for the class object itself. */
function isClassRef(object: Node, className: string, cls: Node): boolean {
  const receiver = unwrap(object);
  if (receiver.type === 'identifier') return receiver.text === className;
  if (receiver.type === 'this') return true;
  const holder = receiver.type === 'member_expression' ? receiver.childForFieldName('object') : undefined;
  return holder?.type === 'this' && receiver.childForFieldName('property')?.text === 'constructor' && inside(receiver, cls);
}

function inside(node: Node, cls: Node): boolean {
  return cls.startIndex <= node.startIndex && node.endIndex <= cls.endIndex;
}

/**
 * Whether the class object may be held by some name other than its own in this file: its name used other than
 * for a member, `new`, `instanceof` or an export; `this` in static code used other than for a member; or
 * `x.constructor` read other than for a member.
 */
function classEscapes(ancestry: Ancestry, text: string, cls: Node, className: string): boolean {
  for (const match of matchAllIn(wordPattern(className), text)) {
    const path = ancestry.pathTo(match.index, match.index + className.length);
    const node = path[path.length - 1];
    if (node.startIndex !== match.index || TEXT_TYPES.has(node.type) || node.type.includes('type')) continue;
    if (!handsNothingOn(node, path[path.length - 2])) return true;
  }
  for (const match of matchAllIn(/(?<![\w$])constructor(?![\w$])/g, text)) {
    const path = ancestry.pathTo(match.index, match.index + 'constructor'.length);
    const node = path[path.length - 1];
    const parent = path[path.length - 2];
    if (node.type !== 'property_identifier' || parent?.type !== 'member_expression') continue;
    if (!isMemberObject(parent, path[path.length - 3])) return true;
  }
  for (const member of cls.childForFieldName('body')?.namedChildren ?? []) {
    if (!member || !isStaticMember(member) && member.type !== 'class_static_block') continue;
    for (const self of member.descendantsOfType('this')) {
      const path = self ? ancestry.pathTo(self.startIndex, self.endIndex) : [];
      if (!self || !isMemberObject(self, path[path.length - 2])) return true;
    }
  }
  return false;
}

/** A use of the class's name that leaves the class object with no other name. */
function handsNothingOn(node: Node, parent: Node | undefined): boolean {
  if (!parent) return false;
  if (NAME_HOLDERS.has(parent.type)) return parent.type !== 'export_statement' || parent.childForFieldName('value')?.startIndex === node.startIndex || parent.childForFieldName('declaration') !== null;
  if (parent.type === 'binary_expression') return parent.childForFieldName('operator')?.text === 'instanceof' && parent.childForFieldName('right')?.startIndex === node.startIndex;
  return isMemberObject(node, parent);
}

/** Whether `node` is the object of the member expression `parent` (`node.x`, `node?.x`, `node['x']`). */
function isMemberObject(node: Node, parent: Node | undefined): boolean {
  return (parent?.type === 'member_expression' || parent?.type === 'subscript_expression') && parent.childForFieldName('object')?.startIndex === node.startIndex && parent.childForFieldName('object')?.endIndex === node.endIndex;
}
