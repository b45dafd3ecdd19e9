import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

// GraphQL resolver arguments the schema declares as enums (or numbers) are constants wherever they go: when
// the `args` declaration is built from spreads, `const`s, other files' exports and lodash `omit`/`pick`, and
// when the resolver hands `args` on to a function, whole or spread into a new object.

const concatenated = 'concatenated';
const fromCaller = 'fromCaller';

const enums = "const { GraphQLEnumType, GraphQLString } = require('graphql');\n"
  + "exports.Kind = new GraphQLEnumType({ name: 'Kind', values: { CREDIT: {}, DEBIT: {} } });\n";
const sharedArgs = "const { GraphQLString } = require('graphql');\nconst { Kind } = require('./enums');\n"
  + "exports.ListArgs = { kind: { type: Kind }, search: { type: GraphQLString }, account: { type: AccountInput } };\n";

/** A resolver file whose field declares `args`, and a helper of the same file that builds SQL from `input[key]`. */
function resolverFile(args: string, call: string, key: string, head = ''): string {
  return "const { omit, pick } = require('lodash');\nconst { GraphQLNonNull, GraphQLEnumType, GraphQLString } = require('graphql');\n" + head
    + `function list(input, req) {\n  return sequelize.literal(\`"kind" = '\${input.${key}}'\`);\n}\n`
    + `module.exports = { type: List, args: ${args}, resolve(parent, args, req) { return list(${call}, req); } };\n`;
}

const localEnum = "const Kind = new GraphQLEnumType({ name: 'Kind', values: { CREDIT: {}, DEBIT: {} } });\nconst Common = { kind: { type: new GraphQLNonNull(Kind) }, search: { type: GraphQLString } };\n";
const files = { '/p/src/enums.js': enums, '/p/src/shared.js': sharedArgs };

/** A helper other files call, building SQL from `input[key]`; the resolver that calls it lives in another file. */
function helperFile(key: string): string {
  return `export function list(input, req) {\n  return sequelize.literal(\`"kind" = '\${input.${key}}'\`);\n}\n`;
}
function callerFiles(args: string, call: string): Record<string, string> {
  return {
    ...files,
    '/p/src/account.js': "const { omit } = require('lodash');\nconst { ListArgs } = require('./shared');\n"
      + "import { list } from './list';\n"
      + `module.exports = { type: List, args: ${args}, resolve(account, args, req) { return list(${call}, req); } };\n`,
  };
}

runRuleTests(sqlConcatenation, {
  valid: [
    { name: 'args handed on whole, declared by spreading a const of this file', code: resolverFile('{ account: { type: AccountInput }, ...Common }', 'args', 'kind', localEnum) },
    { name: 'args spread into a new object, the added key another', code: resolverFile('{ ...Common }', '{ ...args, account: parent.id }', 'kind', localEnum) },
    {
      name: "an imported declaration passed through lodash's omit",
      fileName: '/p/src/resolver.js', files,
      code: resolverFile("{ ...omit(ListArgs, ['account']) }", '{ ...args, account: { id: parent.id } }', 'kind', "const { ListArgs } = require('./shared');\n"),
    },
    {
      name: 'an imported declaration spread as it is',
      fileName: '/p/src/resolver.js', files,
      code: resolverFile('{ account: { type: AccountInput }, ...ListArgs }', 'args', 'kind', "const { ListArgs } = require('./shared');\n"),
    },
    {
      name: 'a resolver of another file hands its args on, spread with another key',
      fileName: '/p/src/list.js', files: callerFiles("{ ...omit(ListArgs, ['account']) }", '{ ...args, account: { id: account.id } }'),
      code: helperFile('kind'),
    },
    {
      name: 'a resolver of another file hands its args on whole',
      fileName: '/p/src/list.js', files: callerFiles('ListArgs', 'args'),
      code: helperFile('kind'),
    },
  ],
  invalid: [
    {
      name: 'a String argument a resolver of another file hands on',
      fileName: '/p/src/list.js', files: callerFiles("{ ...omit(ListArgs, ['account']) }", '{ ...args, account: { id: account.id } }'),
      code: helperFile('search'),
      errors: [{ messageId: fromCaller }],
    },
    {
      name: 'an enum argument another file replaces with request data',
      fileName: '/p/src/list.js', files: callerFiles('ListArgs', '{ ...args, kind: req.body.kind }'),
      code: helperFile('kind'),
      errors: [{ messageId: fromCaller, messageIncludes: ['account.js'] }],
    },
    {
      name: 'a String argument handed on stays request data',
      code: resolverFile('{ ...Common }', 'args', 'search', localEnum),
      errors: [{ messageId: concatenated }],
    },
    {
      name: 'an enum argument replaced by request data after the spread',
      code: resolverFile('{ ...Common }', '{ ...args, kind: req.body.kind }', 'kind', localEnum),
      errors: [{ messageId: concatenated }],
    },
    {
      name: 'request data written before the spread stays when the request leaves the argument out',
      code: resolverFile('{ ...Common }', '{ kind: req.body.kind, ...args }', 'kind', localEnum),
      errors: [{ messageId: concatenated }],
    },
    {
      name: 'an imported String argument kept by pick',
      fileName: '/p/src/resolver.js', files,
      code: resolverFile("{ ...pick(ListArgs, ['search']) }", 'args', 'search', "const { ListArgs } = require('./shared');\n"),
      errors: [{ messageId: concatenated }],
    },
    {
      name: 'a String argument omit keeps',
      fileName: '/p/src/resolver.js', files,
      code: resolverFile("{ ...omit(ListArgs, ['kind']) }", 'args', 'search', "const { ListArgs } = require('./shared');\n"),
      errors: [{ messageId: concatenated }],
    },
  ],
});
