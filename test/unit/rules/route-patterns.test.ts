import * as assert from 'assert';
import { matchesRoutePattern, parseRoutePattern } from '../../../src/engine/rules/auth/auth-options';
import { pick, seededRandom } from '../../../src/testing/seeded-random';

/** What route patterns meant when they were regular expressions: the reference for small, harmless patterns. */
function referenceRoute(body: string): RegExp {
  let regex = '';
  for (const segment of (body.replace(/\/+$/, '') || '/').split('/').filter((s) => s)) {
    if (segment === '**') regex += '(?:/[^/]+)*';
    else if (segment === '*' || segment.startsWith(':')) regex += '/[^/]+';
    else regex += `/${segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}`;
  }
  return new RegExp(`^${regex || '/'}/?$`, 'i');
}

const routeMatches = (source: string, path: string, method = 'get') => matchesRoutePattern(parseRoutePattern(source)!, [method], path);

describe('route patterns (auth.publicRoutes, auth.sensitivePaths)', () => {
  it('match segments, any depth, parameters, case and a trailing slash', () => {
    assert.ok(routeMatches('/api/*/items', '/api/v1/items/'));
    assert.ok(!routeMatches('/api/*/items', '/api/items'));
    assert.ok(routeMatches('/API/**', '/api'));
    assert.ok(routeMatches('/files/*.csv', '/files/Report.CSV'));
    assert.ok(!routeMatches('/files/*.csv', '/files/a/b.csv'));
    assert.ok(routeMatches('/users/:id', '/users/7'));
    assert.ok(routeMatches('/a+b/(c)', '/a+b/(c)'));
    assert.ok(routeMatches('/', '/'));
  });

  it('answers patterns that make a backtracking matcher run for a minute', () => {
    const path = `${'/aaaaaaaaaa'.repeat(30)}/`;
    assert.strictEqual(routeMatches(`${'/**'.repeat(40)}/!`, path), false);
    assert.strictEqual(routeMatches(`${'/*a*a*a*a*'.repeat(10)}/!`, path), false);
    assert.strictEqual(routeMatches(`${'/**'.repeat(40)}`, path), true);
  });

  it('agrees with the former regular expressions on 3,000 generated patterns and paths (seed 43)', () => {
    const random = seededRandom(43);
    const segments = ['a', 'b', 'A', '*', '**', ':id', 'a*', '*b', 'a.b', '*a*'];
    for (let n = 0; n < 3000; n++) {
      const body = Array.from({ length: Math.floor(random() * 5) }, () => `/${pick(random, segments)}`).join('') + (random() < 0.2 ? '/' : '');
      const path = Array.from({ length: Math.floor(random() * 5) }, () => `/${pick(random, ['a', 'b', 'ab', 'B', 'a.b', ''])}`).join('') || '/';
      assert.strictEqual(routeMatches(body || '/', path), referenceRoute(body || '/').test(path), `${body} on ${path}`);
    }
  });
});
