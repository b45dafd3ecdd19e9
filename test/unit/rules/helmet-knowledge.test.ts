import * as assert from 'assert';
import { FACTORIES, MAY_HOLD_FACTS, ROUTE_METHODS } from '../../../src/engine/project/frameworks';
import { HEADER_MIDDLEWARE, headersOfPackageCall, headersSetInCode, MAIN_HEADERS } from '../../../src/engine/rules/helmet/header-middleware';

describe('helmet knowledge: header middleware', () => {
  it('knows that helmet() sets everything', () => {
    assert.strictEqual(headersOfPackageCall('helmet', []), 'all');
  });

  it('maps each individual middleware to its header', () => {
    assert.deepStrictEqual(headersOfPackageCall('helmet', ['hsts']), ['Strict-Transport-Security']);
    assert.deepStrictEqual(headersOfPackageCall('helmet', ['frameguard']), ['X-Frame-Options']);
    assert.deepStrictEqual(headersOfPackageCall('lusca', ['nosniff']), ['X-Content-Type-Options']);
    assert.deepStrictEqual(headersOfPackageCall('helmet-csp', []), ['Content-Security-Policy']);
    assert.strictEqual(headersOfPackageCall('helmet', ['hidePoweredBy']), undefined, 'hiding X-Powered-By sets no security header');
    assert.strictEqual(headersOfPackageCall('cors', []), undefined);
  });

  it('covers each main header with at least one Helmet middleware', () => {
    for (const header of MAIN_HEADERS) {
      assert.ok(HEADER_MIDDLEWARE.some((m) => m.package === 'helmet' && m.headers !== 'all' && m.headers.includes(header)), header);
    }
  });

  it('lists no entry twice', () => {
    const keys = HEADER_MIDDLEWARE.map((m) => `${m.package}:${m.member.join('.')}`);
    assert.deepStrictEqual([...new Set(keys)], keys);
  });

  it('reads headers set by hand', () => {
    assert.deepStrictEqual(headersSetInCode("res.setHeader('X-Frame-Options', 'DENY'); res.set(\"content-security-policy\", p); res.header('X-Other', 1);").sort(), ['Content-Security-Policy', 'X-Frame-Options']);
  });
});

describe('project knowledge: frameworks', () => {
  it('has one factory per module, import and member', () => {
    const keys = FACTORIES.flatMap((f) => f.imports.map((i) => `${f.module}:${i}:${f.member.join('.')}`));
    assert.deepStrictEqual([...new Set(keys)], keys);
  });

  it('lists the HTTP route methods', () => {
    for (const method of ['get', 'post', 'put', 'patch', 'delete', 'all']) assert.ok(ROUTE_METHODS.includes(method), method);
  });

  it('lets through files that may hold app facts and skips plain modules', () => {
    for (const text of ["require('express')", 'router.post("/x", h)', 'export * from "./a"', 'export default helmet()', 'exports.create = async (req, res) => {}', "import { Controller } from '@nestjs/common'"]) {
      assert.ok(MAY_HOLD_FACTS.test(text), text);
    }
    for (const text of ['export function add(a, b) { return a + b; }', 'const total = items.reduce((s, i) => s + i.price, 0);', 'export const theme = { color: "red" };']) {
      assert.ok(!MAY_HOLD_FACTS.test(text), text);
    }
  });
});
