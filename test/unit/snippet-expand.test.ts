import * as assert from 'assert';
import { expandSnippet, outlineSnippet, parseSnippet } from '../../src/engine/snippet-expand';

describe('snippet expansion', () => {
  const cases: [string, string, string][] = [
    ['plain text', 'const a = 1;', 'const a = 1;'],
    ['bare and braced tab stops expand to nothing', 'a$1b${2}c$0', 'abc'],
    ['a placeholder gives its default', 'const ${1:name} = 1;', 'const name = 1;'],
    ['a mirror takes the default of the first placeholder with one', '$1 ${1:x} ${1:y}', 'x x x'],
    ['a choice gives its first option, and its mirrors too', "client: '${1|pg,mysql2,sqlite3|}' // $1", "client: 'pg' // pg"],
    ['escaped commas, pipes and backslashes in choices', '${1|a\\,b,c\\|d,e\\\\f|}', 'a,b'],
    ['nested placeholders', '${1:router.${2:get}(${3:path})}', 'router.get(path)'],
    ['a mirror of an outer placeholder carries its nested defaults', '${1:a ${2:b}} / $1 / $2', 'a b / a b / b'],
    ['escaped dollar, brace and backslash', 'price \\$1 \\} \\\\ \\n', 'price $1 } \\ \\n'],
    ['a JavaScript template literal written with \\${', 'const s = `id \\${id}`;', 'const s = `id ${id}`;'],
    ['dollar before a space or at the end is text', 'a $ b $', 'a $ b $'],
    ['an unclosed placeholder keeps its opening as text', 'x ${1:abc', 'x ${1:abc'],
    ['a choice on tab stop 0 is text', '${0|a,b|}', '${0|a,b|}'],
    ['a choice without its closing |} is text', '${1|a,b}', '${1|a,b}'],
    ['final tab stop with a default', '${0:done}', 'done'],
    ['braces that are not snippet syntax stay', 'function f() { return {}; }', 'function f() { return {}; }'],
    ['a known variable without a value shows its default', '${TM_SELECTED_TEXT:body}', 'body'],
    ['a known variable without a value or default is empty', 'x${TM_SELECTED_TEXT}y', 'xy'],
    ['an unknown variable becomes a placeholder of its name, as in snippet files', 'prisma.$queryRaw', 'prisma.queryRaw'],
    ['an unknown variable with a default shows the default', '${nope:fallback}', 'fallback'],
    ['a placeholder transform runs on the default', '${1:user} ${1/(.*)/${1:/upcase}/}', 'user USER'],
    ['transform shorthands', '${1:get user}|${1/(.*)/${1:/pascalcase}/}|${1/(.*)/${1:/camelcase}/}|${1/(.*)/${1:/capitalize}/}', 'get user|GetUser|getUser|Get user'],
    ['transform if/else', '${1:x}${1/(y)?/${1:?yes:no}/}', 'xnox'],
    ['global transform with an escaped slash', '${1:a/b/c}:${1/\\//-/g}', 'a/b/c:a-b-c'],
  ];
  for (const [name, body, expected] of cases) {
    it(name, () => assert.strictEqual(expandSnippet(body), expected));
  }

  it('joins a body given as lines with newlines', () => {
    assert.strictEqual(expandSnippet(['a ${1:b}', '\tc']), 'a b\n\tc');
  });

  it('resolves variables from the given values and applies their transforms', () => {
    const variables = { TM_FILENAME: 'users.router.js', TM_FILENAME_BASE: 'users.router' };
    assert.strictEqual(expandSnippet('// $TM_FILENAME', { variables }), '// users.router.js');
    assert.strictEqual(expandSnippet('${TM_FILENAME_BASE/(\\w+).*/${1:/capitalize}/}', { variables }), 'Users');
  });

  it('leaves tab-stop transforms out when asked for the text right after insertion', () => {
    assert.strictEqual(expandSnippet('${1:user} ${1/(.*)/${1:/upcase}/}', { applyTransforms: false }), 'user user');
  });

  it('does not loop on placeholders that mirror each other', () => {
    assert.strictEqual(expandSnippet('${1:a $2} ${2:b $1}'), 'a b  b a ');
  });

  it('parses into text, tab stops and variables', () => {
    assert.deepStrictEqual(parseSnippet('a ${1:b} $X'), [
      { kind: 'text', value: 'a ' },
      { kind: 'tabstop', index: 1, children: [{ kind: 'text', value: 'b' }] },
      { kind: 'text', value: ' ' },
      { kind: 'variable', name: 'X', children: [] },
    ]);
  });

  it('outlines tab stops, their defaults and choices, and the variables used', () => {
    const outline = outlineSnippet('${1|a,b|} $2 ${3:x} $3 $TM_FILENAME \\$HOME');
    assert.deepStrictEqual(outline.tabstops, [
      { index: 1, hasDefault: true, choices: ['a', 'b'], occurrences: 1 },
      { index: 2, hasDefault: false, occurrences: 1 },
      { index: 3, hasDefault: true, occurrences: 2 },
    ]);
    assert.deepStrictEqual(outline.variables, ['TM_FILENAME']);
  });
});
