// Writes a deterministic corpus of realistic Express/Node/TypeScript backend code (about 1,000 files,
// about 3 MB) for the benchmark. Same seed, same files. Usage: node bench/generate-corpus.mjs DIR [FILES]
import fs from 'node:fs';
import path from 'node:path';

const ENTITIES = ['user', 'order', 'product', 'invoice', 'payment', 'customer', 'shipment', 'review', 'coupon', 'account',
  'session', 'category', 'inventory', 'supplier', 'ticket', 'message', 'notification', 'report', 'subscription', 'address'];
const FIELDS = ['name', 'email', 'status', 'total', 'price', 'quantity', 'createdAt', 'updatedAt', 'ownerId', 'title', 'description', 'currency', 'note'];

function rng(seed) {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 4294967296; };
}

const cap = (s) => s[0].toUpperCase() + s.slice(1);

function pickFields(rand) {
  const n = 3 + Math.floor(rand() * 5);
  const out = [];
  for (let i = 0; i < n; i++) { const f = FIELDS[Math.floor(rand() * FIELDS.length)]; if (!out.includes(f)) out.push(f); }
  return out;
}

function routerJs(e, rand) {
  const fields = pickFields(rand);
  const E = cap(e);
  const risky = rand() < 0.15;
  return `'use strict';
const express = require('express');
const { pool } = require('../db');
const { requireAuth } = require('../middleware/auth');
const { validate${E} } = require('../validators/${e}');

const router = express.Router();
const PAGE_SIZE = 25;

router.get('/', requireAuth, async (req, res, next) => {
  try {
    const page = Math.max(0, Number(req.query.page) || 0);
    const { rows } = await pool.query(
      'SELECT id, ${fields.join(', ')} FROM ${e}s ORDER BY id LIMIT $1 OFFSET $2',
      [PAGE_SIZE, page * PAGE_SIZE],
    );
    res.json({ items: rows, page });
  } catch (err) {
    next(err);
  }
});

router.get('/:id', requireAuth, async (req, res, next) => {
  try {
    ${risky ? `const { rows } = await pool.query("SELECT * FROM ${e}s WHERE id = " + req.params.id);` : `const { rows } = await pool.query('SELECT * FROM ${e}s WHERE id = $1', [req.params.id]);`}
    if (rows.length === 0) return res.status(404).json({ error: '${e} not found' });
    return res.json(rows[0]);
  } catch (err) {
    return next(err);
  }
});

router.post('/', requireAuth, async (req, res, next) => {
  const problems = validate${E}(req.body);
  if (problems.length) return res.status(422).json({ errors: problems });
  try {
    const { rows } = await pool.query(
      'INSERT INTO ${e}s (${fields.join(', ')}) VALUES (${fields.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id',
      [${fields.map((f) => `req.body.${f}`).join(', ')}],
    );
    return res.status(201).location(\`/${e}s/\${rows[0].id}\`).json(rows[0]);
  } catch (err) {
    return next(err);
  }
});

router.patch('/:id', requireAuth, async (req, res, next) => {
  const updates = Object.entries(req.body).filter(([key]) => ${JSON.stringify(fields)}.includes(key));
  if (updates.length === 0) return res.status(400).json({ error: 'nothing to update' });
  const sets = updates.map(([key], i) => \`\${key} = $\${i + 2}\`).join(', ');
  try {
    await pool.query(\`UPDATE ${e}s SET \${sets} WHERE id = $1\`, [req.params.id, ...updates.map(([, v]) => v)]);
    return res.status(204).end();
  } catch (err) {
    return next(err);
  }
});

router.delete('/:id', requireAuth, async (req, res, next) => {
  try {
    const result = await pool.query('DELETE FROM ${e}s WHERE id = $1', [req.params.id]);
    return result.rowCount ? res.status(204).end() : res.status(404).end();
  } catch (err) {
    return next(err);
  }
});

module.exports = router;
`;
}

function serviceTs(e, rand) {
  const E = cap(e);
  const fields = pickFields(rand);
  return `import type { Knex } from 'knex';
import { logger } from '../logger';

export interface ${E} {
  id: number;
${fields.map((f) => `  ${f}: ${f.endsWith('At') ? 'Date' : ['total', 'price', 'quantity', 'ownerId'].includes(f) ? 'number' : 'string'};`).join('\n')}
}

export interface ${E}Filter {
  search?: string;
  limit?: number;
  after?: number;
}

export class ${E}Service {
  constructor(private readonly db: Knex) {}

  async list(filter: ${E}Filter = {}): Promise<${E}[]> {
    const limit = Math.min(filter.limit ?? 20, 100);
    const query = this.db<${E}>('${e}s').select('*').orderBy('id').limit(limit);
    if (filter.after) query.where('id', '>', filter.after);
    if (filter.search) query.whereILike('${fields[0]}', \`%\${filter.search}%\`);
    return query;
  }

  async get(id: number): Promise<${E} | undefined> {
    return this.db<${E}>('${e}s').where({ id }).first();
  }

  async create(input: Omit<${E}, 'id'>): Promise<${E}> {
    const [row] = await this.db<${E}>('${e}s').insert(input).returning('*');
    logger.info({ id: row.id }, '${e} created');
    return row;
  }

  async update(id: number, patch: Partial<Omit<${E}, 'id'>>): Promise<${E} | undefined> {
    return this.db.transaction(async (trx) => {
      const existing = await trx<${E}>('${e}s').where({ id }).forUpdate().first();
      if (!existing) return undefined;
      const [row] = await trx<${E}>('${e}s').where({ id }).update(patch).returning('*');
      return row;
    });
  }

  async remove(id: number): Promise<boolean> {
    const count = await this.db('${e}s').where({ id }).del();
    return count > 0;
  }

  async countBy${cap(fields[0])}(): Promise<Record<string, number>> {
    const rows = await this.db('${e}s').select('${fields[0]}').count({ n: '*' }).groupBy('${fields[0]}');
    return Object.fromEntries(rows.map((r) => [String(r.${fields[0]}), Number(r.n)]));
  }
}
`;
}

function validatorJs(e, rand) {
  const fields = pickFields(rand);
  return `'use strict';

const MAX_LENGTH = 200;

/** Returns a list of problems with a ${e} payload; empty when it is valid. */
function validate${cap(e)}(body) {
  const problems = [];
  if (!body || typeof body !== 'object') return ['body must be a JSON object'];
${fields.map((f) => `  if (body.${f} === undefined) problems.push('${f} is required');
  else if (typeof body.${f} === 'string' && body.${f}.length > MAX_LENGTH) problems.push('${f} is too long');`).join('\n')}
  return problems;
}

module.exports = { validate${cap(e)} };
`;
}

function testJs(e) {
  return `const request = require('supertest');
const app = require('../src/app');

describe('/${e}s', () => {
  it('rejects anonymous requests', async () => {
    await request(app).get('/${e}s').expect(401);
  });

  it('validates the payload', async () => {
    const res = await request(app).post('/${e}s').set('Authorization', 'Bearer test').send({}).expect(422);
    expect(res.body.errors.length).toBeGreaterThan(0);
  });

  it('returns 404 for a missing ${e}', async () => {
    await request(app).get('/${e}s/999999').set('Authorization', 'Bearer test').expect(404);
  });
});
`;
}

function controllerTs(e, rand) {
  const E = cap(e);
  const risky = rand() < 0.1;
  return `import { Router, type Request, type Response, type NextFunction } from 'express';
import { ${E}Service } from '../services/${e}.service';
import { db } from '../db';
import { authenticate } from '../middleware/authenticate';

const service = new ${E}Service(db);
export const ${e}Router = Router();

${e}Router.use(authenticate);

${e}Router.get('/', async (req: Request, res: Response, next: NextFunction) => {
  try {
    const items = await service.list({ search: String(req.query.q ?? ''), after: Number(req.query.after) || undefined });
    res.json({ items, next: items.length ? items[items.length - 1].id : null });
  } catch (error) {
    next(error);
  }
});

${e}Router.get('/stats', async (_req: Request, res: Response, next: NextFunction) => {
  try {
    ${risky ? `const rows = await db.raw(\`SELECT status, count(*) FROM ${e}s WHERE owner = '\${_req.query.owner}' GROUP BY status\`);` : `const rows = await db.raw('SELECT status, count(*) FROM ${e}s WHERE owner = ? GROUP BY status', [String(_req.query.owner)]);`}
    res.json(rows);
  } catch (error) {
    next(error);
  }
});

${e}Router.get('/:id', async (req: Request, res: Response, next: NextFunction) => {
  try {
    const item = await service.get(Number(req.params.id));
    if (!item) {
      res.status(404).json({ error: '${e} not found' });
      return;
    }
    res.json(item);
  } catch (error) {
    next(error);
  }
});
`;
}

function utilJs(i, rand) {
  const n = 4 + Math.floor(rand() * 6);
  const fns = [];
  for (let k = 0; k < n; k++) {
    fns.push(`function helper${i}_${k}(items, key) {
  const groups = new Map();
  for (const item of items) {
    const value = item[key] ?? 'unknown';
    if (!groups.has(value)) groups.set(value, []);
    groups.get(value).push(item);
  }
  return [...groups.entries()].map(([value, list]) => ({ value, count: list.length, total: list.reduce((s, x) => s + (x.total || 0), 0) }));
}`);
  }
  return `'use strict';\n// Grouping and formatting helpers.\n\n${fns.join('\n\n')}\n\nconst log = (message) => console.log('[util ${i}] ' + message);\nlog('loaded ' + ${n} + ' helpers');\n\nmodule.exports = { ${fns.map((_, k) => `helper${i}_${k}`).join(', ')} };\n`;
}

const SHARED = {
  'src/db.js': `const { Pool } = require('pg');\n\nconst pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });\n\nmodule.exports = { pool };\n`,
  'src/logger.ts': `import pino from 'pino';\n\nexport const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', redact: ['req.headers.authorization'] });\n`,
  'src/middleware/auth.js': `const jwt = require('jsonwebtoken');\n\nfunction requireAuth(req, res, next) {\n  const token = (req.get('authorization') || '').replace(/^Bearer /, '');\n  try {\n    req.user = jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] });\n    next();\n  } catch {\n    res.status(401).json({ error: 'unauthorized' });\n  }\n}\n\nmodule.exports = { requireAuth };\n`,
  'src/app.js': `const express = require('express');\nconst helmet = require('helmet');\n\nconst app = express();\napp.use(helmet());\napp.use(express.json({ limit: '100kb' }));\n\nmodule.exports = app;\n`,
};

export function generateCorpus(dir, fileCount = 1000, seed = 42) {
  const rand = rng(seed);
  fs.rmSync(dir, { recursive: true, force: true });
  const write = (rel, text) => { const abs = path.join(dir, rel); fs.mkdirSync(path.dirname(abs), { recursive: true }); fs.writeFileSync(abs, text); };
  for (const [rel, text] of Object.entries(SHARED)) write(rel, text);
  let written = Object.keys(SHARED).length;
  const kinds = [
    (e, i) => [`src/routes/${e}-${i}.js`, routerJs(e, rand)],
    (e, i) => [`src/services/${e}-${i}.service.ts`, serviceTs(e, rand)],
    (e, i) => [`src/controllers/${e}-${i}.controller.ts`, controllerTs(e, rand)],
    (e, i) => [`src/validators/${e}-${i}.js`, validatorJs(e, rand)],
    (e, i) => [`test/${e}-${i}.test.js`, testJs(e)],
    (_e, i) => [`src/utils/util-${i}.js`, utilJs(i, rand)],
  ];
  for (let i = 0; written < fileCount; i++) {
    const e = ENTITIES[Math.floor(rand() * ENTITIES.length)];
    const [rel, text] = kinds[i % kinds.length](e, i);
    write(rel, text);
    written++;
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) { console.error('usage: node bench/generate-corpus.mjs DIR [FILES]'); process.exit(2); }
  console.log(`${generateCorpus(path.resolve(dir), Number(process.argv[3]) || 1000)} files written to ${dir}`);
}
