import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../../ast';
import { LocalWrites, enclosing, ownDescendants, type LocalWrite } from '../local-writes';
import { printfPieces } from '../printf';
import { asOneValue, constantText, join, textOf, valueOf, type Built } from '../sql-text-builder';
import { TextEvaluator } from '../text-evaluator';
import {
  HANDLER_ANNOTATION, NUMERIC_CLASSES, NUMERIC_METHODS, NUMERIC_TYPE, QUOTING_METHODS, REQUEST_ANNOTATIONS, REQUEST_METHODS, TEXT_PRESERVING_METHODS,
} from './known-calls';

export const JAVA_SCOPES: ReadonlySet<string> = new Set(['method_declaration', 'constructor_declaration', 'lambda_expression', 'static_initializer', 'compact_constructor_declaration']);
const BUILDER_METHODS = new Set(['append', 'insert']);

/** The identifier a `sb.append(a).append(b)` chain starts from, when it is a plain local name. */
function appendRoot(call: Node): Node | undefined {
  let object = call.childForFieldName('object');
  while (object?.type === 'method_invocation' && BUILDER_METHODS.has(object.childForFieldName('name')?.text ?? '')) object = object.childForFieldName('object');
  return object?.type === 'identifier' ? object : undefined;
}

function argumentsOf(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  return args ? namedChildren(args).filter((a) => a.type !== 'comment') : [];
}

/** Writes of a Java scope: declarations, `=`, `+=`, and `sb.append(...)` on a local builder. */
function javaWrites(scope: Node): readonly LocalWrite[] {
  const writes: LocalWrite[] = [];
  for (const node of ownDescendants(scope, ['variable_declarator', 'assignment_expression', 'method_invocation', 'enhanced_for_statement'], JAVA_SCOPES)) {
    if (node.type === 'variable_declarator') {
      const name = node.childForFieldName('name')?.text;
      if (name) writes.push({ name, kind: 'set', value: node.childForFieldName('value') ?? undefined, end: node.endIndex });
    } else if (node.type === 'enhanced_for_statement') {
      const name = node.childForFieldName('name')?.text;
      if (name) writes.push({ name, kind: 'set', value: undefined, end: node.childForFieldName('value')?.endIndex ?? node.startIndex });
    } else if (node.type === 'assignment_expression') {
      const left = node.childForFieldName('left');
      const operator = node.childForFieldName('operator')?.text ?? '=';
      if (left?.type !== 'identifier') continue;
      const value = node.childForFieldName('right') ?? undefined;
      writes.push({ name: left.text, kind: operator === '+=' ? 'append' : 'set', value: operator === '=' || operator === '+=' ? value : undefined, end: node.endIndex });
    } else if (BUILDER_METHODS.has(node.childForFieldName('name')?.text ?? '')) {
      const root = appendRoot(node);
      const args = argumentsOf(node);
      if (root && args.length > 0) writes.push({ name: root.text, kind: 'append', value: args.at(-1), end: node.endIndex });
    }
  }
  return writes.sort((a, b) => a.end - b.end);
}

function javaLocals(): LocalWrites {
  return new LocalWrites({ scopeOf: (node) => enclosing(node, JAVA_SCOPES), writesIn: javaWrites });
}

function annotationNames(declaration: Node): string[] {
  const modifiers = namedChildren(declaration).find((c) => c.type === 'modifiers');
  return modifiers ? namedChildren(modifiers).filter((m) => m.type === 'annotation' || m.type === 'marker_annotation').map((m) => m.childForFieldName('name')?.text ?? '') : [];
}

/** The declared type of a local variable or parameter named `name` in the scope, if declared there. */
function declaredType(scope: Node, name: string): string | undefined {
  for (const d of scope.descendantsOfType(['local_variable_declaration', 'formal_parameter'])) {
    if (!d) continue;
    const declared = d.type === 'formal_parameter' ? d.childForFieldName('name')?.text === name : d.descendantsOfType('variable_declarator').some((v) => v?.childForFieldName('name')?.text === name);
    if (declared) return d.childForFieldName('type')?.text;
  }
  return undefined;
}

function literalText(node: Node): string {
  const raw = node.text.startsWith('"""') ? node.text.slice(3, -3).replace(/^[ \t]*\r?\n/, '') : node.text.slice(1, -1);
  return raw.replace(/\\(["'\\nrt])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[c] ?? c);
}

/** Reads Java expressions as SQL text pieces with origins. */
export class JavaText extends TextEvaluator {
  constructor(private readonly root: Node, deadline: number) {
    super(javaLocals(), deadline);
  }

  protected read(node: Node): Built {
    switch (node.type) {
      case 'parenthesized_expression': {
        const inner = namedChildren(node)[0];
        return inner ? this.evaluate(inner) : valueOf(node, 'unknown', 'empty');
      }
      case 'string_literal':
      case 'text_block':
        return textOf(literalText(node), node.startIndex, node.endIndex);
      case 'character_literal':
      case 'decimal_integer_literal':
      case 'hex_integer_literal':
      case 'decimal_floating_point_literal':
      case 'true':
      case 'false':
      case 'null_literal':
        return textOf(node.type === 'character_literal' ? node.text.slice(1, -1) : node.text, node.startIndex, node.endIndex);
      case 'binary_expression': {
        const operator = node.childForFieldName('operator')?.text;
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        if (operator !== '+' || !left || !right) return valueOf(node, 'numeric', 'arithmetic or a comparison');
        return join([this.evaluate(left), this.evaluate(right)], 'concatenation');
      }
      case 'identifier':
        return this.identifier(node);
      case 'field_access':
        return this.fieldAccess(node);
      case 'ternary_expression':
        return this.choice(node, [node.childForFieldName('consequence'), node.childForFieldName('alternative')]);
      case 'cast_expression': {
        const value = node.childForFieldName('value');
        if (NUMERIC_TYPE.test(node.childForFieldName('type')?.text ?? '')) return valueOf(node, 'numeric', 'a number cast');
        return value ? this.evaluate(value) : valueOf(node, 'unknown', 'cast');
      }
      case 'object_creation_expression': {
        const type = node.childForFieldName('type')?.text ?? '';
        const args = argumentsOf(node);
        if (/^(?:StringBuilder|StringBuffer|String)$/.test(type)) return args[0] && !/^\d+$/.test(args[0].text) ? this.evaluate(args[0]) : textOf('', node.startIndex, node.startIndex);
        return valueOf(node, 'unknown', `a new ${type}`);
      }
      case 'method_invocation':
        return this.invocation(node);
      case 'array_access':
        return asOneValue(node, this.evaluate(node.childForFieldName('array') ?? node), 'an array element');
      default:
        return valueOf(node, 'unknown', `a ${node.type.replace(/_/g, ' ')}`);
    }
  }


  private identifier(node: Node): Built {
    const name = node.text;
    const scope = enclosing(node, JAVA_SCOPES);
    const type = JAVA_SCOPES.has(scope.type) ? declaredType(scope, name) : undefined;
    if (type && NUMERIC_TYPE.test(type)) return valueOf(node, 'numeric', `a ${type}`);
    if (this.checkedAgainstList(node, scope)) return valueOf(node, 'allowed', 'checked with contains against a fixed list');
    return this.variable(name, node, () => this.unwritten(node, scope));
  }

  /** `ALLOWED.contains(x)` or `Set.of("a", "b").contains(x)` (negated with `!` when `negated`). */
  private isListCheck(condition: Node | null, variable: string, negated: boolean): boolean {
    let expr = condition;
    while (expr?.type === 'parenthesized_expression') expr = namedChildren(expr)[0] ?? null;
    if (negated) {
      if (expr?.type !== 'unary_expression' || !expr.text.startsWith('!')) return false;
      expr = expr.childForFieldName('operand');
    }
    if (expr?.type !== 'method_invocation' || expr.childForFieldName('name')?.text !== 'contains' || argumentsOf(expr)[0]?.text !== variable) return false;
    const list = expr.childForFieldName('object');
    if (list?.type === 'identifier' || list?.type === 'field_access') return /(?:^|\.)[A-Z][A-Z0-9_]*$/.test(list.text);
    return list?.type === 'method_invocation' && /^(?:Set|List|Arrays)$/.test(list.childForFieldName('object')?.text ?? '')
      && argumentsOf(list).every((a) => constantText(this.evaluate(a)) !== undefined);
  }

  /** A name read inside `if (ALLOWED.contains(x))`, or after `if (!ALLOWED.contains(x)) { throw ...; }` in its method. */
  private checkedAgainstList(use: Node, scope: Node): boolean {
    for (let p = use.parent; p && p.id !== scope.id; p = p.parent) {
      const consequence = p.type === 'if_statement' ? p.childForFieldName('consequence') : null;
      if (consequence && use.startIndex >= consequence.startIndex && use.endIndex <= consequence.endIndex && this.isListCheck(p.childForFieldName('condition'), use.text, false)) return true;
    }
    return scope.descendantsOfType('if_statement').some((s) => !!s && s.endIndex <= use.startIndex
      && /\b(?:throw|return)\b/.test(s.childForFieldName('consequence')?.text ?? '') && this.isListCheck(s.childForFieldName('condition'), use.text, true));
  }

  /** A name nothing in its method writes: a parameter, a field, or a constant. */
  private unwritten(node: Node, scope: Node): Built {
    const name = node.text;
    const parameters = JAVA_SCOPES.has(scope.type) ? scope.childForFieldName('parameters') : null;
    const parameter = parameters && namedChildren(parameters).find((p) => p.childForFieldName('name')?.text === name);
    if (parameter) {
      const annotations = annotationNames(parameter);
      const requestAnnotation = annotations.find((a) => REQUEST_ANNOTATIONS.has(a));
      if (requestAnnotation) return valueOf(node, 'request', `@${requestAnnotation} parameter`);
      if (annotationNames(scope).some((a) => HANDLER_ANNOTATION.test(a))) return valueOf(node, 'request', 'parameter of a request handler');
      const index = namedChildren(parameters).filter((p) => p.type === 'formal_parameter' || p.type === 'spread_parameter').indexOf(parameter);
      const name = scope.childForFieldName('name')?.text;
      const calls = name ? this.root.descendantsOfType('method_invocation').filter((c): c is Node => !!c && c.childForFieldName('name')?.text === name && (!c.childForFieldName('object') || c.childForFieldName('object')?.type === 'this')) : [];
      return this.passedHere(node, index, calls, argumentsOf) ?? valueOf(node, 'unknown', 'parameter of a method');
    }
    return this.field(node, name);
  }

  /** A field of this file's classes: constant when `final` with literal text, or never assigned after its literal initializer. */
  private field(node: Node, name: string): Built {
    for (const declarator of this.root.descendantsOfType('variable_declarator')) {
      if (declarator?.childForFieldName('name')?.text !== name || declarator.parent?.type !== 'field_declaration') continue;
      const value = declarator.childForFieldName('value');
      const modifiers = namedChildren(declarator.parent).find((c) => c.type === 'modifiers')?.text ?? '';
      const assigned = this.root.descendantsOfType('assignment_expression').some((a) => {
        const left = a?.childForFieldName('left');
        return left?.text === name || left?.text === `this.${name}`;
      });
      if (value && (/\bfinal\b/.test(modifiers) || !assigned)) {
        const text = constantText(this.evaluate(value));
        if (text !== undefined) return textOf(text, node.startIndex, node.endIndex);
      }
      return valueOf(node, 'unknown', `field ${name}`);
    }
    if (/^[A-Z][A-Z0-9_]*$/.test(name)) return valueOf(node, 'constant', 'a constant');
    return valueOf(node, 'unknown', `${name}, not declared here`);
  }

  private fieldAccess(node: Node): Built {
    const object = node.childForFieldName('object');
    const field = node.childForFieldName('field');
    if (!field) return valueOf(node, 'unknown', 'field access');
    if (object?.type === 'this') return this.field(node, field.text);
    if (/^[A-Z][A-Z0-9_]*$/.test(field.text)) return valueOf(node, 'constant', 'a constant');
    return valueOf(node, 'unknown', `field ${field.text}`);
  }

  private invocation(node: Node): Built {
    const name = node.childForFieldName('name')?.text ?? '';
    const object = node.childForFieldName('object');
    const receiver = object?.text ?? '';
    const args = argumentsOf(node);
    if (BUILDER_METHODS.has(name) && object && args.length > 0) return join([this.evaluate(object), this.evaluate(args.at(-1)!)], 'append');
    if (name === 'toString' && object) return this.evaluate(object);
    if (name === 'format' && receiver === 'String' && args.length > 0) return this.format(node, args[0], args.slice(1));
    if (name === 'formatted' && object) return this.format(node, object, args);
    if (name === 'join' && receiver === 'String' && args.length > 0) return this.joinAll(node, args[0], args.slice(1));
    if (name === 'concat' && object && args[0]) return join([this.evaluate(object), this.evaluate(args[0])], 'concatenation');
    if (name === 'valueOf' && receiver === 'String' && args[0]) return asOneValue(node, this.evaluate(args[0]), 'String.valueOf');
    if (REQUEST_METHODS.has(name)) return valueOf(node, 'request', `${receiver}.${name}()`);
    if (NUMERIC_METHODS.has(name) || (name === 'valueOf' && NUMERIC_CLASSES.test(receiver)) || NUMERIC_CLASSES.test(receiver)) return valueOf(node, 'numeric', `${name}()`);
    if (QUOTING_METHODS.has(name)) return valueOf(node, 'quoted', `${name}()`);
    if (TEXT_PRESERVING_METHODS.has(name) && object) return asOneValue(node, this.evaluate(object), `.${name}()`);
    if (!object || object.type === 'this') {
      const own = this.constantMethod(name);
      if (own !== undefined) return textOf(own, node.startIndex, node.endIndex);
    }
    return valueOf(node, 'unknown', `the result of ${name}()`);
  }

  private format(node: Node, format: Node, args: readonly Node[]): Built {
    const template = constantText(this.evaluate(format));
    if (template === undefined) return valueOf(node, 'unknown', 'a format with a built template');
    return printfPieces(template, format, args, (n) => this.evaluate(n), node);
  }

  private joinAll(node: Node, separator: Node, items: readonly Node[]): Built {
    const sep = constantText(this.evaluate(separator)) ?? '';
    const parts: Built[] = [];
    items.forEach((item, i) => {
      if (i > 0) parts.push(textOf(sep, separator.startIndex, separator.endIndex));
      parts.push(this.evaluate(item));
    });
    if (items.length === 1) return asOneValue(node, parts[0], 'String.join of a collection');
    return join(parts, 'join');
  }

  /** A method of this file that takes no parameters and returns only literal text. */
  private constantMethod(name: string): string | undefined {
    const method = this.root.descendantsOfType('method_declaration').find((m) => m?.childForFieldName('name')?.text === name);
    if (!method || namedChildren(method.childForFieldName('parameters') ?? method).length > 0) return undefined;
    const returns = method.descendantsOfType('return_statement').map((r) => r && namedChildren(r)[0]);
    if (returns.length !== 1 || !returns[0] || returns[0].type !== 'string_literal') return undefined;
    return literalText(returns[0]);
  }
}
