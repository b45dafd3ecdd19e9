// The hostile shapes of issue 19, generated from fixed rules: used by `npm run bench:stress` at the sizes that were
// reported slow (1x) and ten times them (10x), and by the CLI output tests at small sizes.
// Each shape: a file name and its text for `n` repetitions, plus an optional config.
module.exports.SHAPES = [
  {
    name: 'chained route calls', unit: 'calls', sizes: [4000, 40000], small: 200, file: 'routes.js',
    text: (n) => `const express = require('express');\nconst app = express();\nconst router = express.Router();\nrouter${Array.from({ length: n }, (_, i) => (i % 2 ? `\n  .get('/r${i}', (req, res) => res.send('x'))` : `\n  .delete('/r${i}', (req, res) => db.query('DELETE FROM t'))`)).join('')};\napp.use('/api', router);\napp.listen(3000);\n`,
  },
  {
    name: 'q += lines feeding a query', unit: 'lines', sizes: [20000, 200000], small: 500, file: 'plus.js',
    text: (n) => `const { Pool } = require('pg');\nconst db = new Pool();\nfunction f(req) {\n  let q = 'SELECT * FROM t WHERE 1 = 1';\n${Array.from({ length: n }, (_, i) => `  q += ' AND c${i} = ' + req.query.v${i % 10};\n`).join('')}  return db.query(q);\n}\nmodule.exports = f;\n`,
  },
  {
    name: 'nested db.query( calls', unit: 'levels', sizes: [10000, 100000], small: 150, file: 'nested.js',
    text: (n) => `const { Pool } = require('pg');\nconst db = new Pool();\nfunction g(req) { return ${"db.query('SELECT * FROM t WHERE id = ' + req.query.x +\n".repeat(n)}1${')'.repeat(n)}; }\nmodule.exports = g;\n`,
  },
  {
    name: 'backtracking ignore glob', unit: 'stars', sizes: [5, 50], small: 50, file: `${'a'.repeat(100)}.js`,
    text: () => `const { Pool } = require('pg');\nconst db = new Pool();\nmodule.exports = (req) => db.query('SELECT * FROM t WHERE id = ' + req.query.id);\n`,
    config: (n) => `ignore:\n  - '${'*a'.repeat(n)}*!'\n`,
  },
  {
    name: 'backtracking public-route pattern', unit: 'globstars', sizes: [12, 120], small: 120, file: 'app.js',
    text: () => `const express = require('express');\nconst app = express();\n${Array.from({ length: 50 }, (_, i) => `app.delete('/${'a/'.repeat(20)}x${i}', (req, res) => db.query('DELETE FROM t'));\n`).join('')}app.listen(3000);\n`,
    config: (n) => `auth:\n  publicRoutes:\n    - '${'/**'.repeat(n)}/y'\n`,
  },
];
