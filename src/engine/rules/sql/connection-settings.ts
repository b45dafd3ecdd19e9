import type { Node } from '@vscode/tree-sitter-wasm';
import { FUNCTION_TYPES } from '../../ast';
import type { Binding } from './scope';
import { parameterNodes } from './syntax';

/**
 * Connection settings: the names a function takes from the same settings object as the password it hands
 * on to open a connection (`async connect({ server, user, password, database }) { ...getConnection({ user,
 * password }); await client.execute(`... ${database}`) }`). Whoever supplies that object supplies the login
 * the SQL then runs under, so a name next to it (schema, database, role) can do no more than the login can:
 * it is operator (or account owner) configuration, read like other configuration (`sql.storedValues`).
 * Settings that do not travel with a credential handed to a call stay unknown.
 */

/** Property names that hold a database login's secret. */
const CREDENTIAL = /^(?:password|passwd|pass|pwd)$/i;

/** Whether `binding` is a name destructured from a parameter that also gives the password the function passes on. */
export function isConnectionSetting(binding: Binding): boolean {
  const param = binding.param;
  if (binding.kind !== 'param' || !param || param.arrayCallback) return false;
  const pattern = unwrapParameter(parameterNodes(param.fn)[param.index]);
  if (pattern?.type !== 'object_pattern' || pattern.startIndex > binding.id.startIndex || binding.id.endIndex > pattern.endIndex) return false;
  const credentials = credentialNames(pattern);
  if (credentials.length === 0) return false;
  const body = param.fn.childForFieldName('body');
  return !!body && handsOn(body, credentials);
}

/** The pattern of `{ a, b } = {}` or `{ a, b }: Options`. */
function unwrapParameter(param: Node | undefined): Node | undefined {
  if (!param) return undefined;
  if (param.type === 'assignment_pattern') return param.childForFieldName('left') ?? undefined;
  if (param.type === 'required_parameter' || param.type === 'optional_parameter') return param.childForFieldName('pattern') ?? undefined;
  return param;
}

/** The local names the pattern gives the credential properties (`password`, `{ password: secret }`). */
function credentialNames(pattern: Node): string[] {
  const names: string[] = [];
  for (const member of pattern.namedChildren) {
    if (!member) continue;
    if (member.type === 'shorthand_property_identifier_pattern' && CREDENTIAL.test(member.text)) names.push(member.text);
    const left = member.type === 'object_assignment_pattern' ? member.childForFieldName('left') : undefined;
    if (left && CREDENTIAL.test(left.text)) names.push(left.text);
    const key = member.type === 'pair_pattern' ? member.childForFieldName('key') : undefined;
    const value = member.type === 'pair_pattern' ? member.childForFieldName('value') : undefined;
    if (key && value?.type === 'identifier' && CREDENTIAL.test(key.text)) names.push(value.text);
  }
  return names;
}

/**
 * Calls and constructors that open a database connection or pool with the options they are given
 * (`oracledb.getConnection`, `mysql.createPool`, `new Client`, `new Sequelize`, `knex`), told by name.
 */
const CONNECTION_OPENER = /(?:connect|connection|pool|client|knex|sequelize|database)$/i;

/** Whether the body passes one of `names` as a property of an object literal given to a call that opens a connection (`getConnection({ user, password })`). */
function handsOn(body: Node, names: readonly string[]): boolean {
  if (!names.some((name) => new RegExp(`(?<![\\w$.])${name}(?![\\w$])`).test(body.text))) return false;
  for (const object of body.descendantsOfType('object')) {
    const args = object?.parent;
    const call = args?.type === 'arguments' ? args.parent : undefined;
    const callee = call?.childForFieldName(call.type === 'new_expression' ? 'constructor' : 'function');
    if (!object || !callee || !CONNECTION_OPENER.test(callee.text.split('.').pop() ?? '') || insideNestedFunction(object, body)) continue;
    for (const member of object.namedChildren) {
      const value = member?.type === 'pair' ? member.childForFieldName('value') : member?.type === 'shorthand_property_identifier' ? member : undefined;
      if (value && names.includes(value.text)) return true;
    }
  }
  return false;
}

function insideNestedFunction(node: Node, body: Node): boolean {
  for (let at = node.parent; at && at.startIndex >= body.startIndex && at.id !== body.id; at = at.parent) if (FUNCTION_TYPES.has(at.type)) return true;
  return false;
}
