import type { Node } from '@vscode/tree-sitter-wasm';
import { unwrap } from '../../ast';
import { lastName } from './syntax';

/**
 * The table name an ORM keeps for a model, which the program declares and no request sets: Sequelize's
 * `User.tableName` and `User.getTableName()`, `models.User.tableName`, a model returned by a function
 * (`adapter.getModel().tableName`), TypeORM's entity metadata (`repository.metadata.tableName`). The
 * receiver must read as a model: a class name (capitalised), entity metadata, or what a model getter
 * returns; `body.tableName` or `options.tableName` stay values of unknown origin.
 */

/** Calls that return a model class or an entity's metadata, by the name of the method. */
const MODEL_GETTERS: ReadonlySet<string> = new Set(['getModel', 'getMetadata']);

/** Whether `receiver` reads as an ORM model or an entity's metadata. */
function isModel(receiver: Node): boolean {
  const target = unwrap(receiver);
  if (target.type === 'identifier' || target.type === 'member_expression') {
    const name = lastName(target);
    return /^[A-Z][a-z]/.test(name) || (target.type === 'member_expression' && (name === 'metadata' || name === 'constructor'));
  }
  if (target.type !== 'call_expression') return false;
  const callee = target.childForFieldName('function');
  return !!callee && MODEL_GETTERS.has(lastName(callee));
}

/** `Model.tableName` (a member read) or `Model.getTableName()` (a call): the model's table name. */
export function isModelTableName(node: Node): boolean {
  const target = unwrap(node);
  const member = target.type === 'call_expression' ? unwrap(target.childForFieldName('function') ?? target) : target;
  if (member.type !== 'member_expression') return false;
  const property = member.childForFieldName('property')?.text;
  const object = member.childForFieldName('object');
  const expected = target.type === 'call_expression' ? 'getTableName' : 'tableName';
  return property === expected && !!object && isModel(object);
}
