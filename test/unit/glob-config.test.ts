import * as assert from 'assert';
import { MAX_LIST_ENTRIES, readConfigText } from '../../src/engine/config';
import { ignoreMatcher } from '../../src/engine/glob';
import { pick, seededRandom } from '../../src/testing/seeded-random';

const matches = (file: string, glob: string) => ignoreMatcher([glob])(file);

/** What ignore globs meant when they were regular expressions: the reference for small, harmless patterns. */
function referenceGlob(glob: string): RegExp {
  const source = (g: string): string => {
    let out = '';
    for (let i = 0; i < g.length; i++) {
      const c = g[i];
      if (c === '*' && g[i + 1] === '*') {
        const slashAfter = g[i + 2] === '/';
        out += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else if (c === '*') out += '[^/]*';
      else if (c === '?') out += '[^/]';
      else if (c === '{') {
        const close = g.indexOf('}', i);
        out += `(?:${g.slice(i + 1, close).split(',').map(source).join('|')})`;
        i = close;
      } else out += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
    }
    return out;
  };
  const trimmed = glob.replace(/^\.\//, '').replace(/\/$/, '');
  const anchored = trimmed.includes('/') ? `^${source(trimmed.replace(/^\//, ''))}` : `(?:^|/)${source(trimmed)}`;
  return new RegExp(`${anchored}(?:/.*)?$`);
}

describe('ignore globs', () => {
  const cases: [string, string, boolean][] = [
    ['legacy/**', 'legacy/a/b.js', true],
    ['legacy/**', 'src/legacy/b.js', false],
    ['legacy', 'src/legacy/b.js', true],
    ['*.generated.ts', 'src/api.generated.ts', true],
    ['*.generated.ts', 'src/api.ts', false],
    ['src/**/*.test.{js,ts}', 'src/a/b/c.test.ts', true],
    ['src/**/*.test.{js,ts}', 'src/c.test.js', true],
    ['src/**/*.test.{js,ts}', 'lib/c.test.js', false],
    ['scripts/?.js', 'scripts/a.js', true],
    ['scripts/?.js', 'scripts/ab.js', false],
    ['{a,{b,c}x}/y', 'cx/y', true],
    ['{a,{b,c}x}/y', 'c/y', false],
    ['./dist/', 'dist/app.js', true],
    ['(a)+[b].js', 'src/(a)+[b].js', true],
  ];
  for (const [glob, file, expected] of cases) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${file}`, () => assert.strictEqual(matches(file, glob), expected));
  }

  it('matches Windows separators as /', () => assert.ok(matches('src\\legacy\\b.js', 'src/legacy/**')));

  it('answers patterns that make a backtracking matcher run for minutes (stars before a character that never comes)', () => {
    const path = `${'a'.repeat(100)}/${'a'.repeat(100)}`;
    assert.strictEqual(matches(path, '*a*a*a*a*a*a*a*a*a*a*a*a*!'), false);
    assert.strictEqual(matches(path, '**a**a**a**a**a**a**a**a**a**!'), false);
    assert.strictEqual(matches(path, `${'*a'.repeat(30)}`), true);
    assert.strictEqual(matches(`${'a/'.repeat(200)}b`, `${'**/'.repeat(40)}c`), false);
  });

  it('agrees with the former regular expressions on 3,000 generated patterns and paths (seed 41)', () => {
    const random = seededRandom(41);
    const pieces = ['a', 'b', '/', '*', '**', '**/', '?', '{a,b}', '{a/b,b*}', '.'];
    for (let n = 0; n < 3000; n++) {
      const glob = Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(random, pieces)).join('');
      const path = Array.from({ length: Math.floor(random() * 10) }, () => pick(random, ['a', 'b', '/', '.'])).join('');
      assert.strictEqual(matches(path, glob), referenceGlob(glob).test(path), `${glob} on ${path}`);
    }
  });
});

describe('.backendguide.yaml', () => {
  it('reads rule severities, ignores, limits and rule option sections', () => {
    const { config, problems } = readConfigText('rules:\n  sql-concatenation: error\n  missing-auth: off\nignore: ["legacy/**"]\nmaxFileSizeKb: 10\nauth:\n  middleware: [mustBeAdmin]\n');
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(config.rules, { 'sql-concatenation': 'error', 'missing-auth': 'off' });
    assert.deepStrictEqual(config.ignore, ['legacy/**']);
    assert.strictEqual(config.maxFileSizeBytes, 10 * 1024);
    assert.deepStrictEqual(config.options.auth, { middleware: ['mustBeAdmin'] });
  });

  it('reports bad entries and keeps the defaults for them, never throwing', () => {
    const { config, problems } = readConfigText('rules:\n  sql-concatenation: loud\nignore: 3\nmaxFileSizeKb: -1\nunknown: 1\n');
    assert.deepStrictEqual(config.rules, {});
    assert.strictEqual(problems.length, 4);
    assert.match(problems[0], /severity "loud"/);
    const broken = readConfigText('rules: [\n');
    assert.match(broken.problems[0], /not valid YAML/);
  });

  it('keeps the first entries of a list of 150,000 ignore patterns and says so, instead of throwing', () => {
    const text = `ignore:\n${Array.from({ length: 150_000 }, (_, i) => `  - "gen/${i}/**"`).join('\n')}\nrules:\n  missing-auth: off\n`;
    const { config, problems } = readConfigText(text);
    assert.strictEqual(config.ignore.length, MAX_LIST_ENTRIES);
    assert.strictEqual(config.ignore[0], 'gen/0/**');
    assert.deepStrictEqual(config.rules, { 'missing-auth': 'off' }, 'the rest of the file still applies');
    assert.deepStrictEqual(problems, [`.backendguide.yaml: 'ignore' has 150000 entries; only the first ${MAX_LIST_ENTRIES} are used`]);
  });

  it('caps the lists of rule sections and drops overlong patterns, with a problem each', () => {
    const routes = Array.from({ length: MAX_LIST_ENTRIES + 5 }, (_, i) => `/r${i}`);
    const { config, problems } = readConfigText(JSON.stringify({ auth: { publicRoutes: routes, sensitivePaths: [`/${'a'.repeat(600)}`, '/ok'] } }));
    const auth = config.options.auth as Record<string, string[]>;
    assert.strictEqual(auth.publicRoutes.length, MAX_LIST_ENTRIES);
    assert.deepStrictEqual(auth.sensitivePaths, ['/ok']);
    assert.strictEqual(problems.length, 2);
    assert.match(problems[0], /'auth\.publicRoutes' has 1005 entries/);
    assert.match(problems[1], /'auth\.sensitivePaths' has 1 entry longer than 500 characters/);
  });
});
