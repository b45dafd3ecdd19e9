import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

// A static member (a `static` method, or a static field holding a function) is called through its class:
// `Driver.nearest(...)`, `this.nearest(...)` in the class's code, `this.constructor.nearest(...)`. When every such
// call is in sight (its file names it only in those calls, and no other file that can reach the class names it),
// its parameters take what those calls pass. A getter read as `this.operator` is what it returns: a `switch`
// returning only literals, its other paths throwing, yields a constant.

const e = [{ messageId: 'concatenated' }];
const FILE = '/p/src/driver.ts';

const driver = (call: string, declaration = 'static nearest = async (q: string, op: string = \'<=>\') => {', getter = "      case 'l2': return '<->';"): string => [
  "import { Pool } from 'pg';",
  'export class Driver {',
  '  options: any = {};',
  '  get operator() {',
  '    switch (this.options.metric) {',
  "      case 'cosine': return '<=>';",
  getter,
  "      default: throw new Error('unknown metric');",
  '    }',
  '  }',
  '  async search(q: string) {',
  `    return ${call};`,
  '  }',
  `  ${declaration}`,
  '    const pool = new Pool();',
  '    return pool.query(`SELECT * FROM items ORDER BY embedding ${op} $1`, [q]);',
  '  }',
  '}',
  '',
].join('\n');

const maker = "import { Driver } from './driver';\nexport const make = () => new Driver();\n";
const otherStore = 'export const around = (store: any, q: string) => store.nearest(q, store.op);\n';

runRuleTests(sqlConcatenation, {
  valid: [
    {
      name: 'a static arrow field called by its class with a getter that returns only literals',
      fileName: FILE,
      files: { '/p/src/make.ts': maker, '/p/src/other.ts': otherStore },
      code: driver('Driver.nearest(q, this.operator)'),
    },
    {
      name: 'a static method called through this.constructor',
      fileName: FILE,
      files: { '/p/src/make.ts': maker },
      code: driver('(this.constructor as typeof Driver).nearest(q, this.operator)', 'static async nearest(q: string, op: string = \'<=>\') {'),
    },
    {
      name: 'a static method called by its class, its parameter left to the default',
      fileName: FILE,
      files: { '/p/src/make.ts': maker },
      code: driver('Driver.nearest(q)', 'static async nearest(q: string, op: string = \'<=>\') {'),
    },
    {
      name: 'a private static method called by its class',
      fileName: FILE,
      files: { '/p/src/make.ts': maker, '/p/src/route.ts': "import { Driver } from './driver';\nexport const h = (req: any, d: any) => d.nearest('x', req.query.op);\n" },
      code: driver('Driver.#nearest(q, this.operator)', 'static async #nearest(q: string, op: string = \'<=>\') {'),
    },
    {
      name: 'the file also writes a member of the same name on another object, and the class object never leaves its name',
      fileName: FILE,
      files: { '/p/src/make.ts': maker },
      code: driver('Driver.nearest(q, this.operator)').replace('  async search(q: string) {', '  wrap(store: any) {\n    store.nearest = async (q: string) => Driver.nearest(q, this.operator);\n  }\n  async search(q: string) {'),
    },
    {
      name: 'a getter read on an instance the file makes with new',
      fileName: FILE,
      files: { '/p/src/make.ts': maker },
      code: `${driver('Driver.nearest(q, this.operator)')}export const rank = (q: string) => {\n  const d = new Driver();\n  return new Pool().query(\`SELECT * FROM items ORDER BY embedding \${d.operator} $1\`, [q]);\n};\n`,
    },
  ],
  invalid: [
    {
      name: 'another file that imports the class calls the static member with request data',
      fileName: FILE,
      files: { '/p/src/route.ts': "import { Driver } from './driver';\nexport const h = (req: any) => Driver.nearest('x', req.query.op);\n" },
      code: driver('Driver.nearest(q, this.operator)'),
      errors: e,
    },
    {
      name: 'a file importing the class through a re-exporting index calls the static member with request data',
      fileName: FILE,
      files: { '/p/src/index.ts': "export * from './driver';\n", '/p/src/route.ts': "import { Driver } from './index';\nexport const h = (req: any) => Driver.nearest('x', req.query.op);\n" },
      code: driver('Driver.nearest(q, this.operator)'),
      errors: e,
    },
    {
      name: 'a file that never imports the class calls the static member through an instance it is handed',
      fileName: FILE,
      files: { '/p/src/route.ts': "export const h = (req: any, d: any) => d.constructor.nearest('x', req.query.op);\n" },
      code: driver('Driver.nearest(q, this.operator)'),
      errors: e,
    },
    {
      name: 'a subclass in the same file calls the inherited static member with request data',
      fileName: FILE,
      files: { '/p/src/make.ts': maker },
      code: `${driver('Driver.nearest(q, this.operator)')}export class Sub extends Driver {}\nexport const h = (req: any) => Sub.nearest('x', req.query.op);\n`,
      errors: e,
    },
    {
      name: 'the class object is held under another name that calls the static member with request data',
      fileName: FILE,
      files: { '/p/src/make.ts': maker },
      code: `${driver('Driver.nearest(q, this.operator)')}const registry = { vectors: Driver };\nexport const h = (req: any) => registry.vectors.nearest('x', req.query.op);\n`,
      errors: e,
    },
    {
      name: 'an instance method hands this.constructor to a name that calls the static member with request data',
      fileName: FILE,
      files: { '/p/src/make.ts': maker },
      code: driver('Driver.nearest(q, this.operator)').replace('  async search(q: string) {', '  raw(req: any) {\n    const kind: any = this.constructor;\n    return kind.nearest(\'x\', req.query.op);\n  }\n  async search(q: string) {'),
      errors: e,
    },
    {
      name: 'the file hands the class object on, and a file that never imports it names the member',
      fileName: FILE,
      files: { '/p/src/route.ts': "export const h = (req: any, kind: any) => kind.nearest('x', req.query.op);\n" },
      code: `${driver('Driver.nearest(q, this.operator)')}export const kinds = () => [Driver];\n`,
      errors: e,
    },
    {
      name: 'the class passes request data itself',
      fileName: FILE,
      files: { '/p/src/make.ts': maker },
      code: driver('Driver.nearest(q, this.operator)').replace('  async search(q: string) {', '  async raw(req: any) {\n    return Driver.nearest(\'x\', req.query.op);\n  }\n  async search(q: string) {'),
      errors: e,
    },
    {
      name: 'the getter returns a request field',
      fileName: FILE,
      files: { '/p/src/make.ts': maker },
      code: driver('Driver.nearest(q, this.operator)', undefined, "      case 'l2': return this.options.req.query.op;"),
      errors: e,
    },
    {
      name: 'a getter read on an instance returns a request field',
      fileName: FILE,
      files: { '/p/src/make.ts': maker },
      code: `${driver('Driver.nearest(q, this.operator)', undefined, "      case 'l2': return this.options.req.query.op;")}export const rank = (q: string) => {\n  const d = new Driver();\n  return new Pool().query(\`SELECT * FROM items ORDER BY embedding \${d.operator} $1\`, [q]);\n};\n`,
      errors: [...e, ...e],
    },
    {
      name: 'the static member is handed out as a value',
      fileName: FILE,
      files: { '/p/src/make.ts': maker },
      code: `${driver('Driver.nearest(q, this.operator)')}export const nearest = Driver.nearest;\n`,
      errors: e,
    },
    {
      name: 'a file with no project facts (a lone file) keeps the static member published',
      fileName: FILE,
      code: driver('Driver.nearest(q, this.operator)'),
      errors: e,
    },
  ],
});
