import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../ast';
import { extractPythonFacts } from '../languages/python/extract-python-facts';
import { PyNodes } from '../languages/python/py-nodes';
import { extractRubyFacts } from '../languages/ruby/ruby-facts';
import { extractPhpFacts } from '../languages/php/php-facts';
import { addHeaderFacts } from './python-header-facts';
import { OrderedDescent } from '../tree-paths';
import type { LineIndex } from '../text';
import type { LanguageId } from '../types';
import { extractNestFacts } from './extract-nest';
import { extractNextFacts } from './extract-next';
import { nestMiddlewareOf } from './extract-nest-middleware';
import { compositeDecorators, refusingGuardClasses } from './extract-nest-guards';
import { CALL_SITE_SAFETY_MS, extractCallSites } from './extract-call-sites';
import { emptyFileFacts, type ArgFact, type DeferredFacts, type EventFact, type FileFacts, type ValueRef } from './facts';
import { FUNCTION_TYPES, stringValue } from './file-scope';
import { dottedName, FileValues, spanOf, UNKNOWN_REF } from './file-values';
import { APP_PARAM_NAMES, CHAINABLE_METHODS, EVENT_METHODS, FRAMEWORK_MODULES, NON_APP_RECEIVERS, ROUTE_METHODS, isTestFileName } from './frameworks';
import { publicMarkerReader } from './public-marker';
import { ImportFacts } from '../rules/sql/imports';
import { escapeRegExp } from '../text';

const MAX_ARG_DEPTH = 2;
const MAX_ARG_TEXT = 160;
// Type arguments may sit between the method and its call in TypeScript: `router.get<{ id: string }>('/:id', h)`.
const EVENT_CALL = new RegExp(String.raw`\.\s*(${EVENT_METHODS.join('|')})\s*(?:<[^()<>]{0,200}>\s*)?\(`, 'g');
const ROUTE_METHOD_SET = new Set(ROUTE_METHODS);
// The framework modules' bindings and direct calls, the same in every file: built once, not per file.
const FRAMEWORK_MODULE_NAMES = FRAMEWORK_MODULES.map(escapeRegExp).join('|');
/** `import x from`, `import { a, b } from`, `const x = require(` / `const { a } = require(` one of the framework modules. */
const FRAMEWORK_BINDING = new RegExp(String.raw`(?:import\s+(?:\*\s+as\s+)?([\w$]+)|import\s*\{([^}]*)\}|(?:const|let|var)\s+([\w$]+|\{[^}]*\})\s*=\s*require\s*\()[^;]*?['"](?:${FRAMEWORK_MODULE_NAMES})['"]`, 'g');
/** `import x, { a } from` a framework module. */
const FRAMEWORK_DEFAULT_AND_NAMED_IMPORT = new RegExp(String.raw`import\s+([\w$]+)\s*,\s*\{([^}]*)\}\s*from\s*['"](?:${FRAMEWORK_MODULE_NAMES})['"]`, 'g');
/** `require('express')()`, `require('express').Router()`. */
const FRAMEWORK_REQUIRE_CALL = new RegExp(String.raw`\brequire\s*\(\s*['"](?:${FRAMEWORK_MODULE_NAMES})['"]\s*\)\s*(?:\.\s*Router\s*)?\(`, 'g');
const CHAINABLE = new Set(CHAINABLE_METHODS);

function isRelative(source: string): boolean {
  return source.startsWith('.') || source.startsWith('/');
}

/** The call at the head of a call chain: `jwt(o)` in `jwt(o).unless(p)`. */
function innermostCall(call: Node): Node {
  let current = call;
  for (;;) {
    const fn = current.childForFieldName('function');
    const object = fn?.type === 'member_expression' ? fn.childForFieldName('object') : undefined;
    if (object?.type !== 'call_expression') return current;
    current = object;
  }
}

/** The receiver a chain of registrations stands on, the path of its nearest `.route(path)`, and whether there was a chain. */
interface ChainBase {
  receiver: Node | null;
  routePath?: string;
  chained: boolean;
}

/**
 * Extracts a file's facts from its syntax tree. It locates candidate constructs by scanning the text
 * (method-call shapes, factory names, names passed as arguments) and confirms each in the tree, so the
 * cost grows with what the file holds, not with its size.
 */
class FactExtractor {
  readonly facts: FileFacts;
  private readonly root: Node;
  private readonly values: FileValues;
  private readonly eventCalls = new Set<number>();
  private readonly appLikeNames = new Set<string>(APP_PARAM_NAMES);
  private readonly publicReasonAt: (offset: number) => string | undefined;
  /** What each call of a registration chain stands on (see `chainBase`). */
  private readonly chainBases = new Map<number, ChainBase>();

  constructor(tree: Tree, private readonly text: string, fileName: string, languageId: LanguageId, textHash: string, rootDir?: string, lines?: LineIndex, private readonly withCallSites = false, private readonly deferCalls?: DeferredFacts) {
    this.facts = emptyFileFacts(fileName, languageId, textHash, isTestFileName(fileName, rootDir), false);
    this.root = tree.rootNode;
    this.values = new FileValues(this.facts, this.root, text, lines);
    this.publicReasonAt = publicMarkerReader(text);
  }

  run(): FileFacts {
    this.collectTopLevel();
    this.collectFactories();
    this.collectEvents();
    this.collectPlainCalls();
    // (three scans for fixed text: one pattern with three branches is tried at every character)
    if (/@Controller\b/.test(this.text) || this.text.includes('useGlobalGuards') || this.text.includes('APP_GUARD')) {
      const nest = extractNestFacts(this.root, this.text, (offset) => this.values.rangeOf({ start: offset, end: offset }).start.line + 1);
      this.facts.nestControllers = nest.controllers;
      this.facts.globalGuards = nest.globalGuards;
    }
    this.facts.nestMiddleware = nestMiddlewareOf(this.root, this.text);
    this.facts.nestRefusingGuards = refusingGuardClasses(this.root, this.text);
    this.facts.nestCompositeDecorators = compositeDecorators(this.root, this.text);
    this.facts.sqlDrivers = [...new ImportFacts(this.text, this.root).drivers];
    if (this.withCallSites) extractCallSites(this.root, this.text, this.facts, this.values, this.facts.languageId.startsWith('typescript'), performance.now() + CALL_SITE_SAFETY_MS, this.deferCalls);
    const next = extractNextFacts(this.root, this.text, this.facts, { values: this.values, argOf: (node) => this.argOf(node, 0), publicReasonAt: this.publicReasonAt });
    if (next) this.facts.next = next;
    this.facts.events.sort((a, b) => a.span.start - b.span.start);
    return this.facts;
  }

  // ---- imports and exports -------------------------------------------------------------------

  private collectTopLevel(): void {
    for (const statement of namedChildren(this.root)) {
      switch (statement.type) {
        case 'import_statement':
          this.registerImportStatement(statement);
          break;
        case 'export_statement':
          this.collectExport(statement);
          break;
        case 'lexical_declaration':
        case 'variable_declaration':
          for (const declarator of namedChildren(statement)) {
            const value = declarator.childForFieldName('value');
            if (value) this.collectModuleExportsAssignment(value);
            const required = value ? this.values.requireSource(value) : undefined;
            if (required !== undefined) this.values.addImport(required, '=', statement, 'cjs');
          }
          break;
        case 'expression_statement': {
          const expression = namedChildren(statement)[0];
          if (expression) this.collectModuleExportsAssignment(expression);
          break;
        }
        default:
          break;
      }
    }
  }

  private registerImportStatement(statement: Node): void {
    const source = stringValue(statement.childForFieldName('source'));
    if (source !== undefined) this.values.addImport(source, 'default', statement, 'esm');
    const clause = namedChildren(statement).find((c) => c.type === 'import_require_clause');
    const from = clause ? stringValue(clause.childForFieldName('source')) : undefined;
    if (from !== undefined) this.values.addImport(from, '=', statement, 'cjs');
  }

  /** `module.exports = x`, `exports.a = x`, `module.exports.a = x`, also inside `const app = module.exports = express()`. */
  private collectModuleExportsAssignment(expression: Node): void {
    let current: Node | null = expression;
    while (current?.type === 'assignment_expression') {
      const left = current.childForFieldName('left');
      const right = current.childForFieldName('right');
      const name = left ? this.exportNameOf(left) : undefined;
      if (name !== undefined && right) {
        if (name === '=') this.facts.exports['='] = this.values.refOf(right, 0, current);
        else this.facts.exports[name] = this.values.refOf(right, 0, current);
      }
      current = right;
    }
  }

  private exportNameOf(left: Node): string | undefined {
    if (left.type !== 'member_expression') return undefined;
    const object = left.childForFieldName('object');
    const property = left.childForFieldName('property')?.text;
    if (!object || !property) return undefined;
    if (object.type === 'identifier' && object.text === 'module' && property === 'exports') return '=';
    if (object.type === 'identifier' && object.text === 'exports') return property;
    if (object.type === 'member_expression' && object.text.replace(/\s+/g, '') === 'module.exports') return property;
    return undefined;
  }

  private collectExport(statement: Node): void {
    const source = stringValue(statement.childForFieldName('source'));
    const isDefault = statement.children.some((c) => c?.type === 'default');
    const declaration = statement.childForFieldName('declaration');
    const value = statement.childForFieldName('value');
    if (isDefault) {
      const target = declaration ?? value;
      if (target) this.facts.exports.default = FUNCTION_TYPES.has(target.type) || target.type === 'function_declaration' ? this.values.functionRef(target) : this.values.refOf(target);
      return;
    }
    if (declaration) {
      if (declaration.type === 'function_declaration' || declaration.type === 'generator_function_declaration') {
        const name = declaration.childForFieldName('name');
        if (name) this.facts.exports[name.text] = this.values.functionRef(declaration);
      } else if (declaration.type === 'lexical_declaration' || declaration.type === 'variable_declaration') {
        for (const declarator of namedChildren(declaration)) {
          const name = declarator.childForFieldName('name');
          const init = declarator.childForFieldName('value');
          if (name?.type === 'identifier') this.facts.exports[name.text] = init ? this.values.refOf(init) : UNKNOWN_REF;
        }
      }
      return;
    }
    const clause = namedChildren(statement).find((c) => c.type === 'export_clause');
    if (!clause) {
      if (source !== undefined) {
        const namespace = namedChildren(statement).find((c) => c.type === 'namespace_export');
        const alias = namespace ? namedChildren(namespace)[0] : undefined;
        if (alias) this.facts.exports[stringValue(alias) ?? alias.text] = { root: { kind: 'import', index: this.values.addImport(source, '*', statement, 'esm') }, path: [] };
        else this.facts.reexportAll.push(source);
      }
      return;
    }
    for (const spec of namedChildren(clause)) {
      if (spec.type !== 'export_specifier') continue;
      const name = spec.childForFieldName('name');
      const alias = spec.childForFieldName('alias');
      if (!name) continue;
      const exported = stringValue(alias) ?? alias?.text ?? name.text;
      this.facts.exports[exported] = source !== undefined
        ? { root: { kind: 'import', index: this.values.addImport(source, stringValue(name) ?? name.text, statement, 'esm') }, path: [] }
        : this.values.refOfName(name.text, name, 0);
    }
  }

  // ---- apps and routers -----------------------------------------------------------------------

  private collectFactories(): void {
    if (!FRAMEWORK_MODULES.some((m) => this.text.includes(m))) return;
    const localNames = new Set<string>();
    for (const m of this.text.matchAll(FRAMEWORK_BINDING)) {
      const names = (m[1] ?? m[2] ?? m[3] ?? '').replace(/[{}]/g, '').split(',').map((n) => n.trim().split(/\s+as\s+|\s*:\s*/).pop() ?? '');
      names.filter((n) => /^[\w$]+$/.test(n)).forEach((n) => localNames.add(n));
    }
    for (const m of this.text.matchAll(FRAMEWORK_DEFAULT_AND_NAMED_IMPORT)) {
      localNames.add(m[1]);
      m[2].split(',').map((n) => n.trim().split(/\s+as\s+/).pop() ?? '').filter((n) => /^[\w$]+$/.test(n)).forEach((n) => localNames.add(n));
    }
    const candidates: number[] = [];
    if (localNames.size) {
      const names = [...localNames].map(escapeRegExp).join('|');
      for (const m of this.text.matchAll(new RegExp(String.raw`(?<![\w$.])(?:${names})\s*(?:\.\s*Router\s*)?\(`, 'g'))) candidates.push(m.index ?? 0);
      for (const m of this.text.matchAll(new RegExp(String.raw`\bnew\s+(?:${names})\b`, 'g'))) candidates.push(m.index ?? 0);
    }
    for (const m of this.text.matchAll(FRAMEWORK_REQUIRE_CALL)) candidates.push(m.index ?? 0);
    for (const offset of candidates.sort((a, b) => a - b)) {
      let node: Node | null = this.root.descendantForIndex(offset);
      for (let i = 0; node && i < 6; i++, node = node.parent) {
        if ((node.type === 'call_expression' || node.type === 'new_expression') && node.startIndex === offset) {
          if (this.values.objectAt(node) !== undefined) break;
        }
      }
    }
  }

  // ---- registrations --------------------------------------------------------------------------

  private collectEvents(): void {
    // the matches come in text order: one cursor finds them all, however deep the calls are nested
    const descent = new OrderedDescent(this.root, this.values.parents);
    for (const match of this.text.matchAll(EVENT_CALL)) {
      const at = (match.index ?? 0) + match[0].indexOf(match[1], 1);
      const [call, member, property] = descent.pathTo(at, at + match[1].length).slice(-3);
      if (property?.type !== 'property_identifier' || member?.type !== 'member_expression' || call?.type !== 'call_expression') continue;
      if (call.childForFieldName('function')?.id !== member.id) continue;
      this.recordEvent(match[1], member, call);
    }
  }

  /**
   * What a chain of registrations stands on: `app.route('/a').get(h).post(h)` is registered on `app` under
   * `/a`. Each link is read once and remembered by its call, so the thousand calls of one chain cost a
   * thousand steps, not a thousand walks down the chain.
   */
  private chainBase(object: Node | null): ChainBase {
    const links: { call: Node; name: string; fn: Node }[] = [];
    let receiver = object;
    let known: ChainBase | undefined;
    while (receiver?.type === 'call_expression') {
      known = this.chainBases.get(receiver.id);
      if (known) break;
      const fn = receiver.childForFieldName('function');
      const name = fn?.type === 'member_expression' ? fn.childForFieldName('property')?.text : undefined;
      if (!fn || !name || !CHAINABLE.has(name)) break;
      links.push({ call: receiver, name, fn });
      receiver = fn.childForFieldName('object');
    }
    let base: ChainBase = known ?? { receiver, chained: false };
    for (let i = links.length - 1; i >= 0; i--) {
      const { call, name } = links[i];
      const routePath = name === 'route' ? this.values.staticString(call.childForFieldName('arguments')?.namedChildren[0] ?? undefined) : undefined;
      base = { receiver: base.receiver, routePath: routePath ?? base.routePath, chained: true };
      this.chainBases.set(call.id, base);
    }
    return base;
  }

  private recordEvent(method: string, member: Node, call: Node): void {
    const { receiver, routePath, chained } = this.chainBase(member.childForFieldName('object'));
    if (!receiver) return;
    const receiverName = dottedName(receiver);
    if (NON_APP_RECEIVERS.has(receiverName.split('.')[0]) || NON_APP_RECEIVERS.has(receiverName)) return;
    const list = call.childForFieldName('arguments') ?? call;
    const argNodes = namedChildren(list).filter((a) => a.type !== 'comment');
    if (!this.acceptsArguments(method, argNodes, routePath !== undefined)) return;
    // the arguments' names are looked up from where they stand: the steps up from them are known here
    if (list.id !== call.id) this.values.parents.note(list, call);
    for (const arg of argNodes) this.values.parents.note(arg, list);
    const target = this.values.refOf(receiver, 0, chained ? undefined : member);
    if (!this.mayBeApp(target)) return;
    this.eventCalls.add(call.id);
    if (receiver.type === 'identifier') this.appLikeNames.add(receiver.text);
    let path = routePath;
    let rest = argNodes;
    let pathNode: Node | undefined;
    let otherPaths: string[] | undefined;
    const isRouteLike = ROUTE_METHOD_SET.has(method) || method === 'use' || method === 'prefix';
    if (isRouteLike && routePath === undefined) {
      const first = this.values.staticString(argNodes[0]);
      const second = this.values.staticString(argNodes[1]);
      if (first !== undefined && second !== undefined && ROUTE_METHOD_SET.has(method) && second.startsWith('/')) {
        path = second; pathNode = argNodes[1]; rest = argNodes.slice(2);
      } else if (first !== undefined) {
        path = first; pathNode = argNodes[0]; rest = argNodes.slice(1);
      } else if (argNodes[0]?.type === 'array' && this.values.staticString(argNodes[0].namedChildren[0]) !== undefined) {
        // `router.get(['/a', '/b'], h)`: one registration under several paths; the first is judged, all are shown.
        const all = namedChildren(argNodes[0]).map((n) => this.values.staticString(n)).filter((p): p is string => p !== undefined);
        path = all[0]; pathNode = argNodes[0]; rest = argNodes.slice(1);
        if (all.length > 1) otherPaths = all.slice(1);
      } else if (argNodes[0]?.type === 'template_string' && ROUTE_METHOD_SET.has(method) && argNodes.length > 1) {
        // `${base}/orders`: shown with the unknown part named, `{base}/orders`, rather than as `/`.
        path = argNodes[0].text.slice(1, -1).replace(/\$\{\s*([^}]*?)\s*\}/g, (_m, e: string) => `{${e.replace(/^this\./, '')}}`);
        pathNode = argNodes[0]; rest = argNodes.slice(1);
      }
    } else if (method === 'disable' || method === 'enable' || method === 'set' || method === 'addHook') {
      path = stringValue(argNodes[0]);
      rest = argNodes.slice(1);
    }
    const property = member.childForFieldName('property')!;
    const reportStart = chained ? property.startIndex : call.startIndex;
    const reportSpan = { start: reportStart, end: pathNode && pathNode.startIndex > reportStart ? pathNode.endIndex : property.endIndex };
    const event: EventFact = {
      method,
      target,
      calleeName: dottedName(member),
      path,
      args: rest.map((a) => this.argOf(a, 0)),
      span: spanOf(call),
      reportSpan,
      reportAt: this.values.lineRangeOf(reportSpan),
    };
    if (otherPaths) event.otherPaths = otherPaths;
    if (rest[0]) event.handlerInsertAt = rest[0].startIndex;
    const reason = this.publicReasonAt(reportStart);
    if (reason !== undefined) event.publicReason = reason;
    this.facts.events.push(event);
  }

  private acceptsArguments(method: string, args: Node[], fromRoute: boolean): boolean {
    if (ROUTE_METHOD_SET.has(method)) return args.length >= (fromRoute ? 1 : 2);
    switch (method) {
      case 'disable':
      case 'enable':
      case 'set':
        return /^x-powered-by$/i.test(stringValue(args[0]) ?? '');
      case 'route':
        return args[0]?.type === 'object';
      case 'addHook':
        return args.length >= 2 && stringValue(args[0]) !== undefined;
      case 'prefix':
        return stringValue(args[0]) !== undefined;
      case 'use':
      case 'register':
        return args.length >= 1;
      default:
        return true;
    }
  }

  /** True when a receiver could be an app or router: local objects, parameters, relative imports, factories' results. */
  private mayBeApp(ref: ValueRef): boolean {
    switch (ref.root.kind) {
      case 'unknown':
      case 'literal':
        return false;
      case 'import': {
        const imported = this.facts.imports[ref.root.index];
        return isRelative(imported.source) || !/^[@\w]/.test(imported.source) || /^[@~#]\//.test(imported.source) || FRAMEWORK_MODULES.includes(imported.source) && ref.path.includes('()');
      }
      default:
        return !ref.path.some((p) => p !== '()');
    }
  }

  /** Plain calls that pass an app along: `configureSecurity(app)`, `require('./routes')(app)`, `http.createServer(app)`. */
  private collectPlainCalls(): void {
    for (const object of this.facts.objects) if (object.boundTo) this.appLikeNames.add(object.boundTo);
    const seen = new Set<number>();
    for (const match of this.text.matchAll(appArgumentPattern(this.appLikeNames))) {
      if (!this.appLikeNames.has(match[1].replace(/\s+/g, ''))) continue;
      const at = (match.index ?? 0) + match[0].indexOf(match[1]);
      const argument = this.root.descendantForIndex(at, at + match[1].length);
      const node = argument?.type === 'this' || argument?.type === 'property_identifier' ? argument.parent : argument;
      const list = node?.parent;
      const call = list?.parent;
      if (!node || list?.type !== 'arguments' || (call?.type !== 'call_expression' && call?.type !== 'new_expression')) continue;
      if (this.eventCalls.has(call.id) || seen.has(call.id)) continue;
      seen.add(call.id);
      const fn = call.childForFieldName(call.type === 'new_expression' ? 'constructor' : 'function');
      if (!fn || (fn.type === 'identifier' && fn.text === 'require')) continue;
      if (!this.mayBeApp(this.values.refOf(node))) continue;
      const argNodes = namedChildren(list).filter((a) => a.type !== 'comment');
      this.facts.events.push({
        method: '',
        callee: this.values.refOf(fn),
        calleeName: dottedName(fn),
        args: argNodes.map((a) => this.argOf(a, 0)),
        span: spanOf(call),
        reportSpan: spanOf(fn),
        reportAt: this.values.lineRangeOf(spanOf(fn)),
      });
    }
  }

  private argOf(node: Node, depth: number): ArgFact {
    const span = spanOf(node);
    const literal = stringValue(node);
    if (literal !== undefined) return { kind: 'string', value: literal, span };
    if (FUNCTION_TYPES.has(node.type)) return { kind: 'function', index: this.values.registerFunction(node), span };
    switch (node.type) {
      case 'identifier':
      case 'member_expression':
        return { kind: 'ref', name: dottedName(node), ref: this.values.refOf(node), span, text: node.text.slice(0, MAX_ARG_TEXT) };
      case 'call_expression':
      case 'new_expression': {
        const head = node.type === 'call_expression' ? innermostCall(node) : node;
        const fn = head.childForFieldName(head.type === 'new_expression' ? 'constructor' : 'function');
        const args = depth < MAX_ARG_DEPTH ? namedChildren(head.childForFieldName('arguments') ?? head).filter((a) => a.type !== 'comment').map((a) => this.argOf(a, depth + 1)) : [];
        return { kind: 'call', name: fn ? dottedName(fn) : '', callee: this.values.refOf(fn), result: this.values.refOf(node), args, span, text: node.text.slice(0, MAX_ARG_TEXT) };
      }
      case 'array':
        return depth < MAX_ARG_DEPTH ? { kind: 'array', items: namedChildren(node).map((n) => this.argOf(n, depth + 1)), span } : { kind: 'other', span, text: node.text.slice(0, MAX_ARG_TEXT) };
      case 'object': {
        if (depth >= MAX_ARG_DEPTH) return { kind: 'other', span, text: node.text.slice(0, MAX_ARG_TEXT) };
        const props: Record<string, ArgFact> = {};
        for (const prop of namedChildren(node)) {
          if (prop.type === 'pair') {
            const key = prop.childForFieldName('key');
            const value = prop.childForFieldName('value');
            if (key && value) props[stringValue(key) ?? key.text] = this.argOf(value, depth + 1);
          } else if (prop.type === 'shorthand_property_identifier') props[prop.text] = { kind: 'ref', name: prop.text, ref: this.values.refOfName(prop.text, prop, 0), span: spanOf(prop), text: prop.text };
          else if (prop.type === 'method_definition') {
            const key = prop.childForFieldName('name');
            if (key) props[key.text] = { kind: 'function', index: this.values.registerFunction(prop), span: spanOf(prop) };
          }
        }
        return { kind: 'object', props, span };
      }
      case 'await_expression':
      case 'parenthesized_expression':
      // `[...common, ensureLoggedIn]`: the spread array is resolved like any reference to it.
      case 'spread_element':
        return namedChildren(node)[0] ? this.argOf(namedChildren(node)[0], depth) : { kind: 'other', span, text: node.text.slice(0, MAX_ARG_TEXT) };
      default:
        return { kind: 'other', span, text: node.text.slice(0, MAX_ARG_TEXT) };
    }
  }
}

/**
 * A Python file's facts: the JavaScript ones stay empty, `python` holds what the Flask, Django and FastAPI route
 * extractors read, `headers` and `settings` what the security-headers rule reads.
 */
function pythonFileFacts(tree: Tree, text: string, fileName: string, textHash: string, rootDir?: string, lines?: LineIndex): FileFacts {
  // both readers ask for nodes of the same types: one walk of the tree finds them for both
  const nodes = new PyNodes(tree.rootNode);
  // (added in place, not spread into a new object: a spread gives each file's facts a hidden class of its own; see `parsedFactsOfText`)
  const facts: FileFacts = emptyFileFacts(fileName, 'python', textHash, isTestFileName(fileName, rootDir), false);
  facts.python = extractPythonFacts(tree, text, lines, nodes);
  return addHeaderFacts(facts, tree, text, nodes);
}

/** A Ruby file's facts: the JavaScript ones stay empty, `ruby` holds what the Ruby SQL front end reads across files. */
function rubyFileFacts(tree: Tree, fileName: string, textHash: string, rootDir?: string): FileFacts {
  const facts: FileFacts = emptyFileFacts(fileName, 'ruby', textHash, isTestFileName(fileName, rootDir), false);
  facts.ruby = extractRubyFacts(tree);
  return facts;
}

/** A PHP file's facts: the JavaScript ones stay empty, `php` holds what the PHP SQL front end reads across files. */
function phpFileFacts(tree: Tree, fileName: string, textHash: string, rootDir?: string): FileFacts {
  const facts: FileFacts = emptyFileFacts(fileName, 'php', textHash, isTestFileName(fileName, rootDir), false);
  facts.php = extractPhpFacts(tree);
  return facts;
}

/** The facts of a Python, Ruby or PHP file, read by their own extractors; `undefined` for the JavaScript family. */
function otherLanguageFacts(tree: Tree, text: string, fileName: string, languageId: LanguageId, textHash: string, rootDir?: string, lines?: LineIndex): FileFacts | undefined {
  if (languageId === 'python') return pythonFileFacts(tree, text, fileName, textHash, rootDir, lines);
  if (languageId === 'ruby') return rubyFileFacts(tree, fileName, textHash, rootDir);
  if (languageId === 'php') return phpFileFacts(tree, fileName, textHash, rootDir);
  return undefined;
}

/** Extracts the facts of one parsed file; `rootDir` (the project root) tells test folders apart. */
export function extractFileFacts(tree: Tree, text: string, fileName: string, languageId: LanguageId, textHash: string, rootDir?: string, lines?: LineIndex): FileFacts {
  return otherLanguageFacts(tree, text, fileName, languageId, textHash, rootDir, lines)
    ?? new FactExtractor(tree, text, fileName, languageId, textHash, rootDir, lines).run();
}

/**
 * The facts the project index keeps of a file: for JavaScript and TypeScript also its calls into other files and
 * what its functions return as text, which only other files' analyses read (the analysed file's own facts leave them out).
 * With `deferCalls`, call arguments and text returns are left for `completeFacts` (see `FileFacts.deferred`).
 */
export function extractIndexedFacts(tree: Tree, text: string, fileName: string, languageId: LanguageId, textHash: string, rootDir?: string, deferCalls?: DeferredFacts): FileFacts {
  return otherLanguageFacts(tree, text, fileName, languageId, textHash, rootDir)
    ?? new FactExtractor(tree, text, fileName, languageId, textHash, rootDir, undefined, true, deferCalls).run();
}

/** The patterns of `appArgumentPattern`, by the names they look for besides `APP_PARAM_NAMES` (mostly none; at most this many are kept). */
const APP_ARGUMENT_PATTERNS = new Map<string, RegExp>();
const MAX_APP_ARGUMENT_PATTERNS = 256;

/**
 * An argument that is a name alone, or `this.` and a name (`(app)`, `, this . server)`), for the names of `names`
 * that can be written so: the name is group 1, as written. Looking for these names only, where any name would
 * do before the set was asked, keeps the search from stopping at every argument of every call in the file.
 */
function appArgumentPattern(names: ReadonlySet<string>): RegExp {
  let key = '';
  if (names.size > APP_PARAM_NAMES.size) {
    const others: string[] = [];
    for (const name of names) if (!APP_PARAM_NAMES.has(name)) others.push(name.replace(/^this\./, ''));
    key = others.filter((name) => /^[A-Za-z_$][\w$]*$/.test(name)).sort().join(' ');
  }
  let pattern = APP_ARGUMENT_PATTERNS.get(key);
  if (!pattern) {
    if (APP_ARGUMENT_PATTERNS.size >= MAX_APP_ARGUMENT_PATTERNS) APP_ARGUMENT_PATTERNS.clear();
    const bare = [...new Set([...APP_PARAM_NAMES, ...(key ? key.split(' ') : [])])];
    pattern = new RegExp(`[(,]\\s*((?:this\\s*\\.\\s*)?(?:${bare.map((name) => name.replace(/\$/g, '\\$')).join('|')}))\\s*(?=[,)])`, 'g');
    APP_ARGUMENT_PATTERNS.set(key, pattern);
  }
  return pattern;
}
