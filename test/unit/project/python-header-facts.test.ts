import * as assert from 'assert';
import { sharedGrammars } from '../../../src/engine/parser';
import { factsOfText } from '../../../src/engine/project/project-index';
import { readPythonRequirements } from '../../../src/engine/project/python-requirements';
import { importReaches } from '../../../src/engine/rules/python-headers/python-modules';

const facts = (text: string, fileName = '/p/app.py') => factsOfText(fileName, text, 'python', sharedGrammars(), '/p');

describe('Python header facts', () => {
  it('are plain data that a worker thread can receive, whatever names the code calls', async () => {
    const read = await facts("from flask import Flask\nconstructor(1)\ntoString()\nhasOwnProperty = __proto__()\napp = Flask(__name__)\n");
    assert.deepStrictEqual(structuredClone(read), read);
    assert.deepStrictEqual(read.headers?.apps.map((a) => a.framework), ['flask']);
  });

  it('record apps of subclasses of Flask, imports inside functions, and Talisman objects', async () => {
    const read = await facts("from flask import Flask\nfrom flask_talisman import talisman\n\nt = talisman.Talisman()\n\nclass Web(Flask):\n    pass\n\ndef create_app():\n    from . import security\n    app = Web()\n    security.init_app(app)\n    return app\n");
    assert.deepStrictEqual(read.headers?.apps.map((a) => a.name), ['app']);
    assert.deepStrictEqual(read.headers?.setters.map((s) => s.name), ['t']);
    assert.ok(read.headers?.imports.some((i) => i.name === 'security' && i.module === '.'));
  });

  it('read a Django settings module: literal values, configuration, middleware and star imports', async () => {
    const read = await facts("from .base import *\nimport os\nINSTALLED_APPS = ['a']\nMIDDLEWARE = ['m1', 'm2']\nMIDDLEWARE.insert(0, 'm0')\nDEBUG = True\nSECURE_HSTS_SECONDS = 60 * 60\nSECURE_SSL_REDIRECT = os.environ.get('X') == '1'\nif os.environ.get('Y'):\n    SESSION_COOKIE_SECURE = False\n", '/p/settings.py');
    const settings = read.settings!;
    assert.deepStrictEqual(settings.starImports, [{ module: '.base', conditional: false }]);
    assert.deepStrictEqual(settings.middleware?.entries?.map((e) => e.name), ['m1', 'm2']);
    assert.deepStrictEqual(settings.middleware?.added, [{ name: 'm0', first: true }]);
    assert.deepStrictEqual(settings.settings.DEBUG.value, { kind: 'bool', value: true });
    assert.deepStrictEqual(settings.settings.SECURE_HSTS_SECONDS.value, { kind: 'number', value: 3600 });
    assert.deepStrictEqual(settings.settings.SECURE_SSL_REDIRECT.value, { kind: 'config' });
    assert.strictEqual(settings.settings.SESSION_COOKIE_SECURE.conditional, true);
  });

  it('do not read a non-Django module with a MIDDLEWARE list as Django settings', async () => {
    const falcon = await facts('import falcon\nMIDDLEWARE = []\napp = falcon.App(middleware=MIDDLEWARE)\n');
    assert.strictEqual(falcon.settings, undefined);
    const django = await facts("MIDDLEWARE = ['django.middleware.common.CommonMiddleware']\n");
    assert.ok(django.settings, 'a MIDDLEWARE list of Django classes is settings');
  });

  it('find no app, protection or settings in a Python file that has none (its functions are still indexed for routes)', async () => {
    const read = await facts('def add(a, b):\n    return a + b\n');
    assert.deepStrictEqual([read.headers?.apps ?? [], read.headers?.protections ?? [], read.settings], [[], [], undefined]);
  });
});

describe('Python module resolution for header facts', () => {
  it('resolves relative and absolute imports, packages and submodules', () => {
    assert.ok(importReaches('/p/app/__init__.py', '.extensions', '/p/app/extensions.py'));
    assert.ok(importReaches('/p/app/api/routes.py', '..core', '/p/app/core/__init__.py'));
    assert.ok(importReaches('/p/app/__init__.py', '.', '/p/app/security.py', 'security'));
    assert.ok(importReaches('/p/backend/app/main.py', 'app.core.middleware', '/p/backend/app/core/middleware.py'));
    assert.ok(!importReaches('/p/app/main.py', 'app.core', '/p/other/core.py'));
    assert.ok(!importReaches('/p/app/__init__.py', '.extensions', '/p/lib/extensions.py'));
  });
});

describe('Python requirement files', () => {
  it('read names from requirements.txt, pyproject.toml and Pipfile lines, normalised', () => {
    assert.ok(readPythonRequirements('/p/requirements.txt', 'Flask==3.0\nflask_talisman>=1.0 ; python_version > "3.8"\n# gunicorn\n').dependencies.has('flask-talisman'));
    assert.ok(!readPythonRequirements('/p/requirements.txt', '# flask-talisman\n').dependencies.has('flask-talisman'));
    assert.ok(readPythonRequirements('/p/pyproject.toml', 'dependencies = [\n  "Flask-Talisman[extra]>=1.1",\n]\n').dependencies.has('flask-talisman'));
    assert.ok(readPythonRequirements('/p/Pipfile', '[packages]\nflask-talisman = "*"\n').dependencies.has('flask-talisman'));
  });
});

describe('Python header facts on hostile shapes', () => {
  it('read a very long attribute chain and deeply nested calls without failing', async () => {
    const chain = `from flask import Flask\nfrom flask_talisman import Talisman\napp = Flask(__name__)\nTalisman(a\n${'    .a\n'.repeat(60000)})\n${'f(\n'.repeat(500)}${')'.repeat(500)}\n`;
    const read = await facts(chain);
    assert.deepStrictEqual(read.headers?.apps.map((a) => a.name), ['app']);
  });
});
