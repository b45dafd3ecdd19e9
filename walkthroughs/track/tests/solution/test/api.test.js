const assert = require('node:assert/strict');
const { after, before, test } = require('node:test');
const { createApp } = require('../src/app');
const { openDatabase } = require('../src/db');

// One app on a fresh in-memory database and a free port (0) for the whole file.
let server;
let base;

before(async () => {
  const db = await openDatabase(':memory:');
  server = createApp(db, { jwtSecret: 'test-secret-that-is-long-enough-0123456789' }).listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});

after(() => new Promise((resolve) => server.close(resolve)));

/** Sends a JSON request; returns the status and the parsed body. */
async function call(method, path, { body, token } = {}) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(base + path, { method, headers, body: body && JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function signUp(username) {
  const password = `${username}-correct-horse-battery`;
  assert.equal((await call('POST', '/users', { body: { username, password } })).status, 201);
  const { body } = await call('POST', '/sessions', { body: { username, password } });
  return body.token;
}

test('GET /health answers ok', async () => {
  assert.deepEqual(await call('GET', '/health'), { status: 200, body: { status: 'ok' } });
});

test('notes need a signed-in user', async () => {
  assert.equal((await call('GET', '/notes')).status, 401);
  assert.equal((await call('DELETE', '/notes/1')).status, 401);
});

test('a user cannot read or delete another user\'s note', async () => {
  const alice = await signUp('alice');
  const bob = await signUp('bob');
  const { body: note } = await call('POST', '/notes', { token: alice, body: { title: 'private' } });
  assert.equal((await call('GET', `/notes/${note.id}`, { token: bob })).status, 404);
  assert.equal((await call('DELETE', `/notes/${note.id}`, { token: bob })).status, 404);
  assert.equal((await call('GET', `/notes/${note.id}`, { token: alice })).status, 200);
});

test('a search term is data, not SQL', async () => {
  const carol = await signUp('carol');
  await call('POST', '/notes', { token: carol, body: { title: 'groceries' } });
  const { body } = await call('GET', `/notes?q=${encodeURIComponent("x' OR '1'='1")}`, { token: carol });
  assert.deepEqual(body, []);
});

test('an invalid note is refused with 400', async () => {
  const dave = await signUp('dave');
  assert.equal((await call('POST', '/notes', { token: dave, body: { title: '' } })).status, 400);
});
