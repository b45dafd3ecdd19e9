/**
 * The sample API the "Build a secure REST API" walkthrough works on: Express 5 and SQLite
 * (better-sqlite3, no database server to install). Three issues are left in on purpose, one per rule:
 * a concatenated query (products.js), an unprotected delete (orders.js), no Helmet (app.js).
 */
export const SAMPLE_FOLDER_NAME = 'backend-guide-sample';

const PACKAGE_JSON = `{
  "name": "backend-guide-sample",
  "version": "1.0.0",
  "private": true,
  "description": "A small shop API to practise on with the Backend Guide walkthroughs.",
  "main": "src/app.js",
  "scripts": {
    "start": "node src/app.js"
  },
  "engines": {
    "node": ">=22"
  },
  "dependencies": {
    "better-sqlite3": "^12.5.0",
    "express": "^5.1.0"
  }
}
`;

const README = `# Backend Guide sample shop API

A small REST API (Express 5 + SQLite) with three security problems left in on purpose.
The **Build a secure REST API** walkthrough takes you through fixing them; Backend Guide's
diagnostics tell you when each one is fixed.

| file | problem | guide section |
| --- | --- | --- |
| \`src/routes/products.js\` | a query built by string concatenation (SQL injection) | Security: SQL injection |
| \`src/routes/orders.js\` | \`DELETE /orders/:id\` has no authentication check | APIs: Protecting endpoints |
| \`src/app.js\` | no HTTP security headers (Helmet is not applied) | Security: HTTP security headers and Helmet |

## Run it

\`\`\`sh
npm install
npm start
\`\`\`

The server listens on http://localhost:3000 and prints a demo API token on first start.

\`\`\`sh
curl http://localhost:3000/products?category=tools
curl -H "Authorization: Bearer <token>" http://localhost:3000/orders
\`\`\`

To go back to the walkthrough: Command Palette, **Welcome: Open Walkthrough...**, **Build a secure REST API**.
`;

const DB = `const path = require('node:path');
const crypto = require('node:crypto');
const Database = require('better-sqlite3');

const db = new Database(process.env.DATABASE_FILE || path.join(__dirname, '..', 'shop.db'));
db.pragma('journal_mode = WAL');
db.pragma('foreign_keys = ON');

db.exec(\`
  CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    token_sha256 TEXT NOT NULL UNIQUE
  );
  CREATE TABLE IF NOT EXISTS products (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
    stock INTEGER NOT NULL CHECK (stock >= 0)
  );
  CREATE INDEX IF NOT EXISTS products_category ON products (category);
  CREATE TABLE IF NOT EXISTS orders (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    product_id INTEGER NOT NULL REFERENCES products (id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
  );
\`);

/**
 * Runs one SQL statement. Values always travel in \`params\` and are bound by the driver; the SQL text
 * itself must be a constant. Reads return rows; writes return { changes, lastInsertRowid }.
 */
function query(sql, params = []) {
  const statement = db.prepare(sql);
  return statement.reader ? statement.all(params) : statement.run(params);
}

/** Wraps \`fn\` in a transaction: every statement in it commits together or not at all. */
function transaction(fn) {
  return db.transaction(fn);
}

function hashToken(token) {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Fills an empty database with a few products and a demo user; returns the demo user's token once. */
function seed() {
  const [{ count }] = query('SELECT COUNT(*) AS count FROM users');
  if (count > 0) return undefined;
  const token = crypto.randomBytes(24).toString('base64url');
  transaction(() => {
    query('INSERT INTO users (name, token_sha256) VALUES (?, ?)', ['Ada', hashToken(token)]);
    const products = [
      ['Claw hammer', 'tools', 1899, 12],
      ['Cordless drill', 'tools', 8900, 4],
      ['Oak shelf', 'furniture', 4500, 7],
    ];
    for (const product of products) query('INSERT INTO products (name, category, price_cents, stock) VALUES (?, ?, ?, ?)', product);
  })();
  return token;
}

module.exports = { query, transaction, hashToken, seed, close: () => db.close() };
`;

const AUTH = `const db = require('../db');

/**
 * Authenticates the request from its bearer token and puts the user on req.user; answers 401 otherwise.
 * Tokens are stored as SHA-256 hashes, so a leaked database does not leak working tokens.
 */
function requireAuth(req, res, next) {
  const match = /^Bearer (\\S+)$/.exec(req.get('authorization') ?? '');
  const [user] = match ? db.query('SELECT id, name FROM users WHERE token_sha256 = ?', [db.hashToken(match[1])]) : [];
  if (!user) return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'unauthenticated' });
  req.user = user;
  next();
}

module.exports = { requireAuth };
`;

const PRODUCTS = `const express = require('express');
const db = require('../db');

const router = express.Router();

// GET /products?category=tools lists the products, optionally of one category.
router.get('/', (req, res) => {
  const category = req.query.category;
  const rows = typeof category === 'string'
    ? db.query("SELECT id, name, category, price_cents, stock FROM products WHERE category = '" + category + "' ORDER BY id")
    : db.query('SELECT id, name, category, price_cents, stock FROM products ORDER BY id');
  res.json({ data: rows });
});

// GET /products/:id returns one product or 404.
router.get('/:id', (req, res) => {
  const [product] = db.query('SELECT id, name, category, price_cents, stock FROM products WHERE id = ?', [req.params.id]);
  if (!product) return res.status(404).json({ error: 'not_found' });
  res.json(product);
});

module.exports = router;
`;

const ORDERS = `const express = require('express');
const db = require('../db');
const { requireAuth } = require('../middleware/auth');

const router = express.Router();

// GET /orders lists the signed-in user's orders.
router.get('/', requireAuth, (req, res) => {
  const rows = db.query('SELECT id, product_id, quantity, created_at FROM orders WHERE user_id = ? ORDER BY id', [req.user.id]);
  res.json({ data: rows });
});

// POST /orders places an order; stock and order change together or not at all.
router.post('/', requireAuth, (req, res) => {
  const productId = Number(req.body?.productId);
  const quantity = Number(req.body?.quantity);
  if (!Number.isInteger(productId) || !Number.isInteger(quantity) || quantity < 1 || quantity > 100) {
    return res.status(400).json({ error: 'invalid_order', detail: 'productId and quantity (1-100) must be whole numbers' });
  }
  const placeOrder = db.transaction(() => {
    const updated = db.query('UPDATE products SET stock = stock - ? WHERE id = ? AND stock >= ?', [quantity, productId, quantity]);
    if (updated.changes === 0) return undefined;
    return db.query('INSERT INTO orders (user_id, product_id, quantity) VALUES (?, ?, ?)', [req.user.id, productId, quantity]);
  });
  const inserted = placeOrder();
  if (!inserted) return res.status(409).json({ error: 'out_of_stock' });
  res.status(201).location(\`/orders/\${inserted.lastInsertRowid}\`).json({ id: Number(inserted.lastInsertRowid) });
});

// DELETE /orders/:id cancels an order.
router.delete('/:id', (req, res) => {
  const result = db.query('DELETE FROM orders WHERE id = ?', [req.params.id]);
  if (result.changes === 0) return res.status(404).json({ error: 'not_found' });
  res.status(204).end();
});

module.exports = router;
`;

const APP = `const express = require('express');
const db = require('./db');
const products = require('./routes/products');
const orders = require('./routes/orders');

const app = express();
app.use(express.json({ limit: '100kb' }));

app.get('/health', (req, res) => res.json({ status: 'ok' }));
app.use('/products', products);
app.use('/orders', orders);

app.use((req, res) => res.status(404).json({ error: 'not_found' }));

// Four parameters: this is how Express recognises the error handler. Details go to the log, not the client.
app.use((err, req, res, next) => {
  if (res.headersSent) return next(err);
  const status = Number.isInteger(err.status) && err.status >= 400 && err.status < 500 ? err.status : 500;
  if (status === 500) console.error(err);
  res.status(status).json({ error: status === 500 ? 'internal_error' : 'bad_request' });
});

const token = db.seed();
if (token) console.log(\`Demo user Ada's API token (shown once): \${token}\`);

const port = Number.parseInt(process.env.PORT ?? '3000', 10);
const server = app.listen(port, () => console.log(\`Shop API on http://localhost:\${port}\`));

// Stop taking new connections, let open requests finish, then close the database.
function shutdown() {
  server.close(() => {
    db.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
`;

const BACKENDGUIDE_YAML = `# Backend Guide settings for this project (see the guide's chapter on security).
ignore:
  - node_modules/**
`;

const VSCODE_SETTINGS = `{
  "workbench.startupEditor": "readme"
}
`;

const GITIGNORE = `node_modules/
shop.db*
`;

/** Relative path (forward slashes) to file content. */
export const SAMPLE_FILES: Readonly<Record<string, string>> = {
  'package.json': PACKAGE_JSON,
  'README.md': README,
  '.gitignore': GITIGNORE,
  '.backendguide.yaml': BACKENDGUIDE_YAML,
  '.vscode/settings.json': VSCODE_SETTINGS,
  'src/db.js': DB,
  'src/middleware/auth.js': AUTH,
  'src/routes/products.js': PRODUCTS,
  'src/routes/orders.js': ORDERS,
  'src/app.js': APP,
};
