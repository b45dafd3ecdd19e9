import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import { syntaxErrors } from './syntax-errors';

/**
 * Same-length rewrites of constructs that TypeScript, Babel or Flow accept but the bundled tree-sitter
 * grammars (javascript 0.25.0, typescript/tsx 0.23.2) reject. They change only what the parser reads: every
 * offset, line and column stays the file's, and nodes still read their text from the file itself. A rewrite
 * blanks what the rules never look at (type syntax, an `&` in JSX text) or puts a `;` where whitespace was.
 */

/** Replaces `text.length` characters at `start`. */
export interface Patch {
  readonly start: number;
  readonly text: string;
}

/** A patch and the construct it works around. */
export interface Repaired extends Patch {
  readonly construct: string;
}

/** A syntax error and the lines around it (`window`, from offset `from` to `to`), where the repairs look. */
interface Site {
  readonly node: Node;
  readonly text: string;
  readonly from: number;
  readonly to: number;
  readonly window: string;
}

interface Repair {
  /** The construct, as the report of remaining failures names it. */
  readonly construct: string;
  readonly patches: (site: Site) => Patch[];
}

/** At most this many errors are looked at per round, which bounds the work on a file full of errors. */
const MAX_SITES = 128;
/** How far around an error's lines the repairs look. */
const SITE_CONTEXT = 2000;

/** `filler` for everything but line breaks, so lines and columns stay. */
function blank(text: string, start: number, end: number, filler = ' '): Patch {
  return { start, text: text.slice(start, end).replace(/[^\r\n]/g, filler) };
}

/** Whether one of the `depth` nearest ancestors of `node` has a type `matches` accepts. */
function hasAncestor(node: Node, matches: (type: string) => boolean, depth: number): boolean {
  for (let at = node.parent; at && depth > 0; at = at.parent, depth--) if (matches(at.type)) return true;
  return false;
}

const isJsx = (type: string) => type.startsWith('jsx_');
const isTemplate = (type: string) => type === 'template_string';
const isTypeBody = (type: string) => ['object_type', 'interface_body', 'call_signature', 'construct_signature', 'property_signature', 'method_signature', 'type_annotation'].includes(type);
const isObjectType = (type: string) => type === 'object_type' || type === 'type_annotation' || type === 'type_alias_declaration';

/** A repair that blanks (with `filler`) capture group 1 of each match of `pattern` (flags `dg`) in the site's window. */
function blankGroup(pattern: RegExp, accept: (match: RegExpExecArray) => boolean = () => true, filler = ' '): (site: Site) => Patch[] {
  return ({ text, from, window }) => {
    const patches: Patch[] = [];
    for (const match of window.matchAll(pattern)) {
      const group = match.indices?.[1];
      if (group && accept(match)) patches.push(blank(text, from + group[0], from + group[1], filler));
    }
    return patches;
  };
}

const CHARACTER_REFERENCE = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});/y;

/** `Terms & Conditions`, `href="?a=1&b=2"`: JSX allows a bare `&`; the grammar reads it as a character reference. */
function bareAmpersands({ node, text }: Site): Patch[] {
  if (!node.isError || text[node.startIndex] !== '&' || !hasAncestor(node, isJsx, 8)) return [];
  const patches: Patch[] = [];
  for (let i = node.startIndex; i < node.endIndex; i++) {
    if (text[i] !== '&' || text[i + 1] === '&' || text[i - 1] === '&') continue;
    CHARACTER_REFERENCE.lastIndex = i;
    if (!CHARACTER_REFERENCE.test(text)) patches.push({ start: i, text: ' ' });
  }
  return patches;
}

/** String.raw`\u00` : a tagged template may hold an invalid escape (ES2018); the grammar's lexer rejects it. */
function invalidTemplateEscape({ node, text }: Site): Patch[] {
  return node.isError && text[node.startIndex] === '\\' && hasAncestor(node, isTemplate, 2) ? [blank(text, node.startIndex, node.startIndex + 1)] : [];
}

/**
 * A type member on a new line after one without `;` or `,`, when the grammar reads on across the line break:
 * a generic call signature `<A>(a: A): void`, a property named `in`. TypeScript ends the previous member at
 * the line break; a `;` in the indentation says so.
 */
function memberSeparator({ node, text }: Site): Patch[] {
  if (!node.isError || !hasAncestor(node, isTypeBody, 6)) return [];
  let token = node.startIndex;
  const lineStart = text.lastIndexOf('\n', token - 1) + 1;
  if (text.slice(lineStart, token).trim() !== '') {
    const lineBreak = text.indexOf('\n', token);
    if (lineBreak < 0 || lineBreak >= node.endIndex) return [];
    token = lineBreak + 1;
    while (token < node.endIndex && (text[token] === ' ' || text[token] === '\t')) token++;
  }
  return token > lineStart && (text[token - 1] === ' ' || text[token - 1] === '\t') && /[<A-Za-z_$]/.test(text[token] ?? '') ? [{ start: token - 1, text: ';' }] : [];
}

const OPENERS = '<([{';
const CLOSERS = '>)]}';

/** The end of the type expression starting at `start`, including a `,` or `;` after it. */
function typeExpressionEnd(text: string, start: number, limit: number): number {
  let depth = 0;
  for (let i = start; i < limit; i++) {
    const c = text[i];
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c) && !(c === '>' && text[i - 1] === '=')) {
      if (depth === 0) return i;
      depth--;
    } else if (depth === 0 && (c === ',' || c === ';')) return i + 1;
    else if (depth === 0 && c === '\n') return i;
  }
  return limit;
}

/** Flow's `{ ...OtherType, b: T }`: TypeScript has no spread in object types. */
function objectTypeSpread({ node, text, to }: Site): Patch[] {
  if (!node.isError || !text.startsWith('...', node.startIndex) || !hasAncestor(node, isObjectType, 4)) return [];
  return [blank(text, node.startIndex, typeExpressionEnd(text, node.startIndex + 3, to))];
}

const PREDEFINED_TYPES = new Set(['any', 'bigint', 'boolean', 'never', 'null', 'number', 'object', 'string', 'symbol', 'undefined', 'unknown', 'void']);

/**
 * A function type whose parameters are types only: `(string) => any` (TypeScript reads a parameter named
 * `string`), Flow's `(?HTMLElement) => void`. The grammar takes `string` for the type keyword and stops.
 */
function isUnnamedParameterList(parameters: string): boolean {
  const items = parameters.split(',').map((item) => item.trim());
  if (items.some((item) => item.includes(':') || item.includes('=') || item === '')) return false;
  return items.some((item) => PREDEFINED_TYPES.has(item) || (!item.startsWith('...') && /^\?|[<[|&.]/.test(item)));
}

const REPAIRS: readonly Repair[] = [
  { construct: 'a bare & in JSX text or an attribute string', patches: bareAmpersands },
  { construct: 'an invalid escape in a tagged template (String.raw)', patches: invalidTemplateEscape },
  { construct: 'a type member on a new line after one without a separator', patches: memberSeparator },
  { construct: 'Flow object type spread', patches: objectTypeSpread },
  { construct: 'export type * from', patches: blankGroup(/\bexport\s+(type)\s+\*/dg) },
  { construct: 'in/out variance annotations on type parameters', patches: blankGroup(/[<,]\s*((?:(?:in|out)\s+)+)[A-Za-z_$]/dg) },
  { construct: 'function type with unnamed parameters', patches: blankGroup(/\(([^()\n]*)\)\s*=>/dg, (m) => isUnnamedParameterList(m[1])) },
  { construct: 'import attributes (with/assert) on import and export', patches: blankGroup(/['"][ \t]*((?:with|assert)[ \t]*\{[^{}]*\})/dg) },
  { construct: "import('…') types with an indexed access or as type arguments", patches: blankGroup(/[<,:|&][ \t\r\n]*(import[ \t]*\([ \t]*(['"])[^'"\n]*\2[ \t]*\))/dg, undefined, '_') },
  { construct: 'Flow maybe types (?T)', patches: blankGroup(/[:<,(|&=][ \t]*(\?)[ \t]*[A-Za-z_$({[]/dg) },
];

/** The `<` that the `>` at `close` closes, scanning back through balanced brackets at most `limit` characters; -1 when none. */
function matchingAngle(text: string, close: number, limit: number): number {
  const open: string[] = [];
  for (let i = close; i >= 0 && i >= close - limit; i--) {
    const c = text[i];
    const closes = CLOSERS.indexOf(c);
    if (closes >= 0 && !(c === '>' && text[i - 1] === '=')) open.push(OPENERS[closes]);
    else if (OPENERS.includes(c)) {
      if (open.pop() !== c) return -1;
      if (open.length === 0) return i;
    } else if (c === '`') return -1;
  }
  return -1;
}

/**
 * `sql<Row[]>`…``, `styled.div<{ $active: boolean }>`…``: type arguments on a tagged template. The grammar
 * either fails or, worse, reads a comparison `sql < Row > `…`` with no error, so the tag is lost. Only for
 * TypeScript files, where that comparison cannot be meant, and only where the tree has a `<` token there
 * (not text in a string, template or comment).
 */
export function taggedTemplateTypeArguments(tree: Tree, text: string): Repaired[] {
  const patches: Repaired[] = [];
  for (let close = text.indexOf('>`'); close >= 0; close = text.indexOf('>`', close + 2)) {
    const open = matchingAngle(text, close, SITE_CONTEXT);
    if (open > 0 && /[\w$)\]]/.test(text[open - 1]) && tree.rootNode.descendantForIndex(open, open + 1)?.type === '<') {
      patches.push({ ...blank(text, open, close + 1), construct: 'type arguments on a tagged template' });
    }
  }
  return patches;
}

/** The lines of an error and the one before it, clipped. */
function siteOf(node: Node, text: string): Site {
  const previousLine = text.lastIndexOf('\n', text.lastIndexOf('\n', node.startIndex - 1) - 1) + 1;
  const lineEnd = text.indexOf('\n', node.endIndex);
  const from = Math.max(previousLine, node.startIndex - SITE_CONTEXT);
  const to = Math.max(from, Math.min(lineEnd < 0 ? text.length : lineEnd, node.startIndex + SITE_CONTEXT));
  return { node, text, from, to, window: text.slice(from, to) };
}

/** Patches for the constructs the grammar rejects around the tree's first syntax errors; `text` is what was parsed. */
export function repairsFor(tree: Tree, text: string): Repaired[] {
  const found = new Map<number, Repaired>();
  let sites = 0;
  for (const node of syntaxErrors(tree, true)) {
    if (++sites > MAX_SITES) break;
    const site = siteOf(node, text);
    for (const repair of REPAIRS) {
      for (const patch of repair.patches(site)) if (!found.has(patch.start)) found.set(patch.start, { ...patch, construct: repair.construct });
    }
  }
  return [...found.values()];
}

/** `text` with the patches applied; overlapping patches after the first are dropped. Same length as `text`. */
export function applyPatches(text: string, patches: readonly Patch[]): string {
  const sorted = [...patches].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const patch of sorted) {
    if (patch.start < at) continue;
    parts.push(text.slice(at, patch.start), patch.text);
    at = patch.start + patch.text.length;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
