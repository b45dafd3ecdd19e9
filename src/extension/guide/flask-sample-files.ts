/**
 * The Flask sample: the Python counterpart of the Express sample (sample-files.ts), a small shop API on
 * Flask and the standard library's sqlite3, so opening it needs no network and no native build; running it
 * needs only `pip install flask`. Three issues are left in on purpose: a query built with an f-string
 * (app.py, list_products), an order delete with no token check (app.py, delete_order), no security headers.
 */
export const FLASK_SAMPLE_FOLDER_NAME = 'backend-guide-flask-sample';

const REQUIREMENTS = `flask>=3.0
`;

const README = `# Backend Guide Flask sample

A small shop API (Flask + SQLite from Python's standard library) with three security problems left in
on purpose. Backend Guide's diagnostics point at each one and tell you when it is fixed.

| where | problem | guide section |
| --- | --- | --- |
| \`app.py\`, \`list_products\` | SQL built with an f-string from the query string (SQL injection) | SQL injection |
| \`app.py\`, \`delete_order\` | \`DELETE /orders/<id>\` checks no token | Authentication and authorization |
| \`app.py\`, \`app = Flask(__name__)\` | no HTTP security headers | HTTP security headers: Python |

## Run it

You need Python 3.9 or later. Flask is the only package to install:

\`\`\`sh
python3 -m venv .venv
. .venv/bin/activate        # Windows: .venv\\Scripts\\activate
pip install -r requirements.txt
python app.py
\`\`\`

The API listens on http://127.0.0.1:5000 and prints a demo API token on start.

\`\`\`sh
curl "http://127.0.0.1:5000/products?category=tools"
curl -H "Authorization: Bearer <token>" http://127.0.0.1:5000/orders
curl -I http://127.0.0.1:5000/products   # which headers does it send?
\`\`\`

## Fixing the headers

Add \`flask-talisman\` to \`requirements.txt\` and install it: Backend Guide then offers a quick fix that
applies \`Talisman(app)\`. Talisman redirects to HTTPS unless Flask runs in debug mode, so to try it
locally start the app with \`FLASK_DEBUG=1 python app.py\`, or pass \`force_https=False\`.
`;

const DB = `"""The shop's SQLite database: schema, demo rows, and one connection per request."""
import os
import sqlite3

from flask import g

DATABASE = os.environ.get("SHOP_DATABASE", "shop.db")

SCHEMA = """
CREATE TABLE IF NOT EXISTS products (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    price_cents INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS orders (
    id INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products (id),
    quantity INTEGER NOT NULL CHECK (quantity > 0)
);
"""

DEMO_PRODUCTS = [
    ("Hammer", "tools", 1299),
    ("Screwdriver set", "tools", 2450),
    ("Garden hose", "garden", 3199),
]


def init_db():
    with sqlite3.connect(DATABASE) as db:
        db.executescript(SCHEMA)
        if db.execute("SELECT COUNT(*) FROM products").fetchone()[0] == 0:
            db.executemany(
                "INSERT INTO products (name, category, price_cents) VALUES (?, ?, ?)",
                DEMO_PRODUCTS,
            )
            db.execute("INSERT INTO orders (product_id, quantity) VALUES (1, 2)")


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DATABASE)
        g.db.row_factory = sqlite3.Row
    return g.db


def close_db(error=None):
    db = g.pop("db", None)
    if db is not None:
        db.close()
`;

const AUTH = `"""A bearer token check for the routes that need one."""
import functools
import hmac
import os
import secrets

from flask import abort, request

# A fresh demo token on every start unless SHOP_API_TOKEN is set; app.py prints it.
API_TOKEN = os.environ.get("SHOP_API_TOKEN") or secrets.token_urlsafe(24)


def token_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        header = request.headers.get("Authorization", "")
        token = header.removeprefix("Bearer ")
        if not header.startswith("Bearer ") or not hmac.compare_digest(token, API_TOKEN):
            abort(401)
        return view(*args, **kwargs)

    return wrapped
`;

const APP = `"""The shop API. Three problems are left in on purpose: see README.md."""
import os

from flask import Flask, jsonify, request

from auth import API_TOKEN, token_required
from db import close_db, get_db, init_db

app = Flask(__name__)
app.teardown_appcontext(close_db)


@app.get("/products")
def list_products():
    category = request.args.get("category", "tools")
    rows = get_db().execute(
        f"SELECT id, name, price_cents FROM products WHERE category = '{category}'"
    ).fetchall()
    return jsonify([dict(row) for row in rows])


@app.get("/products/<int:product_id>")
def get_product(product_id):
    row = get_db().execute(
        "SELECT id, name, price_cents FROM products WHERE id = ?", (product_id,)
    ).fetchone()
    if row is None:
        return jsonify(error="product not found"), 404
    return jsonify(dict(row))


@app.get("/orders")
@token_required
def list_orders():
    rows = get_db().execute("SELECT id, product_id, quantity FROM orders").fetchall()
    return jsonify([dict(row) for row in rows])


@app.delete("/orders/<int:order_id>")
def delete_order(order_id):
    db = get_db()
    db.execute("DELETE FROM orders WHERE id = ?", (order_id,))
    db.commit()
    return "", 204


if __name__ == "__main__":
    init_db()
    print(f"Demo API token: {API_TOKEN}")
    app.run(port=int(os.environ.get("PORT", "5000")), debug=os.environ.get("FLASK_DEBUG") == "1")
`;

const GITIGNORE = `.venv/
__pycache__/
shop.db
`;

const BACKENDGUIDE_YAML = `# Backend Guide settings for this project (see the guide's chapter on security).
ignore:
  - .venv/**
`;

const VSCODE_SETTINGS = `{
  "workbench.startupEditor": "readme"
}
`;

/** Relative path (forward slashes) to file content. */
export const FLASK_SAMPLE_FILES: Readonly<Record<string, string>> = {
  'requirements.txt': REQUIREMENTS,
  'README.md': README,
  '.gitignore': GITIGNORE,
  '.backendguide.yaml': BACKENDGUIDE_YAML,
  '.vscode/settings.json': VSCODE_SETTINGS,
  'db.py': DB,
  'auth.py': AUTH,
  'app.py': APP,
};
