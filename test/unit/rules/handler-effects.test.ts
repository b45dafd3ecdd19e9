import * as assert from 'assert';
import { limitsByAddress } from '../../../src/engine/rules/auth/handler-effects';

// What a handler's text says it does, read with regular expressions: each case below is read as a word
// boundary before the limiter's name would read it.

describe('handler effects: rate limiting by network address', () => {
  const byAddress = (limit: string) => `const ip = req.ip;\n${limit}\n`;

  it('sees a limiter (named in any case, alone or inside a longer name) called with a method', () => {
    for (const limit of ['await ratelimit.limit(ip);', 'apiRateLimiter . consume(ip)', 'RATE_LIMIT.check(ip)', 'loginLimiter.take(\n ip)', 'x.rate_limiter_v2.hit(ip)']) {
      assert.strictEqual(limitsByAddress(byAddress(limit)), true, limit);
    }
  });

  it('not a limiter called directly, a property read, or a name that only looks like one', () => {
    for (const limit of ['ratelimit(ip);', 'const n = limiter.count;', 'rate.limit(ip);', 'limit.er(ip);']) {
      assert.strictEqual(limitsByAddress(byAddress(limit)), false, limit);
    }
  });

  it('only where the address is read', () => {
    assert.strictEqual(limitsByAddress('await ratelimit.limit(user.id);\n'), false);
    assert.strictEqual(limitsByAddress("const ip = req.headers['x-forwarded-for'];\nawait ratelimit.limit(ip);\n"), true);
  });
});
