import * as assert from 'assert';
import { analyze } from '../../../src/engine/analyze';
import { defaultConfig } from '../../../src/engine/config';
import { languageOfFileName } from '../../../src/engine/languages';
import { parseSource } from '../../../src/engine/parse-source';
import { sharedGrammars } from '../../../src/engine/parser';
import { parsedFactsOfText } from '../../../src/engine/project/project-index';
import type { Rule } from '../../../src/engine/rule';
import { missingAuth } from '../../../src/engine/rules/missing-auth';
import { missingHelmet } from '../../../src/engine/rules/missing-helmet';
import { pythonSecurityHeaders } from '../../../src/engine/rules/python-security-headers';
import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { projectFrom } from '../../../src/testing/project-from';

// `mayReportInTree` is asked in the CLI's facts pass, before the other files' facts are known: a `false`
// gives the file an empty report without its analysis, so it must hold whatever the other files hold.

const ROOT = '/p';

/** What `rule.mayReportInTree` says of `text`, with the tree and facts the facts pass has for it. */
async function mayReportInTree(rule: Rule, fileName: string, text: string): Promise<boolean> {
  const languageId = languageOfFileName(fileName)!;
  const parsed = await parsedFactsOfText(fileName, text, languageId, sharedGrammars(), ROOT, true, true);
  // a text the facts pass does not parse has no facts to speak of: its tree is read here for the rule
  const tree = parsed.tree ?? (await parseSource(sharedGrammars(), languageId, text, 60_000)).tree;
  try {
    assert.ok(rule.mayReport?.({ text, fileName, config: defaultConfig(), languageId }) ?? true, 'asked only where mayReport says the rule may report');
    return rule.mayReportInTree?.({ text, fileName, config: defaultConfig(), languageId, tree, facts: parsed.facts }) ?? true;
  } finally {
    tree.delete();
  }
}

/** The findings of `rule` in `file`, analysed against the whole project. */
async function findingsIn(rule: Rule, files: Record<string, string>, file: string): Promise<string[]> {
  const project = await projectFrom(files, { rootDir: ROOT, deferCalls: true });
  const result = await analyze(files[file], { languageId: languageOfFileName(file)!, fileName: file, project, rules: [rule] });
  return result.findings.map((f) => f.messageId);
}

describe('rules rule files out from their tree, before the other files are known', () => {
  describe('sql-concatenation', () => {
    it('may report where a query call takes anything but constant text, even when nothing in the file is request data', async () => {
      const helper = 'const db = require("./db");\nexports.byName = (name) => db.query("SELECT * FROM users WHERE name = \'" + name + "\'");\n';
      assert.strictEqual(await mayReportInTree(sqlConcatenation, '/p/src/users.js', helper), true);
      // the value comes from another file: the finding is in this one
      const files = {
        '/p/src/users.js': helper,
        '/p/src/app.js': 'const express = require("express");\nconst users = require("./users");\nconst app = express();\napp.get("/u", (req, res) => users.byName(req.query.name).then((r) => res.json(r)));\n',
      };
      assert.deepStrictEqual(await findingsIn(sqlConcatenation, files, '/p/src/users.js'), ['fromCaller']);
      assert.strictEqual(await mayReportInTree(sqlConcatenation, '/p/src/q.js', 'const db = require("./db");\nexports.run = (sql) => db.query(sql);\n'), true);
      assert.strictEqual(await mayReportInTree(sqlConcatenation, '/p/src/m.js', 'exports.find = (c, w) => c.find({ $where: w });\n'), true);
    });

    it('may report at a common method name (get, all) when the file may import SQLite, whose API uses those names', async () => {
      const lookup = 'exports.load = (cache, key) => cache.get(key);\n';
      assert.strictEqual(await mayReportInTree(sqlConcatenation, '/p/src/lookup.js', lookup), false);
      assert.strictEqual(await mayReportInTree(sqlConcatenation, '/p/src/lookup.js', `const sqlite3 = require('sqlite3');\n${lookup}`), true);
    });

    it('rules out a file whose query calls all take constant text, with or without parameters', async () => {
      const constant = 'const { pool } = require("./db");\nexports.list = () => pool.query("SELECT id FROM users");\nexports.one = (id) => pool.query("SELECT * FROM users WHERE id = $1", [id]);\n';
      assert.strictEqual(await mayReportInTree(sqlConcatenation, '/p/src/users.js', constant), false);
      const files = { '/p/src/users.js': constant, '/p/src/app.js': 'const users = require("./users");\nrequire("express")().get("/u/:id", (req, res) => users.one(req.params.id));\n' };
      assert.deepStrictEqual(await findingsIn(sqlConcatenation, files, '/p/src/users.js'), []);
    });

    it('leaves other languages to their analysis', async () => {
      assert.strictEqual(await mayReportInTree(sqlConcatenation, '/p/app/models.py', 'def names(cursor):\n    cursor.execute("SELECT name FROM users")\n'), true);
    });
  });

  describe('missing-auth', () => {
    const auth = 'exports.requireUser = (req, res, next) => (req.session.user ? next() : res.status(401).end());\nexports.cached = (map, key) => map.get(key);\n';
    const routes = 'const router = require("express").Router();\nconst Order = require("./order");\nrouter.post("/orders", async (req, res) => res.json(await Order.create(req.body)));\nmodule.exports = router;\n';
    const app = 'const express = require("express");\nconst { requireUser } = require("./auth");\nconst app = express();\napp.get("/me", requireUser, (req, res) => res.json(req.session.user));\napp.use("/api", require("./routes"));\napp.listen(3000);\n';

    it('may report where the file registers a route, creates an app or mounts something, whatever the other files hold', async () => {
      assert.strictEqual(await mayReportInTree(missingAuth, '/p/src/routes.js', routes), true);
      assert.strictEqual(await mayReportInTree(missingAuth, '/p/src/app.js', app), true);
      assert.strictEqual(await mayReportInTree(missingAuth, '/p/src/setup.js', 'module.exports = (app, hooks) => { app.use(hooks.get("auth")); };\n'), true);
      assert.deepStrictEqual(await findingsIn(missingAuth, { '/p/src/routes.js': routes, '/p/src/app.js': app, '/p/src/auth.js': auth }, '/p/src/routes.js'), ['missingAuth']);
    });

    it('may report in a Nest controller, a Next.js route file and Python', async () => {
      assert.strictEqual(await mayReportInTree(missingAuth, '/p/src/orders.controller.ts', 'import { Controller, Post } from "@nestjs/common";\n@Controller("orders")\nexport class OrdersController {\n  @Post()\n  create() { return 1; }\n}\n'), true);
      assert.strictEqual(await mayReportInTree(missingAuth, '/p/app/api/orders/route.ts', 'export async function POST(request: Request) { return Response.json(await request.json()); }\n'), true);
      assert.strictEqual(await mayReportInTree(missingAuth, '/p/app.py', 'from flask import Flask\napp = Flask(__name__)\n@app.post("/orders")\ndef create():\n    return "ok"\n'), true);
    });

    it('rules out a module that neither registers, creates nor mounts anything, though its text has route-like calls', async () => {
      assert.strictEqual(await mayReportInTree(missingAuth, '/p/src/auth.js', auth), false);
      assert.deepStrictEqual(await findingsIn(missingAuth, { '/p/src/routes.js': routes, '/p/src/app.js': app, '/p/src/auth.js': auth }, '/p/src/auth.js'), []);
    });
  });

  describe('python-security-headers', () => {
    const settings = 'DEBUG = True\nSECRET_KEY = "x"\nMIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware"]\n';
    const view = 'from django.conf import settings\nfrom django.http import HttpResponse\n\ndef home(request):\n    return HttpResponse("debug" if settings.DEBUG else "ok")\n';

    it('may report where the file creates an app or is a settings module', async () => {
      assert.strictEqual(await mayReportInTree(pythonSecurityHeaders, '/p/app.py', 'from flask import Flask\napp = Flask(__name__)\n'), true);
      assert.strictEqual(await mayReportInTree(pythonSecurityHeaders, '/p/mysite/settings.py', settings), true);
      assert.notDeepStrictEqual(await findingsIn(pythonSecurityHeaders, { '/p/mysite/settings.py': settings, '/p/mysite/views.py': view }, '/p/mysite/settings.py'), []);
    });

    it('rules out a module that only reads a setting', async () => {
      assert.strictEqual(await mayReportInTree(pythonSecurityHeaders, '/p/mysite/views.py', view), false);
      assert.deepStrictEqual(await findingsIn(pythonSecurityHeaders, { '/p/mysite/settings.py': settings, '/p/mysite/views.py': view }, '/p/mysite/views.py'), []);
    });
  });

  describe('missing-helmet', () => {
    it('may report where the file creates an app or registers on one it receives', async () => {
      assert.strictEqual(await mayReportInTree(missingHelmet, '/p/src/app.js', 'const express = require("express");\nconst app = express();\napp.listen(3000);\n'), true);
      assert.strictEqual(await mayReportInTree(missingHelmet, '/p/src/secure.js', 'const helmet = require("helmet");\nmodule.exports = (app) => { app.use(helmet()); };\n'), true);
    });

    it('rules out a module that only names Express (its types, a comment)', async () => {
      const text = 'import type { Request } from "express";\n// the client address, behind the express proxy setting\nexport function clientIp(req: Request): string { return req.ip ?? ""; }\n';
      assert.strictEqual(await mayReportInTree(missingHelmet, '/p/src/ip.ts', text), false);
      const files = { '/p/src/ip.ts': text, '/p/src/app.ts': 'import express from "express";\nimport { clientIp } from "./ip";\nconst app = express();\napp.get("/", (req, res) => res.send(clientIp(req)));\napp.listen(3000);\n' };
      assert.deepStrictEqual(await findingsIn(missingHelmet, files, '/p/src/ip.ts'), []);
      assert.deepStrictEqual(await findingsIn(missingHelmet, files, '/p/src/app.ts'), ['missingHelmet']);
    });
  });
});
