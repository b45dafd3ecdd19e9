import type { Node } from '@vscode/tree-sitter-wasm';
import { unwrap } from '../../ast';
import { matchAllIn } from '../../text';
import { isPrivateMethod, isStaticMember, memberName, type ClassMembers } from './classes';

/**
 * The callers of a static member (`static nearest(...)`, `static nearest = async (...) => ...`), which code
 * reaches only through its class: `Driver.nearest(...)`, `this.nearest(...)` in the class's code and
 * `this.constructor.nearest(...)`. They are all in sight when the file names the member only in such calls and
 * no other project file that can get hold of the class names it (see `MemberSight.reachableMention`); a private
 * static member needs no look at other files. Any other mention (handed out, `Sub.nearest`, `.call`) hides a caller.
 */

const CLASS_TYPES: ReadonlySet<string> = new Set(['class_declaration', 'abstract_class_declaration']);
const FIELD_TYPES: ReadonlySet<string> = new Set(['field_definition', 'public_field_definition']);

/** What `callAt` in call-sites.ts says of a name at a place: its call, text, handed to other files, or another use. */
export type CallAtName = (start: number, length: number) => Node | 'not-code' | 'published' | undefined;

/** The static member `fn` is (a static method, or the function a static field holds); `undefined` for anything else. */
export function staticMemberOf(fn: Node, parent: Node): Node | undefined {
  if (fn.type === 'method_definition') return isStaticMember(fn) ? fn : undefined;
  const value = FIELD_TYPES.has(parent.type) ? parent.childForFieldName('value') : undefined;
  return value && unwrap(value).startIndex === fn.startIndex && isStaticMember(parent) ? parent : undefined;
}

/** Every call of a static member in the file, when those are all its calls in the project; `undefined` otherwise. */
export function staticMemberCalls(classes: ClassMembers, text: string, member: Node, callAt: CallAtName): Node[] | undefined {
  const cls = classes.enclosingClass(member);
  const className = cls && CLASS_TYPES.has(cls.type) ? cls.childForFieldName('name')?.text : undefined;
  const name = memberName(member);
  if (!cls || !className || !name || hasDecorator(cls) || hasDecorator(member)) return undefined;
  if (!isPrivateMethod(member) && (!classes.sight?.reachableMention || classes.sight.reachableMention(name))) return undefined;
  const declared = namedAt(member, name);
  const calls: Node[] = [];
  const mention = new RegExp(`(?<![\\w$#])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
  for (const match of matchAllIn(mention, text)) {
    if (match.index === declared) continue;
    const call = callAt(match.index, name.length);
    if (call === 'not-code') continue;
    if (!call || call === 'published' || !throughClass(call, className, cls)) return undefined;
    calls.push(call);
  }
  return calls;
}

function namedAt(member: Node, name: string): number | undefined {
  for (const child of member.namedChildren) if (child && child.text === name && /property_identifier$/.test(child.type)) return child.startIndex;
  return undefined;
}

function hasDecorator(node: Node): boolean {
  return node.namedChildren.some((c) => c?.type === 'decorator') || node.previousNamedSibling?.type === 'decorator';
}

/** `Driver.m(...)` anywhere, or `this.m(...)` / `this.constructor.m(...)` inside the class. */
function throughClass(call: Node, className: string, cls: Node): boolean {
  const callee = call.childForFieldName('function');
  const object = callee?.type === 'member_expression' ? callee.childForFieldName('object') : undefined;
  if (!object) return false;
  const receiver = unwrap(object);
  if (receiver.type === 'identifier') return receiver.text === className;
  const inside = cls.startIndex <= call.startIndex && call.endIndex <= cls.endIndex;
  if (receiver.type === 'this') return inside;
  const holder = receiver.type === 'member_expression' ? receiver.childForFieldName('object') : undefined;
  return inside && holder?.type === 'this' && receiver.childForFieldName('property')?.text === 'constructor';
}
