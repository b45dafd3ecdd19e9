import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * A project whose findings span every rule and cross files: apps created in one file, routers mounted from
 * others, an auth middleware applied in some routers and missing in others, SQL built from request data.
 */
export function generatedProject(routers: number): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bg-parallel-'));
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  };
  write('package.json', JSON.stringify({ name: 'generated', dependencies: { express: '^4.0.0', mysql2: '^3.0.0' } }));
  write('src/db.js', "const mysql = require('mysql2');\nmodule.exports.pool = mysql.createPool({});\n");
  write('src/auth.js', "module.exports.requireAuth = (req, res, next) => {\n  if (!req.user) return res.status(401).end();\n  next();\n};\n");
  const mounts: string[] = [];
  for (let i = 0; i < routers; i++) {
    const guarded = i % 3 !== 0;
    write(`src/routes/thing${i}.js`, [
      "const express = require('express');",
      "const { pool } = require('../db');",
      "const { requireAuth } = require('../auth');",
      'const router = express.Router();',
      `router.get('/thing${i}/:id', ${guarded ? 'requireAuth, ' : ''}(req, res) => {`,
      `  pool.query("SELECT * FROM thing${i} WHERE id = " + req.params.id, (err, rows) => res.json(rows));`,
      '});',
      `router.post('/thing${i}', ${guarded ? 'requireAuth, ' : ''}(req, res) => {`,
      `  pool.query('INSERT INTO thing${i} (name) VALUES (?)', [req.body.name]).then(() => res.status(201).end());`,
      '});',
      `router.delete('/thing${i}/:id', (req, res) => pool.query('DELETE FROM thing${i} WHERE id = ?', [req.params.id]).then(() => res.end()));`,
      'module.exports = router;',
      '',
    ].join('\n'));
    mounts.push(`app.use('/api', require('./routes/thing${i}'));`);
  }
  write('src/app.js', ["const express = require('express');", 'const app = express();', 'app.use(express.json());', ...mounts, 'app.listen(3000);', ''].join('\n'));
  write('src/admin.js', "const express = require('express');\nconst admin = express();\nadmin.post('/reset', (req, res) => res.end());\nadmin.listen(3001);\n");
  // Python: a Flask app whose hook in another module sets some headers, and one that sets none
  write('py/web/app.py', "from flask import Flask\n\napp = Flask(__name__)\n\nfrom web import hooks\n");
  write('py/web/hooks.py', "from web.app import app\n\n@app.after_request\ndef headers(response):\n    response.headers['X-Frame-Options'] = 'DENY'\n    return response\n");
  write('py/admin/app.py', "from fastapi import FastAPI\n\napp = FastAPI()\n");
  write('test/routes.test.js', "const { pool } = require('../src/db');\npool.query('SELECT 1 FROM x WHERE id = ' + process.argv[2]);\n");
  return root;
}
