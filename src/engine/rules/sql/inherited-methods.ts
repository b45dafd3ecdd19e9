import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren, unwrap } from '../../ast';
import type { ProjectFacts } from '../../project';
import { completeFacts } from '../../project/deferred-calls';
import type { ClassFact, FileFacts, ParamPart } from '../../project/facts';
import type { FileValues } from '../../project/file-values';

const CLASS_TYPES: ReadonlySet<string> = new Set(['class_declaration', 'class', 'abstract_class_declaration']);
/** Functions with a `this` of their own: inside them `this` is not the class's instance. */
const OWN_THIS_TYPES: ReadonlySet<string> = new Set(['function_declaration', 'function_expression', 'function', 'generator_function_declaration', 'generator_function']);

/** The class whose instance `this` is at `node`: the class of the nearest method, through arrow functions only. */
function classOfThis(node: Node): Node | undefined {
  let method: Node | undefined;
  for (let at = node.parent; at; at = at.parent) {
    if (OWN_THIS_TYPES.has(at.type)) return undefined;
    if (at.type === 'method_definition') {
      if (/^(?:(?:public|protected|private|override|async)\s+)*static\b/.test(at.text)) return undefined;
      method = at;
    }
    if (CLASS_TYPES.has(at.type)) return method ? at : undefined;
  }
  return undefined;
}

/** The superclass a class names (`extends Base`), when it is a plain name. */
function superclassName(cls: Node): Node | undefined {
  const heritage = namedChildren(cls).find((c) => c.type === 'class_heritage');
  const clause = heritage && (namedChildren(heritage).find((c) => c.type === 'extends_clause') ?? heritage);
  const value = clause && namedChildren(clause)[0];
  return value?.type === 'identifier' ? value : undefined;
}

/** The names of the members a class declares itself (methods, fields, accessors). */
function ownMemberNames(cls: Node): Set<string> {
  const body = cls.childForFieldName('body');
  const names = new Set<string>();
  for (const member of body ? namedChildren(body) : []) {
    const name = member.childForFieldName('name') ?? member.childForFieldName('property');
    if (name) names.add(name.text);
  }
  return names;
}

/**
 * What `this.m(...)` returns as text when `m` is inherited from a class another project file exports
 * (`class Driver extends Base`, `Base` imported): that class's summary of `m`. Not when this class declares a
 * member the base class's own code uses on `this`: an override there (a validator that no longer checks) may
 * change what `m` returns.
 */
export function inheritedTextReturn(project: ProjectFacts, fileName: string, values: FileValues, callee: Node): readonly ParamPart[] | undefined {
  const target = unwrap(callee);
  const object = target.type === 'member_expression' ? target.childForFieldName('object') : undefined;
  const method = target.childForFieldName('property')?.text;
  if (object?.type !== 'this' || !method) return undefined;
  const cls = classOfThis(object);
  const base = cls && superclassName(cls);
  if (!cls || !base) return undefined;
  const own = ownMemberNames(cls);
  if (own.has(method)) return undefined;
  const found = classImport(project, fileName, values, base);
  const fact = found && classOf(project.files.get(found.file), found.name);
  if (!found || !fact || fact.thisMembers.some((m) => own.has(m))) return undefined;
  // the text returns, read on demand when the base class's file deferred them
  const textReturns = classOf(completeFacts(project, found.file), found.name)?.textReturns;
  return textReturns && Object.hasOwn(textReturns, method) ? textReturns[method] : undefined;
}

/** The facts of the class another project file exports under the name `name` is imported as (without text returns when that file deferred them). */
export function importedClass(project: ProjectFacts, fileName: string, values: FileValues, name: Node): ClassFact | undefined {
  const found = classImport(project, fileName, values, name);
  return found && classOf(project.files.get(found.file), found.name);
}

/** The project file and export name of the class `name` is imported as. */
function classImport(project: ProjectFacts, fileName: string, values: FileValues, name: Node): { file: string; name: string } | undefined {
  const ref = values.refOf(name);
  if (ref.root.kind !== 'import' || ref.path.length > 0) return undefined;
  const imported = values.importOf(ref.root.index);
  const file = imported && project.resolveImport(fileName, imported.source);
  return imported && file ? { file, name: imported.name } : undefined;
}

function classOf(facts: FileFacts | undefined, name: string): ClassFact | undefined {
  const classes = facts?.classes;
  return classes && Object.hasOwn(classes, name) ? classes[name] : undefined;
}
