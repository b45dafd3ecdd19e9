import type { Node } from '@vscode/tree-sitter-wasm';
import path = require('path');
import { namedChildren } from '../ast';
import type { ArgFact, FileFacts, NextFileFacts, NextFileKind, NextHandlerFact, NextMiddlewareFact } from './facts';
import { FUNCTION_TYPES, stringValue } from './file-scope';
import { spanOf, TRANSPARENT_TYPES, type FileValues } from './file-values';

/**
 * Next.js serves files, not registrations: an App Router `app/**\/route.ts` answers the HTTP methods it
 * exports, a Pages Router `pages/api/**` file answers with its default export, and a root `middleware.ts`
 * (`proxy.ts` since Next 16) runs before the paths its `config.matcher` names. This reads those exports;
 * where the file sits in a Next project (and so its route path) is decided with the project's package.json.
 */

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const METHOD_SET: ReadonlySet<string> = new Set(HTTP_METHODS);
const METHODS = HTTP_METHODS.join('|');
const MAX_BODY_TEXT = 12000;
const MAX_WRAPPERS = 4;
const SOURCE_FILE = String.raw`\.(?:[cm]?[jt]sx?)$`;
const ROUTE_FILE = new RegExp(String.raw`(?:^|/)app/(?:.*/)?route${SOURCE_FILE}`);
const PAGES_API_FILE = new RegExp(String.raw`(?:^|/)pages/api/.*${SOURCE_FILE}`);
const MIDDLEWARE_FILE = /(?:^|\/)(?:middleware|proxy)\.[cm]?[jt]s$/;
/** Imports and exports that make a `middleware.ts` a Next.js one rather than an Express module of middleware. */
const NEXT_MIDDLEWARE_SIGNS = /['"](?:next\/server|next-auth[\w/-]*|@auth\/[\w/-]+|@clerk\/nextjs[\w/-]*)['"]|\bmatcher\s*:|export\s+(?:async\s+)?(?:function|const|let)\s+(?:middleware|proxy)\b|export\s*\{[^}]*\bas\s+(?:middleware|proxy)\b/;

/** What a file name says about its role in a Next.js project, before the project confirms it. */
export function nextFileKind(fileName: string): NextFileKind | undefined {
  const normalized = fileName.split('\\').join('/');
  if (/\.d\.[cm]?ts$/.test(normalized)) return undefined;
  if (ROUTE_FILE.test(normalized)) return 'app-route';
  if (PAGES_API_FILE.test(normalized)) return 'pages-api';
  if (MIDDLEWARE_FILE.test(normalized)) return 'middleware';
  return undefined;
}

/** What the rest of the fact extraction lends this one: values, arguments as facts, public markers. */
export interface NextExtractionTools {
  values: FileValues;
  argOf(node: Node): ArgFact;
  publicReasonAt(offset: number): string | undefined;
}

interface ExportedValue {
  name: string;
  statement: Node;
  /** Where the report ends: the exported name, or `default`. */
  nameEnd: number;
  /** The exported expression or declaration. */
  node?: Node;
  /** A value without a node of its own: a re-export or a destructured export. */
  arg?: ArgFact;
}

function unwrapped(node: Node): Node {
  let current = node;
  while (TRANSPARENT_TYPES.has(current.type) && namedChildren(current)[0]) current = namedChildren(current)[0];
  return current;
}

class NextExtractor {
  private declarations: Map<string, Node> | undefined;

  constructor(private readonly root: Node, private readonly text: string, private readonly facts: FileFacts, private readonly tools: NextExtractionTools) {}

  run(kind: NextFileKind): NextFileFacts | undefined {
    const exported = this.exportedValues();
    if (kind === 'middleware') {
      if (!NEXT_MIDDLEWARE_SIGNS.test(this.text)) return undefined;
      const middleware = this.middlewareOf(exported);
      return middleware ? { kind, handlers: [], middleware } : undefined;
    }
    const handlers: NextHandlerFact[] = [];
    for (const value of exported) {
      const methods = kind === 'app-route' ? (METHOD_SET.has(value.name) ? [value.name.toLowerCase()] : undefined) : value.name === 'default' ? this.pagesMethods() : undefined;
      if (!methods) continue;
      const { handler, wrappers } = value.node ? this.handlerOf(value.node) : { handler: value.arg!, wrappers: [] };
      const reportSpan = { start: value.statement.startIndex, end: Math.max(value.nameEnd, value.statement.startIndex) };
      const fact: NextHandlerFact = { methods, handler, wrappers, reportSpan, reportAt: this.tools.values.lineRangeOf(reportSpan) };
      const code = this.dispatchedCode(handler);
      if (code !== undefined) fact.code = code;
      const reason = this.tools.publicReasonAt(value.statement.startIndex);
      if (reason !== undefined) fact.publicReason = reason;
      handlers.push(fact);
    }
    return handlers.length ? { kind, handlers } : undefined;
  }

  /** Top-level exports: declarations, `export { a as GET }`, `export default`, `module.exports =`, `export const { GET } = x`. */
  private exportedValues(): ExportedValue[] {
    const out: ExportedValue[] = [];
    for (const statement of namedChildren(this.root)) {
      if (statement.type === 'expression_statement') {
        const assignment = namedChildren(statement)[0];
        const left = assignment?.type === 'assignment_expression' ? assignment.childForFieldName('left') : undefined;
        const right = assignment?.childForFieldName('right');
        if (left && right && left.text.replace(/\s+/g, '') === 'module.exports') out.push({ name: 'default', statement, nameEnd: left.endIndex, node: right });
        continue;
      }
      if (statement.type !== 'export_statement') continue;
      const source = stringValue(statement.childForFieldName('source'));
      const declaration = statement.childForFieldName('declaration');
      const defaultKeyword = statement.children.find((c) => c?.type === 'default');
      if (defaultKeyword) {
        const target = declaration ?? statement.childForFieldName('value');
        const name = target?.childForFieldName('name');
        if (target) out.push({ name: 'default', statement, nameEnd: (name ?? defaultKeyword).endIndex, node: target });
      } else if (declaration?.type === 'function_declaration') {
        const name = declaration.childForFieldName('name');
        if (name) out.push({ name: name.text, statement, nameEnd: name.endIndex, node: declaration });
      } else if (declaration?.type === 'lexical_declaration' || declaration?.type === 'variable_declaration') {
        for (const declarator of namedChildren(declaration)) this.declaredExports(statement, declarator, out);
      } else {
        const clause = namedChildren(statement).find((c) => c.type === 'export_clause');
        for (const spec of clause ? namedChildren(clause) : []) {
          const name = spec.type === 'export_specifier' ? spec.childForFieldName('name') : undefined;
          if (!name) continue;
          const alias = spec.childForFieldName('alias');
          const exportedName = stringValue(alias) ?? alias?.text ?? name.text;
          if (source === undefined) out.push({ name: exportedName, statement, nameEnd: spec.endIndex, node: name });
          else out.push({ name: exportedName, statement, nameEnd: spec.endIndex, arg: this.importArg(source, stringValue(name) ?? name.text, statement, spec) });
        }
      }
    }
    return out;
  }

  private declaredExports(statement: Node, declarator: Node, out: ExportedValue[]): void {
    const name = declarator.childForFieldName('name');
    const value = declarator.childForFieldName('value');
    if (!name || !value) return;
    if (name.type === 'identifier') {
      out.push({ name: name.text, statement, nameEnd: name.endIndex, node: value });
      return;
    }
    if (name.type !== 'object_pattern') return;
    // `export const { GET, POST } = handlers`: each name reads that property of the value.
    const base = this.tools.values.refOf(value);
    for (const prop of namedChildren(name)) {
      const key = prop.type === 'shorthand_property_identifier_pattern' ? prop : prop.type === 'pair_pattern' ? prop.childForFieldName('key') : undefined;
      const local = prop.type === 'pair_pattern' ? prop.childForFieldName('value') : prop;
      if (!key || !local) continue;
      const ref = base.root.kind === 'unknown' ? base : { root: base.root, path: [...base.path, key.text] };
      const text = `${value.text.slice(0, 80)}.${key.text}`;
      out.push({ name: local.text, statement, nameEnd: local.endIndex, arg: { kind: 'ref', name: text, ref, span: spanOf(prop), text } });
    }
  }

  private importArg(source: string, name: string, statement: Node, spec: Node): ArgFact {
    const index = this.tools.values.addImport(source, name, statement, 'esm');
    const shown = name === 'default' ? source : name;
    return { kind: 'ref', name: shown, ref: { root: { kind: 'import', index }, path: [] }, span: spanOf(spec), text: shown };
  }

  /** The handler inside wrapper calls (`withAuth(async (req) => ...)`, `withZipline(handler, options)`), and the wrappers. */
  private handlerOf(node: Node): { handler: ArgFact; wrappers: ArgFact[] } {
    const wrappers: ArgFact[] = [];
    let current = this.declaredValue(unwrapped(node));
    for (let i = 0; i < MAX_WRAPPERS && current.type === 'call_expression'; i++) {
      const args = namedChildren(current.childForFieldName('arguments') ?? current).filter((a) => a.type !== 'comment');
      const inner = args.find((a) => FUNCTION_TYPES.has(unwrapped(a).type)) ?? args.find((a) => ['identifier', 'member_expression', 'call_expression'].includes(unwrapped(a).type));
      if (!inner) break;
      const call = this.tools.argOf(current);
      // Shown by name when the handler is written inline: `withAuth(...)`, not the whole handler's code. Its
      // value is what the wrapper returns (the function that runs first), not the handler passed in.
      if (call.kind === 'call') {
        wrappers.push({
          ...call, text: FUNCTION_TYPES.has(unwrapped(inner).type) ? `${call.name}(...)` : call.text,
          args: call.args.filter((a) => a.span.start !== inner.startIndex), result: { root: { kind: 'call', callee: call.callee }, path: [] },
        });
      }
      current = this.declaredValue(unwrapped(inner));
    }
    const handler = this.tools.argOf(current);
    this.giveBody(handler);
    return { handler, wrappers };
  }

  /** What a module-level name holds when it is a wrapper call: `const handlerWithLogs = withLogs(handler)`. */
  private declaredValue(node: Node): Node {
    if (node.type !== 'identifier') return node;
    this.declarations ??= this.moduleDeclarations();
    const value = this.declarations.get(node.text);
    return value?.type === 'call_expression' ? unwrapped(value) : node;
  }

  private moduleDeclarations(): Map<string, Node> {
    const values = new Map<string, Node>();
    for (const statement of namedChildren(this.root)) {
      const declaration = statement.type === 'export_statement' ? statement.childForFieldName('declaration') : statement;
      if (declaration?.type !== 'lexical_declaration' && declaration?.type !== 'variable_declaration') continue;
      for (const declarator of namedChildren(declaration)) {
        const name = declarator.childForFieldName('name');
        const value = declarator.childForFieldName('value');
        if (name?.type === 'identifier' && value) values.set(name.text, unwrapped(value));
      }
    }
    return values;
  }

  private functionIndexOf(arg: ArgFact): number | undefined {
    if (arg.kind === 'function') return arg.index;
    return arg.kind === 'ref' && arg.ref.root.kind === 'function' && !arg.ref.path.length ? arg.ref.root.index : undefined;
  }

  /**
   * The handler's code with the code of the functions of this file it hands the request to
   * (`case 'GET': return handleGet(req, res)`): a check in them is a check of the route.
   */
  private dispatchedCode(handler: ArgFact): string | undefined {
    const index = this.functionIndexOf(handler);
    const own = index === undefined ? undefined : this.facts.functions[index]?.bodyText;
    if (own === undefined) return undefined;
    const parts = [own];
    const seen = new Set([index]);
    for (const m of own.matchAll(/\b([A-Za-z_$][\w$]*)\s*\(\s*\{?\s*(?:req|request)\b/g)) {
      const ref = this.tools.values.refOfName(m[1], this.root, 0);
      const target = ref.root.kind === 'function' && !ref.path.length ? ref.root.index : undefined;
      if (target === undefined || seen.has(target) || parts.length > 4) continue;
      seen.add(target);
      const fn = this.facts.functions[target];
      parts.push(this.text.slice(fn.span.start, Math.min(fn.span.end, fn.span.start + MAX_BODY_TEXT)));
    }
    return parts.length > 1 ? parts.join('\n') : undefined;
  }

  /**
   * A route handler's code is what the rules read, whatever its parameters are called (`GET()`,
   * `POST(_: Request, { params })`); the index keeps the code of functions taking `req` or `request` only.
   */
  private giveBody(arg: ArgFact): void {
    const index = this.functionIndexOf(arg);
    const fn = index === undefined ? undefined : this.facts.functions[index];
    if (fn && fn.bodyText === undefined) fn.bodyText = this.text.slice(fn.span.start, Math.min(fn.span.end, fn.span.start + MAX_BODY_TEXT));
  }

  /**
   * The methods a Pages Router handler answers: those it compares `req.method` with (`===`, `!==`,
   * `switch`/`case`, `[...].includes(req.method)`), names in a `methods: [...]` option or as an
   * `HttpMethod.X` member. None when it names none: it answers every method alike, and what its code
   * does, not a method, decides what it needs.
   */
  private pagesMethods(): string[] {
    const found = new Set<string>();
    const add = (m: string) => found.add(m.toLowerCase());
    const quoted = String.raw`['"\`](${METHODS})['"\`]`;
    for (const m of this.text.matchAll(new RegExp(String.raw`\.\s*method\s*(?:===?|!==?)\s*${quoted}`, 'g'))) add(m[1]);
    for (const m of this.text.matchAll(new RegExp(String.raw`${quoted}\s*(?:===?|!==?)\s*[\w$.]*\.\s*method\b`, 'g'))) add(m[1]);
    if (/\bswitch\s*\(\s*(?:[\w$.?]*\.\s*)?method\b/.test(this.text)) {
      for (const m of this.text.matchAll(new RegExp(String.raw`\bcase\s+(?:${quoted}|[\w$]*Method[\w$]*\s*\.\s*(${METHODS}))\s*:`, 'g'))) add(m[1] ?? m[2]);
    }
    for (const m of this.text.matchAll(/\bmethods\s*:\s*\[([^\]]{0,200})\]|\[([^\]]{0,200})\]\s*\.\s*includes\s*\(\s*[\w$.]*\.\s*method\b/g)) {
      for (const inner of (m[1] ?? m[2]).matchAll(new RegExp(quoted, 'g'))) add(inner[1]);
    }
    for (const m of this.text.matchAll(new RegExp(String.raw`\b[\w$]*Method[\w$]*\s*\.\s*(${METHODS})\b`, 'g'))) add(m[1]);
    return HTTP_METHODS.map((m) => m.toLowerCase()).filter((m) => found.has(m));
  }

  private middlewareOf(exported: readonly ExportedValue[]): NextMiddlewareFact | undefined {
    const value = exported.find((e) => e.name === 'middleware' || e.name === 'proxy') ?? exported.find((e) => e.name === 'default');
    if (!value) return undefined;
    const file = path.basename(this.facts.fileName);
    let handler: ArgFact;
    if (value.arg) {
      handler = value.arg.kind === 'ref' ? { ...value.arg, text: `${value.arg.text} in ${file}` } : value.arg;
    } else {
      const node = unwrapped(value.node!);
      const arg = this.tools.argOf(node);
      this.giveBody(arg);
      if (arg.kind === 'function') {
        const name = node.childForFieldName('name')?.text ?? (value.name === 'default' ? 'middleware' : value.name);
        handler = { kind: 'ref', name, ref: { root: { kind: 'function', index: arg.index }, path: [] }, span: arg.span, text: `${name}() in ${file}` };
      } else if (arg.kind === 'call') {
        handler = { ...arg, text: `${arg.name}(...) in ${file}` };
      } else if (arg.kind === 'ref') {
        handler = { ...arg, text: `${arg.name} in ${file}` };
      } else return undefined;
    }
    const fact: NextMiddlewareFact = { handler };
    this.readMatcher(exported.find((e) => e.name === 'config')?.node, fact);
    return fact;
  }

  /** `export const config = { matcher: ['/dashboard/:path*', { source: '/api/:path*' }] }`. */
  private readMatcher(config: Node | undefined, fact: NextMiddlewareFact): void {
    const object = config ? unwrapped(config) : undefined;
    if (object?.type !== 'object') return;
    const pair = namedChildren(object).find((p) => p.type === 'pair' && (stringValue(p.childForFieldName('key')) ?? p.childForFieldName('key')?.text) === 'matcher');
    const value = pair?.childForFieldName('value');
    if (!value) return;
    const items = value.type === 'array' ? namedChildren(value).filter((n) => n.type !== 'comment') : [value];
    const patterns: string[] = [];
    for (const item of items) {
      const source = item.type === 'object' ? namedChildren(item).find((p) => p.type === 'pair' && (stringValue(p.childForFieldName('key')) ?? p.childForFieldName('key')?.text) === 'source')?.childForFieldName('value') : item;
      const pattern = this.tools.values.staticString(source);
      if (pattern === undefined) {
        fact.matcherUnknown = true;
        return;
      }
      // The source text of a JS string: `'/((?!_next|.*\\.).*)'` means one backslash.
      patterns.push(pattern.replace(/\\\\/g, '\\'));
    }
    fact.matcher = patterns;
  }
}

/** The Next.js facts of a route handler or middleware file, or `undefined` for any other file. */
export function extractNextFacts(root: Node, text: string, facts: FileFacts, tools: NextExtractionTools): NextFileFacts | undefined {
  const kind = nextFileKind(facts.fileName);
  return kind ? new NextExtractor(root, text, facts, tools).run(kind) : undefined;
}
