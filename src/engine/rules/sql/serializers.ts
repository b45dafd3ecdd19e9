import type { Node } from '@vscode/tree-sitter-wasm';
import { unwrap } from '../../ast';
import type { StringEvaluator } from './string-building';
import { rootName } from './syntax';

/**
 * ORM data types that write a value as a SQL literal of their type, as data (next to the drivers' quoting
 * functions in `quoting.ts`): Sequelize's `DataTypes.RANGE(DataTypes.DATE).stringify(range)` formats and
 * escapes the bounds for PostgreSQL, `DataTypes.DATE.stringify(d)` a timestamp. They are the ORM's own
 * serialisers, written for the dialect and used by the ORM for every query it builds, so their output is
 * trusted like the driver's escaper.
 */
interface TypeSerializer {
  /** Modules that export the data types. */
  readonly modules: readonly string[];
  /** The member of the module's export holding the types (`DataTypes`); types may also hang off the export itself. */
  readonly namespace: string;
  /** Methods of a data type (or of an instance of one) that serialise a value. */
  readonly methods: readonly string[];
}

const TYPE_SERIALIZERS: readonly TypeSerializer[] = [
  { modules: ['sequelize', '@sequelize/core'], namespace: 'DataTypes', methods: ['stringify', 'escape'] },
];

/** A data type named in CONSTANT_CASE (`RANGE`, `DATE`, `DECIMAL`), as ORMs name them. */
const TYPE_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * Whether `object.method(...)` serialises its argument through an ORM data type: `object` is a data type of
 * such a module, made here (`new DataTypes.RANGE(...)`, `DataTypes.DATE`) or held by a constant that was.
 */
export function serializesForSql(ev: StringEvaluator, object: Node, method: string): boolean {
  const rows = TYPE_SERIALIZERS.filter((row) => row.methods.includes(method));
  if (rows.length === 0) return false;
  const made = madeFrom(ev, object);
  if (!made) return false;
  const module = ev.imports.moduleOf(rootName(made));
  const row = rows.find((r) => module !== undefined && r.modules.includes(module));
  if (!row) return false;
  // `DataTypes.RANGE`, `Sequelize.DataTypes['postgres'].RANGE`, `Sequelize.DATE`: a type of the module
  const names = made.text.split(/[.[\]'"\s]+/).filter(Boolean);
  return names.includes(row.namespace) || TYPE_NAME.test(names[names.length - 1] ?? '');
}

/** The type expression an object was made from: itself, the class of `new X(...)`, the callee of `X(...)`, through one constant. */
function madeFrom(ev: StringEvaluator, object: Node): Node | undefined {
  let target = unwrap(object);
  if (target.type === 'identifier') {
    const resolution = ev.scopes.resolve(target);
    const init = resolution?.binding.kind === 'const' && resolution.writes.length === 0 ? resolution.binding.init : undefined;
    if (!init) return rootName(target) ? target : undefined;
    target = unwrap(init);
  }
  if (target.type === 'new_expression') return target.childForFieldName('constructor') ?? undefined;
  if (target.type === 'call_expression') return target.childForFieldName('function') ?? undefined;
  return target.type === 'member_expression' || target.type === 'subscript_expression' ? target : undefined;
}
