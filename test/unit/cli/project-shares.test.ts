import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FileScanner } from '../../../src/cli/file-scanner';
import { ShareExchange, shareLines } from '../../../src/cli/share-channel';
import { projectOfFacts } from '../../../src/cli/project';
import { defaultConfig } from '../../../src/engine/config';
import type { ProjectFacts } from '../../../src/engine/project';
import { unloadableModule } from '../../../src/engine/project/module-reach';
import { computeShares, type ProjectShare } from '../../../src/engine/project/project-shares';
import { allRules } from '../../../src/engine/registry';
import { sqlConcatenation } from '../../../src/engine/rules/sql-concatenation';
import { projectFrom } from '../../../src/testing/project-from';
import { generatedProject } from './generated-project';

const config = defaultConfig();

/** The generated project with two more apps: one with no auth at all (a note), one whose auth middleware comes after a route. */
function projectWithNotes(): string {
  const root = generatedProject(6);
  fs.writeFileSync(path.join(root, 'src/shop.js'), [
    "const express = require('express');", 'const shop = express();',
    "shop.post('/orders', (req, res) => res.status(201).end());", "shop.delete('/orders/:id', (req, res) => res.end());", 'shop.listen(3002);', '',
  ].join('\n'));
  fs.writeFileSync(path.join(root, 'src/late.js'), [
    "const express = require('express');", "const { requireAuth } = require('./auth');", 'const late = express();',
    "late.get('/me', requireAuth, (req, res) => res.json(req.user));", "late.post('/late', (req, res) => res.end());", 'late.use(requireAuth);', 'late.listen(3003);', '',
  ].join('\n'));
  // Flask: an app whose views mostly require a login, and one with no auth at all
  fs.mkdirSync(path.join(root, 'py/shop'), { recursive: true });
  fs.writeFileSync(path.join(root, 'py/web/views.py'), [
    'from flask_login import login_required', 'from web.app import app', '',
    "@app.route('/orders', methods=['POST'])", '@login_required', 'def create_order():', "    return 'ok'", '',
    "@app.route('/orders/<id>', methods=['PUT'])", '@login_required', 'def update_order(id):', "    return 'ok'", '',
    "@app.route('/orders/<id>', methods=['DELETE'])", 'def delete_order(id):', "    return 'ok'", '',
  ].join('\n'));
  fs.writeFileSync(path.join(root, 'py/shop/app.py'), [
    'from flask import Flask', '', 'shop = Flask(__name__)', '',
    "@shop.route('/cart', methods=['POST'])", 'def add_to_cart():', "    return 'ok'", '',
  ].join('\n'));
  return root;
}

const FILES = [
  'src/app.js', 'src/admin.js', 'src/auth.js', 'src/db.js', 'src/shop.js', 'src/late.js', ...Array.from({ length: 6 }, (_, i) => `src/routes/thing${i}.js`),
  'py/web/app.py', 'py/web/hooks.py', 'py/web/views.py', 'py/shop/app.py',
];

/** Every file of the project: its facts pass done, ready for `analyze`. */
async function scannedProject(root: string): Promise<{ scanner: FileScanner; project: ProjectFacts }> {
  const settings = { root, displayRoot: root, config, keptTreeChars: 0 };
  const scanner = new FileScanner(settings);
  const { facts } = await scanner.facts(FILES.map((f) => path.join(root, f)));
  return { scanner, project: projectOfFacts(root, facts, []) };
}

/**
 * `project` as a thread that computes none of `shares` has it: each sent to it (copied, as between threads) by a
 * thread that computed them all for `from`.
 */
function receiving(project: ProjectFacts, from: ProjectFacts, shares: ReadonlyArray<ProjectShare<unknown>>): ProjectFacts {
  const [sender, receiver] = shareLines(2).map((line) => new ShareExchange(line));
  sender.share(from, config, shares, 0, 1);
  const received = receiver.share(project, config, [], 1, 2);
  sender.close();
  return received;
}

/** The project, with the keys of the memos it computed counted. */
function counting(project: ProjectFacts, computed: string[]): ProjectFacts {
  return { ...project, memo: <T>(key: string, compute: () => T): T => project.memo(key, () => { computed.push(key); return compute(); }) };
}

describe('project-wide results shared between threads', () => {
  it('missing-auth reports from route plans (JavaScript and Python) received as data exactly what it reports from its own', async () => {
    const root = projectWithNotes();
    const here = await scannedProject(root);
    const expected = await here.scanner.analyze(here.project);
    assert.ok(expected.some((r) => r.findings.some((f) => f.ruleId === 'missing-auth' && f.fixes?.length)), 'routes were judged, with fixes');
    const related = (file: string) => expected.find((r) => r.file === path.join(root, file))?.findings.filter((f) => f.ruleId === 'missing-auth' && f.related.length);
    assert.strictEqual(related('src/shop.js')?.length, 1, 'the app with no auth has its note, which points at its routes');
    assert.strictEqual(related('src/late.js')?.length, 1, 'the route registered before the auth middleware points at it');
    assert.strictEqual(related('py/shop/app.py')?.length, 1, 'the Flask app with no auth has its note');
    const pyRoutes = expected.find((r) => r.file === path.join(root, 'py/web/views.py'))?.findings.filter((f) => f.ruleId === 'missing-auth') ?? [];
    assert.strictEqual(pyRoutes.length, 1, 'the Flask view with no login check');
    assert.ok(pyRoutes[0].fixes.some((f) => f.title.includes('@login_required')), 'its fix adds the decorator the other views use');

    // as another thread receives them: copied by the structured clone, which refuses functions
    const shares = allRules().flatMap((rule) => rule.projectShares ?? []);
    const sent = computeShares(here.project, config, shares);
    assert.ok(['route-plans', 'python-route-plans', 'unloadable-modules'].every((name) => sent.some(([key]) => key.startsWith(`share:${name}`))), 'each share the project may want was computed');
    const there = await scannedProject(root);
    const computed: string[] = [];
    const received = await there.scanner.analyze(counting(receiving(there.project, here.project, shares), computed));
    assert.deepStrictEqual(received, expected);
    assert.deepStrictEqual(computed.filter((key) => key.startsWith('share:')), [], 'no share was computed again');
  });

  it('the modules nothing loads travel as their names, and are not worked out again where received', async () => {
    const files = {
      '/p/server/package.json': '{ "name": "server", "main": "index.js", "scripts": { "start": "node index.js" } }',
      '/p/server/index.js': "const users = require('./lib/users');\nrequire('express')().listen(3000);\n",
      '/p/server/lib/users.js': "const { Pool } = require('pg');\nconst pool = new Pool();\nexports.find = (id) => pool.query('SELECT * FROM users WHERE id = ' + id);\n",
      '/p/server/utils/migrate.js': "exports.run = (db, table) => db.query('DROP TABLE ' + table);\n",
    };
    const here = await projectFrom(files, { launchConfigsRead: true });
    const computed: string[] = [];
    const received = counting(receiving(await projectFrom(files, { launchConfigsRead: true }), here, sqlConcatenation.projectShares ?? []), computed);
    assert.strictEqual(unloadableModule(received, '/p/server/utils/migrate.js'), true, 'nothing loads the migration');
    assert.strictEqual(unloadableModule(received, '/p/server/lib/users.js'), false, 'the entry imports the users module');
    assert.deepStrictEqual(computed, [], 'nothing was worked out again');

    // where no script imports an SQL driver, nobody is likely to ask: nothing is worked out ahead
    const { '/p/server/lib/users.js': _users, ...withoutDriver } = files;
    assert.deepStrictEqual(computeShares(await projectFrom(withoutDriver, { launchConfigsRead: true }), config, sqlConcatenation.projectShares ?? []), []);
  });
});
