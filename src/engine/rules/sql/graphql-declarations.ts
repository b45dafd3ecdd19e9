import type { Node } from '@vscode/tree-sitter-wasm';
import { unwrap } from '../../ast';
import type { StringEvaluator } from './string-building';
import { argumentList } from './syntax';

/**
 * A GraphQL field's `args` declaration, read the way JavaScript builds the object, last writer of a key first:
 * keys written in an object literal (with the node of their `type`), and objects from elsewhere (another
 * file's export, anything not read here) with the `omit` / `pick` calls they went through. Spreads and `const`s
 * of this file are followed. Used both when a file is analysed and when its call facts are recorded.
 */
export type DeclarationLeaf =
  | { readonly key: string; readonly type: Node | undefined; readonly filters: readonly KeyFilter[] }
  | { readonly object: Node; readonly filters: readonly KeyFilter[] };

/** `omit(source, ['a'])` or `pick(source, 'a')`: the keys named, and the callee (checked to be lodash's where the project is in sight). */
export interface KeyFilter {
  readonly kind: 'omit' | 'pick';
  readonly keys: readonly string[];
  readonly helper: Node;
}

const MAX_LEAVES = 40;

/** The leaves of a declaration, last writer first; `undefined` when a computed key makes it unreadable. */
export function declarationLeaves(ev: StringEvaluator, node: Node): DeclarationLeaf[] | undefined {
  const leaves: DeclarationLeaf[] = [];
  return collect(ev, node, [], 0, leaves) && leaves.length <= MAX_LEAVES ? leaves : undefined;
}

/** Whether a filter lets `key` through (a key `omit` names, or one `pick` does not, is left out). */
export function filterKeeps(filter: { readonly kind: 'omit' | 'pick'; readonly keys: readonly string[] }, key: string): boolean {
  return filter.keys.includes(key) !== (filter.kind === 'omit');
}

function collect(ev: StringEvaluator, node: Node, filters: readonly KeyFilter[], depth: number, out: DeclarationLeaf[]): boolean {
  const target = unwrap(node);
  if (depth > 6 || out.length > MAX_LEAVES) return false;
  if (target.type === 'identifier') {
    const resolution = ev.scopes.resolve(target);
    const init = resolution?.binding.kind === 'const' && resolution.writes.length === 0 ? resolution.binding.init : undefined;
    if (init) return collect(ev, init, filters, depth + 1, out);
  }
  if (target.type === 'call_expression') {
    const filter = keyFilter(target);
    if (filter) return collect(ev, filter.source, [...filters, filter.filter], depth + 1, out);
  }
  if (target.type !== 'object') {
    out.push({ object: target, filters });
    return true;
  }
  const members = target.namedChildren.filter((m): m is Node => m !== null && m.type !== 'comment');
  for (const member of members.reverse()) {
    if (member.type === 'spread_element') {
      const spread = member.namedChildren[0];
      if (!spread || !collect(ev, spread, filters, depth + 1, out)) return false;
      continue;
    }
    const name = member.type === 'pair' ? member.childForFieldName('key') : member;
    if (!name || name.type === 'computed_property_name') return false;
    const value = member.type === 'pair' ? member.childForFieldName('value') : undefined;
    out.push({ key: name.text.replace(/^['"]|['"]$/g, ''), type: value ? argumentType(ev, value) : undefined, filters });
  }
  return true;
}

/** The `type` of one argument's config (`{ type: Kind, description }`, written in place or held by a `const`). */
function argumentType(ev: StringEvaluator, value: Node): Node | undefined {
  let config = unwrap(value);
  if (config.type === 'identifier') {
    const resolution = ev.scopes.resolve(config);
    const init = resolution?.binding.kind === 'const' && resolution.writes.length === 0 ? resolution.binding.init : undefined;
    config = init ? unwrap(init) : config;
  }
  if (config.type !== 'object') return undefined;
  for (const member of config.namedChildren) {
    if (member?.type === 'pair' && member.childForFieldName('key')?.text.replace(/^['"]|['"]$/g, '') === 'type') return member.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

/** `omit(args, ['a', 'b'])`, `_.pick(args, 'a')`: the object copied and the keys named, all written as strings. */
function keyFilter(call: Node): { source: Node; filter: KeyFilter } | undefined {
  const helper = call.childForFieldName('function');
  const name = helper?.type === 'member_expression' ? helper.childForFieldName('property')?.text : helper?.text;
  if (!helper || (name !== 'omit' && name !== 'pick')) return undefined;
  const [source, ...rest] = argumentList(call);
  const keys = rest.flatMap((arg) => (unwrap(arg).type === 'array' ? unwrap(arg).namedChildren : [arg])).map((k) => (k && k.type === 'string' ? k.text.slice(1, -1) : undefined));
  if (!source || rest.length === 0 || keys.some((k) => k === undefined)) return undefined;
  return { source, filter: { kind: name, keys: keys as string[], helper } };
}
