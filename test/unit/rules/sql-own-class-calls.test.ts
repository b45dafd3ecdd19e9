import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

// A public method whose name no other project file mentions (`x.name`, `'name'`, `{ name }`; comments aside),
// and that its own file mentions only inside its class, of a class that extends nothing outside the project, is
// called only by its class: its parameters take the values its class's `this.name(...)` calls pass. Another
// file naming it, a base class from a package or a project base that calls it on `this` keep it out of sight.

const e = [{ messageId: 'identifier' }];
const FILE = '/p/src/store.ts';

const store = (heading: string): string => [
  heading,
  '  async prepare(db: any) {',
  "    await this.ensureTable(db, 'documents');",
  '  }',
  '  async ensureTable(db: any, table: string) {',
  '    await db.query(`CREATE TABLE IF NOT EXISTS ${table} (id int)`);',
  '  }',
  '}',
  '',
].join('\n');

const user = "import { Store } from './store';\nexport const make = () => new Store();\n// store.ensureTable(db, name) is called by prepare\n";

runRuleTests(sqlConcatenation, {
  valid: [
    {
      name: 'other files use the class but never name the method (a comment aside): its only caller passes a literal',
      fileName: FILE,
      files: { '/p/src/use.ts': user },
      code: store('export class Store {'),
    },
    {
      name: 'the class extends a project class that extends nothing and never calls the method',
      fileName: FILE,
      files: { '/p/src/use.ts': user, '/p/src/base.ts': 'export class Base {\n  open() { return this.ready; }\n}\n' },
      code: `import { Base } from './base';\n${store('export class Store extends Base {')}`,
    },
  ],
  invalid: [
    {
      name: 'another file calls the method with request data',
      fileName: FILE,
      files: { '/p/src/use.ts': "import { Store } from './store';\nexport const h = (db: any, req: any) => new Store().ensureTable(db, req.body.table);\n" },
      code: store('export class Store {'),
      errors: e,
    },
    {
      name: 'the class extends a package class, which may call the method by its name',
      fileName: FILE,
      files: { '/p/src/use.ts': user },
      code: `import { EventEmitter } from 'events';\n${store('export class Store extends EventEmitter {')}`,
      errors: e,
    },
    {
      name: 'the project base class calls the method on this with values out of sight',
      fileName: FILE,
      files: { '/p/src/use.ts': user, '/p/src/base.ts': 'export class Base {\n  open(db: any, name: string) { return this.ensureTable(db, name); }\n  ensureTable(db: any, name: string) {}\n}\n' },
      code: `import { Base } from './base';\n${store('export class Store extends Base {')}`,
      errors: e,
    },
    {
      name: 'its own file calls the method outside the class',
      fileName: FILE,
      files: { '/p/src/use.ts': user },
      code: `${store('export class Store {')}export const run = (db: any, req: any) => new Store().ensureTable(db, req.query.t);\n`,
      errors: e,
    },
    {
      name: 'a method handed to a framework by a decorator',
      fileName: FILE,
      files: { '/p/src/use.ts': user },
      code: store('export class Store {').replace('  async ensureTable', '  @Post()\n  async ensureTable'),
      errors: e,
    },
  ],
});
