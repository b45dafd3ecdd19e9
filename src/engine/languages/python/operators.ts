import type { Node } from '@vscode/tree-sitter-wasm';
import { collectionItems } from './collections';
import { requestOrigin } from './origins';
import { partAt } from './regex-groups';
import { PLACEHOLDER_TEXT, type PyEval, UNKNOWN_VALUE, isStringish, originOf, unionOf, value } from './pieces';
import { concatenate, constantText, readPercentFormat } from './strings';
import { CONSTANT_NAME, named, unwrapPy } from './syntax';
import type { PyEvaluator } from './values';

/** Reading Python operators and accessors as SQL text or values: `a.b`, `a[k]`, `a + b`, `a % b`, `a if c else b`. */

export function readAttribute(ev: PyEvaluator, node: Node): PyEval {
  const source = requestOrigin(node);
  if (source) return value(source.origin, source.why);
  const attr = node.childForFieldName('attribute')?.text ?? '';
  const object = node.childForFieldName('object');
  if (CONSTANT_NAME.test(attr)) return value('constant', `constant ${attr}`);
  if (!object) return UNKNOWN_VALUE(node.text);
  if (/^(?:self|cls)$/.test(object.text)) return classAttribute(ev, node, attr);
  // an attribute has its object's origin: of request data it is request data, of a fixed value it is fixed
  const { origin, why } = originOf(ev.evaluate(object));
  return value(origin === 'constant' ? 'allowed' : origin, `attribute of ${object.text.slice(0, 30)} (${why})`);
}

/** `self.table`: what the class body assigns it (`table = "users"`), else unknown. */
function classAttribute(ev: PyEvaluator, node: Node, attr: string): PyEval {
  const fn = ev.tree.enclosingFunction(node);
  const cls = fn && ev.tree.classOf(fn);
  const body = cls?.childForFieldName('body');
  if (!body) return node.childForFieldName('object')?.text === 'cls' ? value('constant', `class attribute cls.${attr}`) : UNKNOWN_VALUE(`self.${attr}`);
  const items: { e: PyEval; node: Node }[] = [];
  for (const statement of named(body)) {
    const assignment = statement.type === 'expression_statement' ? named(statement)[0] : undefined;
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== attr) continue;
    const right = assignment.childForFieldName('right');
    if (right) items.push({ e: ev.evaluate(right), node: right });
  }
  if (items.length > 0) return unionOf(items);
  // read through `cls`: a class attribute, set in a class body (here or in a base class) when the module loads
  return node.childForFieldName('object')?.text === 'cls' ? value('constant', `class attribute cls.${attr}`) : UNKNOWN_VALUE(`self.${attr}`);
}

export function readSubscript(ev: PyEvaluator, node: Node): PyEval {
  const source = requestOrigin(node);
  if (source) return value(source.origin, source.why);
  const base = node.childForFieldName('value');
  if (!base) return UNKNOWN_VALUE(node.text);
  const items = collectionItems(ev, base, node.startIndex);
  if (items.length > 0 && items.every((i) => originOf(i.e).origin === 'constant' || originOf(i.e).origin === 'allowed')) {
    return value('allowed', `an item of ${base.text.slice(0, 30)}`);
  }
  const whole = ev.evaluate(base);
  const part = partAt(whole, node.childForFieldName('subscript'));
  if (part) return part;
  const { origin, why } = originOf(whole);
  return value(origin === 'constant' ? 'allowed' : origin, why);
}

export function readBinary(ev: PyEvaluator, node: Node): PyEval {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  const op = node.childForFieldName('operator')?.text;
  if (!left || !right) return UNKNOWN_VALUE(node.text);
  const l = ev.evaluate(left);
  if (op === '%' && isStringish(l)) return readPercentFormat(left, l, right, (n) => ev.evaluate(n));
  if (op === '+') {
    const r = ev.evaluate(right);
    if (isStringish(l) || isStringish(r)) return concatenate(left, l, right, r, 'concatenation');
    const merged = unionOf([{ e: l, node: left }, { e: r, node: right }]);
    return merged.kind === 'value' && merged.origin === 'constant' ? value('numeric', 'arithmetic') : merged;
  }
  if (op === '*' && isStringish(l)) {
    const text = constantText(l);
    return text !== undefined && PLACEHOLDER_TEXT.test(text) ? value('placeholder', 'repeated placeholders') : value(originOf(l).origin, 'repeated text');
  }
  return value('numeric', 'arithmetic');
}

export function readConditional(ev: PyEvaluator, node: Node): PyEval {
  const [consequence, condition, alternative] = named(node);
  if (!consequence || !alternative) return UNKNOWN_VALUE(node.text);
  const chosen = condition ? membershipChoice(ev, consequence, condition) : undefined;
  const first = chosen ?? ev.evaluate(consequence);
  return unionOf([{ e: first, node: consequence }, { e: ev.evaluate(alternative), node: alternative }], true);
}

/** `x if x in ALLOWED else default`: `x` chosen only when it is one of fixed values. */
function membershipChoice(ev: PyEvaluator, consequence: Node, condition: Node): PyEval | undefined {
  const c = unwrapPy(condition);
  if (c.type !== 'comparison_operator' || !/\bin\b/.test(c.text) || /\bnot\s+in\b/.test(c.text)) return undefined;
  const [tested, collection] = named(c);
  if (!tested || !collection || tested.text !== unwrapPy(consequence).text) return undefined;
  const items = collectionItems(ev, collection, c.startIndex);
  return items.length > 0 && items.every((i) => ['constant', 'allowed'].includes(originOf(i.e).origin)) ? value('allowed', `checked against ${collection.text.slice(0, 30)}`) : undefined;
}
