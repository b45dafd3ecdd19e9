import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from '../../ast';
import type { ClassFact } from '../../project/facts';
import { matchAllIn } from '../../text';

/** What the project says about names other files use, as the check of a public method needs it. */
export interface MemberSight {
  /** Whether a project file other than the analysed one may mention the member `name` (`x.name`, `'name'`, `{ name }`). */
  mentionedElsewhere(name: string): boolean;
  /** The facts of the class another project file exports under the name `name` is imported as. */
  importedClass(name: Node): ClassFact | undefined;
  /**
   * Whether a project file other than the analysed one that may get hold of its classes mentions the member
   * `name`: one that imports the file (directly or through other project files), or that mentions
   * `constructor` (`driver.constructor.name(...)`); any when some file's mentions or imports are unknown.
   */
  reachableMention?(name: string): boolean;
}

const CLASS_TYPES: ReadonlySet<string> = new Set(['class_declaration', 'class', 'abstract_class_declaration']);
/** Keywords before a method's name that make it something other than a plain instance method. */
const NOT_PLAIN = /^(?:(?:public|protected|override|async|readonly)\s+)*(?:static|get|set)\b/;

/** Whether a decorator hands a class or member to a framework (`@Controller()`, `@Post()`). */
export function hasDecorator(node: Node): boolean {
  if (namedChildren(node).some((c) => c.type === 'decorator')) return true;
  const previous = node.previousNamedSibling;
  return previous?.type === 'decorator';
}

/**
 * Whether a class's own methods can be called only by code written in its file: it extends nothing, or a class
 * of the project that extends nothing and never calls the method on `this` itself (a package's base class, or an
 * interface it implements, may call methods it declares by their names), and no decorator hands it to a framework.
 */
function rootedInProject(cls: Node, method: string, sight: MemberSight, classNamed: (name: string) => Node | undefined, depth = 0): boolean {
  if (hasDecorator(cls) || depth > 3) return false;
  const heritage = namedChildren(cls).find((c) => c.type === 'class_heritage');
  if (!heritage) return true;
  const clauses = namedChildren(heritage);
  const clause = clauses.find((c) => c.type === 'extends_clause');
  if (clauses.some((c) => c.type === 'implements_clause')) return false;
  const base = namedChildren(clause ?? heritage)[0];
  if (base?.type !== 'identifier' || namedChildren(clause ?? heritage).length > 1) return false;
  const local = classNamed(base.text);
  if (local) return rootedInProject(local, method, sight, classNamed, depth + 1);
  const imported = sight.importedClass(base);
  // the base's own code calling `this.method(...)` calls this class's override with arguments out of sight
  return !!imported && !imported.extends && !imported.thisMembers.includes(method);
}

/**
 * Whether a public instance method of a class is called only by code in this file: no other project file
 * mentions its name, this file mentions it only inside the class, and nothing outside the project can call it
 * by its name (see `rootedInProject`). Its calls are then the `this.name(...)` calls of its class.
 */
export function calledOnlyInFile(method: Node, cls: Node, text: string, sight: MemberSight | undefined, classNamed: (name: string) => Node | undefined): boolean {
  const name = method.childForFieldName('name');
  if (!sight || !name || name.type !== 'property_identifier' || name.text === 'constructor' || !CLASS_TYPES.has(cls.type)) return false;
  if (NOT_PLAIN.test(method.text) || hasDecorator(method)) return false;
  const mention = new RegExp(`(?<![\\w$#])${name.text.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
  for (const match of matchAllIn(mention, text)) if (match.index < cls.startIndex || match.index >= cls.endIndex) return false;
  return !sight.mentionedElsewhere(name.text) && rootedInProject(cls, name.text, sight, classNamed);
}
