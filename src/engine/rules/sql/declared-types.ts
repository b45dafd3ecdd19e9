/**
 * TypeScript types, read from their text, that say a value cannot carry SQL: numbers, booleans, unions of
 * literals, and the collections and object shapes built only of those (`readonly number[]`,
 * `Record<number, Set<number>>`, `{ HostCollectiveId: number; CollectiveId: number }`).
 *
 * The principle: in code that type-checks, a value declared with such a type holds only numbers, booleans or
 * one of the listed literals, none of which can end a string or a name in SQL; spliced into a template, an
 * object of such fields prints `[object Object]` and a collection prints its elements. It is weaker where the
 * type system is told, not shown: a value cast with `as` or typed `any` upstream (`req.query.id as number`),
 * JavaScript callers of a TypeScript function, and data parsed from JSON and only annotated afterwards. Those
 * lie to the compiler as much as to this rule; the lesson on SQL injection says to convert (`Number(x)`) at
 * the boundary rather than annotate.
 */

/** Scalar types and literal types whose values cannot carry SQL. */
const SAFE_SCALAR = /^(?:number|bigint|boolean|true|false|null|undefined|void|never|-?\d+(?:\.\d+)?n?|'[\w\s-]*'|"[\w\s-]*")$/;
/** Generic types whose safety is that of all their type arguments (elements, keys and values). */
const SAFE_WHEN_ARGUMENTS_ARE: ReadonlySet<string> = new Set([
  'Array', 'ReadonlyArray', 'Set', 'ReadonlySet', 'Map', 'ReadonlyMap', 'Record', 'Readonly', 'Partial', 'Required', 'NonNullable', 'Promise',
]);

/** How deep nested types are read (a type text is short; this only bounds pathological input). */
const MAX_NESTING = 8;

/** Splits `text` at `separator` characters that are not inside brackets, braces, parentheses or angle brackets. */
export function splitTopLevel(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '<' || c === '(' || c === '[' || c === '{') depth++;
    else if ((c === '>' && text[i - 1] !== '=') || c === ')' || c === ']' || c === '}') depth--;
    else if (depth === 0 && separators.includes(c)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** `Name<A, B>`: the name and the type arguments; `undefined` for any other shape. */
export function genericType(type: string): { name: string; args: string[] } | undefined {
  const match = /^([\w$.]+)\s*<([\s\S]*)>$/.exec(type.trim());
  if (!match) return undefined;
  const args = splitTopLevel(match[2], ',');
  return args.length > 0 ? { name: match[1], args } : undefined;
}

/** Whether a declared type can only hold values that cannot carry SQL. */
export function typeCannotCarrySql(type: string | undefined, nesting = 0): boolean {
  if (!type || nesting > MAX_NESTING) return false;
  const text = type.trim().replace(/^\|\s*/, '');
  const union = splitTopLevel(text, '|');
  if (union.length > 1) return union.every((part) => typeCannotCarrySql(part, nesting + 1));
  if (SAFE_SCALAR.test(text)) return true;
  if (text.startsWith('(') && text.endsWith(')')) return typeCannotCarrySql(text.slice(1, -1), nesting + 1);
  const readonly = /^readonly\s+([\s\S]+)$/.exec(text);
  if (readonly) return typeCannotCarrySql(readonly[1], nesting + 1);
  if (text.endsWith('[]')) return typeCannotCarrySql(text.slice(0, -2), nesting + 1);
  if (text.startsWith('[') && text.endsWith(']')) return splitTopLevel(text.slice(1, -1), ',').every((e) => typeCannotCarrySql(e.replace(/^[\w$]+\??\s*:/, ''), nesting + 1));
  if (text.startsWith('{') && text.endsWith('}')) return objectTypeCannotCarrySql(text.slice(1, -1), nesting);
  const generic = genericType(text);
  return !!generic && SAFE_WHEN_ARGUMENTS_ARE.has(generic.name) && generic.args.every((a) => typeCannotCarrySql(a, nesting + 1));
}

/** `{ a: number; readonly b?: boolean; [key: number]: number }`: every member's type (methods are not data). */
function objectTypeCannotCarrySql(body: string, nesting: number): boolean {
  const members = splitTopLevel(body, ';,\n');
  if (members.length === 0) return false;
  return members.every((member) => {
    const index = /^\[\s*[\w$]+\s*:\s*([^\]]+)\]\s*:\s*([\s\S]+)$/.exec(member);
    if (index) return typeCannotCarrySql(index[1], nesting + 1) && typeCannotCarrySql(index[2], nesting + 1);
    const property = /^(?:readonly\s+)?(?:[\w$]+|'[^']*'|"[^"]*")\s*\??\s*:\s*([\s\S]+)$/.exec(member);
    return !!property && typeCannotCarrySql(property[1], nesting + 1);
  });
}

/** The type an object type literal gives one of its properties (`{ id: number; name: string }`, `id` gives `number`). */
export function memberTypeText(objectType: string, key: string): string | undefined {
  const text = objectType.trim();
  if (!text.startsWith('{') || !text.endsWith('}')) return undefined;
  for (const member of splitTopLevel(text.slice(1, -1), ';,\n')) {
    const property = /^(?:readonly\s+)?([\w$]+|'[^']*'|"[^"]*")\s*\??\s*:\s*([\s\S]+)$/.exec(member);
    if (property && property[1].replace(/^['"]|['"]$/g, '') === key) return property[2];
  }
  return undefined;
}
