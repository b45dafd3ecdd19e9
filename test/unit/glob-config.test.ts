import * as assert from 'assert';
import { readConfigText } from '../../src/engine/config';
import { matchesAnyGlob } from '../../src/engine/glob';

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
  ];
  for (const [glob, file, expected] of cases) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${file}`, () => assert.strictEqual(matchesAnyGlob(file, [glob]), expected));
  }
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
});
