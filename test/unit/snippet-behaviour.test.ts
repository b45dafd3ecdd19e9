import * as assert from 'assert';
import type { AddressInfo } from 'net';
import { Writable } from 'stream';
import express from 'express';
import { pino } from 'pino';
import { expandSnippet } from '../../src/engine/snippet-expand';
import { loadSnippetLibrary } from './snippets/library';

const library = loadSnippetLibrary();

/**
 * The CommonJS form of a snippet with every default, run as a function of the names it assumes; `modules`
 * replaces what some of its require() calls return.
 */
function runCommonJs(prefix: string, names: Record<string, unknown>, modules: Record<string, unknown> = {}): Record<string, unknown> {
  const snippet = library.nodeSnippets.find((s) => s.prefixes.includes(prefix) && s.form === 'commonjs');
  assert.ok(snippet, `no CommonJS form of ${prefix}`);
  const exports: Record<string, unknown> = {};
  const load = (id: string): unknown => (id in modules ? modules[id] : require(id));
  new Function('require', 'exports', ...Object.keys(names), expandSnippet(snippet.body))(load, exports, ...Object.values(names));
  return exports;
}

function logSink(): { sink: Writable; text: () => string } {
  const lines: string[] = [];
  return { sink: new Writable({ write(chunk: Buffer, _encoding, done) { lines.push(chunk.toString()); done(); } }), text: () => lines.join('') };
}

describe('what the logging snippets write', () => {
  it('bg-request-logging logs no query string, cookie, authorization or Set-Cookie value', async () => {
    const { sink, text } = logSink();
    const app = express();
    runCommonJs('bg-request-logging', { app, logger: pino({ level: 'info' }, sink) });
    app.get('/login', (req, res) => {
      res.cookie('sid', 'session-id-secret').json({ ok: true });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/login?token=query-token-secret`, {
        headers: { cookie: 'sid=cookie-secret', authorization: 'Bearer bearer-secret' },
      });
      assert.strictEqual(response.status, 200);
      await response.text();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const log = text();
    assert.match(log, /"url":"\/login"/, `the request was not logged:\n${log}`);
    for (const secret of ['query-token-secret', 'session-id-secret', 'cookie-secret', 'bearer-secret']) {
      assert.ok(!log.includes(secret), `${secret} reached the log:\n${log}`);
    }
  });

  it('bg-logger redacts the secrets a request log or a careless call can carry', () => {
    const { sink, text } = logSink();
    const { logger } = runCommonJs('bg-logger', {}, { pino: { pino: (options: pino.LoggerOptions) => pino(options, sink) } }) as { logger: pino.Logger };
    logger.info({
      req: { headers: { authorization: 'Bearer bearer-secret', cookie: 'sid=cookie-secret' }, query: { token: 'query-token-secret' } },
      res: { headers: { 'set-cookie': 'sid=session-id-secret' } },
      user: { password: 'password-secret', token: 'token-secret' },
    }, 'login');
    const log = text();
    assert.match(log, /"msg":"login"/, log);
    for (const secret of ['bearer-secret', 'cookie-secret', 'query-token-secret', 'session-id-secret', 'password-secret', 'token-secret']) {
      assert.ok(!log.includes(secret), `${secret} reached the log:\n${log}`);
    }
  });
});

describe('what bg-rate-limit lets through', () => {
  /** Status codes of sequential logins against the snippet's login limiters; a password 'right' succeeds. */
  async function loginStatuses(attempts: { email: string; password: string }[]): Promise<number[]> {
    const app = express();
    app.use(express.json());
    const { loginLimiters } = runCommonJs('bg-rate-limit', { app }) as { loginLimiters: express.RequestHandler[] };
    app.post('/login', ...loginLimiters, (req, res) => {
      res.status(req.body.password === 'right' ? 204 : 401).end();
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const statuses: number[] = [];
      for (const attempt of attempts) {
        const response = await fetch(`http://127.0.0.1:${port}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(attempt) });
        statuses.push(response.status);
      }
      return statuses;
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('counts only failed logins, and stops guessing at one account after 10 failures', async () => {
    const attempts = [
      ...Array.from({ length: 12 }, () => ({ email: 'someone@example.com', password: 'right' })),
      ...Array.from({ length: 11 }, () => ({ email: 'Victim@example.com ', password: 'wrong' })),
    ];
    const statuses = await loginStatuses(attempts);
    assert.deepStrictEqual(statuses.slice(0, 12), Array(12).fill(204), 'successful logins were limited');
    assert.deepStrictEqual(statuses.slice(12), [...Array(10).fill(401), 429]);
  });

  it('stops one address trying many accounts after 20 failures', async () => {
    const statuses = await loginStatuses(Array.from({ length: 21 }, (_, i) => ({ email: `user${i}@example.com`, password: 'wrong' })));
    assert.deepStrictEqual(statuses, [...Array(20).fill(401), 429]);
  });
});
