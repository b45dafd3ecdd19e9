// Everyday code that builds strings containing SQL-ish words and calls methods named like query APIs.
const { exec, execFile } = require('child_process')
const axios = require('axios')
const logger = require('./logger')

function cleanUp(dir, file) {
  exec('rm -rf ' + dir) // clean
  exec(`find ${dir} -name "${file}" -delete`) // clean
  execFile('tar', ['czf', dir + '.tgz', dir]) // clean
}

function logDeletion(user, item) {
  logger.info('delete ' + item + ' requested by ' + user) // clean
  logger.query('Delete from cart: ' + item) // clean
  logger.execute(`update available: ${item}`) // clean
  console.log(`SELECT statement for ${item} took too long`) // clean
}

async function callApi(id, name) {
  await axios.get('/api/users/' + id) // clean
  await axios.get(`/api/select/${name}`) // clean
  await axios.delete('/api/items/' + id) // clean
  return fetch(`/api/update?name=${name}`) // clean
}

function routes(app, handlers) {
  app.get('/select/' + handlers.prefix, handlers.list) // clean
  app.all(`/admin/${handlers.section}/*`, handlers.guard) // clean
}

function cacheLookups(cache, key, regex, line) {
  const hit = cache.get('user:' + key) // clean
  const match = regex.exec('select ' + line) // clean
  return Promise.all([hit, match].map((x) => x)) // clean
}

function messages(t, count) {
  const text = 'Select a file: ' + t
  document.querySelector('#status').textContent = text
  return window.confirm('Delete ' + count + ' items?')
}

function graphql(client, id) {
  return client.query({ query: 'query User($id: ID!) { user(id: $id) { name } }', variables: { id } }) // clean
}

function elastic(es, term) {
  return es.search({ index: 'products', query: { match: { title: term } } })
}

function jobs(queue, name) {
  return queue.run('process ' + name) // clean
}

function shell(ssh, host) {
  return ssh.execute('select-editor --host ' + host) // clean
}

module.exports = { cleanUp, logDeletion, callApi, routes, cacheLookups, messages, graphql, elastic, jobs, shell }
