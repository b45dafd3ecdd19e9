import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

// A method a class inherits from a base class another project file exports (`class Store extends Base`, `Base`
// imported) is read through the project facts as a method of the class's own file would be: what it returns as
// text, with its parameters bound to the call's arguments. A base method that returns its input unchecked passes
// the input on; a subclass that overrides a member the base method uses (its validator) is not read through the
// base's summary.

const BASE = '/p/src/base.ts';
const e = [{ messageId: 'identifier' }];

const checkingBase = [
  'export abstract class Base {',
  '  checked(name: string): string {',
  "    if (!/^[a-zA-Z0-9_]+$/.test(name)) throw new Error('bad name');",
  '    return name;',
  '  }',
  '  quoted(name: string) {',
  '    const checked = this.checked(name);',
  '    return `"${checked}"`;',
  '  }',
  '  unchecked(name: string) {',
  '    return `"${name}"`;',
  '  }',
  '}',
  '',
].join('\n');

const store = (body: string): string => [
  "import { Base } from './base';",
  'export class Store extends Base {',
  body,
  '}',
  '',
].join('\n');

const handler = '  async count(db: any, req: any) {\n    const table = this.METHOD(req.query.table);\n    return db.query(`SELECT count(*) FROM ${table}`);\n  }';

runRuleTests(sqlConcatenation, {
  valid: [
    {
      name: 'an inherited method validates its argument with an anchored allow-list and double-quotes it',
      fileName: '/p/src/store.ts',
      files: { [BASE]: checkingBase },
      code: store(handler.replace('METHOD', 'quoted')),
    },
    {
      name: 'the inherited method is called inside an arrow function of a method',
      fileName: '/p/src/store.ts',
      files: { [BASE]: checkingBase },
      code: store('  count(db: any, req: any) {\n    const run = () => db.query(`SELECT count(*) FROM ${this.quoted(req.query.table)}`);\n    return run();\n  }'),
    },
  ],
  invalid: [
    {
      name: 'an inherited method that returns its argument unchecked passes request data on',
      fileName: '/p/src/store.ts',
      files: { [BASE]: checkingBase },
      code: store(handler.replace('METHOD', 'unchecked')),
      errors: e,
    },
    {
      name: 'the subclass overrides the validator the inherited method calls with one that does not validate',
      fileName: '/p/src/store.ts',
      files: { [BASE]: checkingBase },
      code: store(`  checked(name: string): string {\n    return name;\n  }\n${handler.replace('METHOD', 'quoted')}`),
      errors: e,
    },
    {
      name: 'a method of the same name in a class that extends nothing imported is not read from the base file',
      fileName: '/p/src/store.ts',
      files: { [BASE]: checkingBase },
      code: "class Local {\n  quoted(name: string) { return name; }\n}\nexport class Store extends Local {\n" + handler.replace('METHOD', 'quoted') + '\n}\n',
      errors: e,
    },
    {
      name: 'inside a plain function expression `this` is not the instance: the base summary does not apply',
      fileName: '/p/src/store.ts',
      files: { [BASE]: checkingBase },
      code: store('  count(db: any, req: any) {\n    return [1].map(function () { return db.query(`SELECT count(*) FROM ${this.quoted(req.query.table)}`); });\n  }'),
      errors: e,
    },
  ],
});
