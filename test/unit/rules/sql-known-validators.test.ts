import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { runRuleTests } from '../../../src/testing/rule-tester';

// Values a known validator (uuid's `validate`, validator.js's `isUUID`, `isInt`, ...) vouched for before they
// reach SQL text: a guard that throws or returns unless the check passes, directly before the use or in a loop
// over every element of the array the text is then built from. A check whose result is ignored, that only skips
// one element, that sits in a branch of the loop, or that checks another array, proves nothing.

const ts = { languageId: 'typescript' as const, fileName: '/p/src/services/import.ts' };

const loopOver = (check: string, walked = 'items'): string =>
  "import { validate } from 'uuid'\n" +
  'export async function importItems(items: any[], repo: any) {\n' +
  `  for (const data of items) {\n    ${check}\n  }\n` +
  "  let ids = '('\n" +
  `  ${walked}.forEach((item) => { ids += \`'\${item.id}',\` })\n` +
  "  return repo.createQueryBuilder('t').where(`t.id IN ${ids})`).getMany()\n}\n";

runRuleTests(sqlConcatenation, {
  valid: [
    { ...ts, name: 'uuid validate() throws on a bad id before it is quoted', code: "import { validate } from 'uuid'\nexport async function byId(id: string, db: any) {\n  if (!validate(id)) throw new Error('bad id')\n  return db.query(`SELECT * FROM t WHERE id = '${id}'`)\n}\n" },
    { ...ts, name: 'validator.isUUID on a property, with an empty value let through', code: "import validator from 'validator'\nexport async function byOwner(input: any, db: any) {\n  if (input.owner && !validator.isUUID(input.owner)) return null\n  return db.query(`SELECT * FROM t WHERE owner = '${input.owner}'`)\n}\n" },
    { ...ts, name: 'a validator imported under another name, and one imported from its own file', code: "import { validate as isId } from 'uuid'\nimport isInt from 'validator/lib/isInt'\nexport async function page(id: string, n: string, db: any) {\n  if (!isId(id)) throw new Error('id')\n  if (!isInt(n)) throw new Error('n')\n  return db.query(`SELECT * FROM t WHERE id = '${id}' LIMIT ${n}`)\n}\n" },
    { ...ts, name: 'a loop throws on any element whose id fails, then the same array is walked to build an IN list', code: loopOver("if (data.id && !validate(data.id)) {\n      throw new Error('invalid id')\n    }") },
    { ...ts, name: 'the same, walked with for...of', code: "import { validate } from 'uuid'\nexport async function f(items: any[], repo: any) {\n  for (const d of items) if (!validate(d.id)) throw new Error('id')\n  let ids = ''\n  for (const item of items) ids += `'${item.id}',`\n  return repo.query(`SELECT * FROM t WHERE id IN (${ids})`)\n}\n" },
  ],
  invalid: [
    { ...ts, name: 'the result of the check is ignored', code: "import { validate } from 'uuid'\nexport async function byId(id: string, db: any) {\n  validate(id)\n  return db.query(`SELECT * FROM t WHERE id = '${id}'`)\n}\n", errors: [{ messageId: 'concatenated', line: 4 }] },
    { ...ts, name: 'a function of the file that happens to be called validate', code: "const validate = (s: string) => s.length > 0\nexport async function byId(id: string, db: any) {\n  if (!validate(id)) throw new Error('bad id')\n  return db.query(`SELECT * FROM t WHERE id = '${id}'`)\n}\n", errors: [{ messageId: 'concatenated', line: 4 }] },
    { ...ts, name: 'a validator that lets quotes through (isEmail) is not one of the known shapes', code: "import { isEmail } from 'validator'\nexport async function byMail(mail: string, db: any) {\n  if (!isEmail(mail)) throw new Error('bad')\n  return db.query(`SELECT * FROM t WHERE mail = '${mail}'`)\n}\n", errors: [{ messageId: 'concatenated', line: 4 }] },
    { ...ts, name: 'the loop only skips a bad element', code: loopOver('if (!validate(data.id)) continue'), errors: [{ messageId: 'concatenated', line: 8 }] },
    { ...ts, name: 'the check sits in a branch of the loop', code: loopOver("if (data.kind === 'a') {\n      if (!validate(data.id)) throw new Error('id')\n    }"), errors: [{ messageId: 'concatenated', line: 10 }] },
    { ...ts, name: 'the loop checks another property', code: loopOver("if (!validate(data.parentId)) throw new Error('id')"), errors: [{ messageId: 'concatenated', line: 8 }] },
    { ...ts, name: 'the loop checks one array, the text is built from another', code: loopOver("if (!validate(data.id)) throw new Error('id')", 'others'), errors: [{ messageId: 'concatenated', line: 8 }] },
  ],
});
