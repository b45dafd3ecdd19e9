import * as assert from 'assert';
import { checkIgnoreFile, checkNginx } from './snippets/config-checks';
import { checkDockerfile } from './snippets/dockerfile-check';
import { guideAnchorOf } from './snippets/library';
import { checkSql } from './snippets/sql-check';

/** The structural checks the snippet tests use for languages without a tree-sitter grammar must catch mistakes. */
describe('snippet syntax checks', () => {
  describe('SQL', () => {
    it('accepts complete statements, strings with quotes, comments and $1 parameters', () => {
      assert.deepStrictEqual(checkSql("-- note\nSELECT 'it''s' FROM t WHERE a = $1;\nBEGIN;\nCOMMIT;"), []);
    });
    const broken: [string, string, RegExp][] = [
      ['a missing semicolon', 'SELECT a FROM t', /does not end with ';'/],
      ['an unclosed parenthesis', 'SELECT a FROM t WHERE (a = 1;', /unclosed '\('/],
      ['an extra parenthesis', 'SELECT a FROM t WHERE a = 1);', /unbalanced '\)'/],
      ['an unterminated string', "SELECT 'abc FROM t;", /unterminated string/],
      ['a statement that is not one', 'users SET a = 1;', /not a statement keyword/],
      ['snippet syntax left behind', 'SELECT ${1:a} FROM t;', /snippet syntax/],
    ];
    for (const [name, sql, problem] of broken) {
      it(`rejects ${name}`, () => assert.match(checkSql(sql).join('\n'), problem));
    }
  });

  describe('Dockerfile', () => {
    const good = 'FROM node:22 AS deps\nRUN npm ci\nFROM node:22\nCOPY --from=deps /app /app\nUSER node\nCMD ["node", "a.js"]';
    it('accepts a multi-stage file and returns its shell commands', () => {
      assert.deepStrictEqual(checkDockerfile(good), { problems: [], shellCommands: [{ line: 2, command: 'npm ci' }] });
    });
    const broken: [string, string, RegExp][] = [
      ['a file that runs as root', 'FROM node:22\nCMD ["node", "a.js"]', /runs as root/],
      ['an unknown instruction', 'FROM node:22\nRUNN npm ci\nUSER node', /unknown instruction 'RUNN'/],
      ['an exec form that is not JSON', 'FROM node:22\nUSER node\nCMD ["node", a.js]', /not a JSON array/],
      ['a stage that does not exist', 'FROM node:22\nCOPY --from=build /a /a\nUSER node', /names no earlier stage/],
      ['a file that does not start with FROM', 'RUN echo\nFROM node:22\nUSER node', /first instruction/],
    ];
    for (const [name, text, problem] of broken) {
      it(`rejects ${name}`, () => assert.match(checkDockerfile(text).problems.join('\n'), problem));
    }
  });

  describe('Nginx', () => {
    it('accepts an upstream and a server block', () => {
      assert.deepStrictEqual(checkNginx('upstream api {\n  server 127.0.0.1:3000;\n}\nserver {\n  listen 80;\n  location / {\n    proxy_pass http://api;\n  }\n}'), []);
    });
    const broken: [string, string, RegExp][] = [
      ['a missing semicolon', 'server {\n  listen 80\n}', /does not end with ';'/],
      ['an unknown directive', 'server {\n  lisen 80;\n}', /unknown directive 'lisen'/],
      ['an unclosed block', 'server {\n  listen 80;', /never closed/],
      ['a stray closing brace', 'listen 80;\n}', /without a matching/],
    ];
    for (const [name, text, problem] of broken) {
      it(`rejects ${name}`, () => assert.match(checkNginx(text).join('\n'), problem));
    }
  });

  describe('ignore files', () => {
    it('accepts patterns, negations and comments', () => assert.deepStrictEqual(checkIgnoreFile('# c\n.env\n!.env.example\nnode_modules'), []));
    it('rejects a pattern with trailing whitespace', () => assert.match(checkIgnoreFile('.env \n').join('\n'), /whitespace/));
  });

  describe('guide references', () => {
    it('reads the anchor at the end of a description', () => {
      assert.strictEqual(guideAnchorOf('Does things. Guide: apis#rest-resources'), 'apis#rest-resources');
      assert.strictEqual(guideAnchorOf('Guide: apis#rest-resources, then more text'), undefined);
      assert.strictEqual(guideAnchorOf('No reference'), undefined);
    });
  });
});
