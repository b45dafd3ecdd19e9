import { pythonSecurityHeaders } from '../../../src/engine/rules/python-security-headers';
import { runRuleTests, type InvalidCase, type ValidCase } from '../../../src/testing/rule-tester';

const py = { languageId: 'python' as const };

/** A settings module with every deployment setting right, to vary one thing at a time. */
function settings(parts: { middleware?: string[]; extra?: string; debug?: string } = {}): string {
  const middleware = parts.middleware ?? [
    'django.middleware.security.SecurityMiddleware',
    'django.contrib.sessions.middleware.SessionMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.middleware.clickjacking.XFrameOptionsMiddleware',
  ];
  return [
    'import os',
    '',
    'INSTALLED_APPS = [',
    "    'django.contrib.auth',",
    "    'django.contrib.sessions',",
    ']',
    '',
    'MIDDLEWARE = [',
    ...middleware.map((m) => `    '${m}',`),
    ']',
    '',
    parts.debug ?? "DEBUG = os.environ.get('DJANGO_DEBUG') == '1'",
    'SECURE_SSL_REDIRECT = True',
    'SECURE_HSTS_SECONDS = 31536000',
    'SESSION_COOKIE_SECURE = True',
    'CSRF_COOKIE_SECURE = True',
    ...(parts.extra ? [parts.extra] : []),
    '',
  ].join('\n');
}

const GOOD = settings();
/** Settings with the apps and middleware but neither HSTS nor the HTTPS redirect. */
const NO_HTTPS = GOOD.replace('SECURE_SSL_REDIRECT = True\n', '').replace('SECURE_HSTS_SECONDS = 31536000\n', '');
const WORKER_SETTINGS = "from shop.settings import *  # noqa\n\nINSTALLED_APPS = INSTALLED_APPS + ['django_celery_beat']\nCELERY_BROKER_URL = os.environ.get('BROKER_URL')\nCELERY_TASK_SERIALIZER = 'json'\n";
const FLASK_APP = "from flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/')\ndef home():\n    return 'hi'\n";
const FASTAPI_APP = "from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get('/items')\nasync def items():\n    return []\n";
const HEADER_HOOK_BODY = "    response.headers['Content-Security-Policy'] = \"default-src 'self'\"\n    response.headers['Strict-Transport-Security'] = 'max-age=31536000'\n    response.headers['X-Content-Type-Options'] = 'nosniff'\n    response.headers['X-Frame-Options'] = 'DENY'\n    return response\n";
const REQUIREMENTS_WITH_TALISMAN = 'flask==3.0.3\nflask-talisman==1.1.0\n';

const devSettingsNames = ['dev.py', 'development.py', 'local.py', 'test.py', 'testing.py', 'settings_local.py', 'local_settings.py', 'test_settings.py', 'settings_dev.py', 'ci.py'];
const environmentDebug = [
  "DEBUG = os.environ.get('DEBUG', 'False') == 'True'",
  "DEBUG = env.bool('DJANGO_DEBUG', default=False)",
  "DEBUG = config('DEBUG', default=False, cast=bool)",
  "DEBUG = bool(int(os.getenv('DEBUG', '0')))",
  'DEBUG = get_debug()',
];
const environmentSettings = [
  "SECURE_SSL_REDIRECT = env.bool('DJANGO_SECURE_SSL_REDIRECT', default=True)",
  "SECURE_HSTS_SECONDS = int(os.environ.get('HSTS_SECONDS', '0'))",
  'SESSION_COOKIE_SECURE = not DEBUG',
  "CSRF_COOKIE_SECURE = os.environ.get('HTTPS') == 'on'",
];

const valid: ValidCase[] = [
  { ...py, name: 'Django settings with every deployment setting', code: GOOD },
  { ...py, name: 'Django settings with SAMEORIGIN frames', code: settings({ extra: "X_FRAME_OPTIONS = 'SAMEORIGIN'" }) },
  { ...py, name: 'Django settings with DENY frames', code: settings({ extra: "X_FRAME_OPTIONS = 'DENY'" }) },
  { ...py, name: 'Django settings with nosniff set to True', code: settings({ extra: 'SECURE_CONTENT_TYPE_NOSNIFF = True' }) },
  { ...py, name: 'HSTS written as a product', code: settings({ extra: 'SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365' }) },
  { ...py, name: 'SecurityMiddleware after CorsMiddleware (which answers only preflights)', code: settings({ middleware: ['corsheaders.middleware.CorsMiddleware', 'django.middleware.security.SecurityMiddleware', 'django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.csrf.CsrfViewMiddleware', 'django.middleware.clickjacking.XFrameOptionsMiddleware'] }) },
  { ...py, name: 'WhiteNoise right after SecurityMiddleware', code: settings({ middleware: ['django.middleware.security.SecurityMiddleware', 'whitenoise.middleware.WhiteNoiseMiddleware', 'django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.csrf.CsrfViewMiddleware', 'django.middleware.clickjacking.XFrameOptionsMiddleware'] }) },
  ...environmentDebug.map((debug): ValidCase => ({ ...py, name: `DEBUG read from the environment: ${debug}`, code: settings({ debug }) })),
  ...environmentSettings.map((line): ValidCase => ({ ...py, name: `setting read from configuration: ${line}`, code: settings({ extra: line }) })),
  { ...py, name: 'DEBUG = True under an if is configuration', code: settings({ debug: "if os.environ.get('LOCAL'):\n    DEBUG = True" }) },
  { ...py, name: 'DEBUG = True, then set again under a condition', code: settings({ debug: "DEBUG = True\nif os.environ.get('PRODUCTION'):\n    DEBUG = False" }) },
  { ...py, name: 'HTTPS settings set only when not DEBUG', code: settings({ extra: 'if not DEBUG:\n    SECURE_SSL_REDIRECT = False' }) },
  ...devSettingsNames.map((name): ValidCase => ({ ...py, name: `development settings file ${name}`, fileName: `/p/mysite/settings/${name}`, code: "from .base import *\n\nDEBUG = True\nSECURE_SSL_REDIRECT = False\nSESSION_COOKIE_SECURE = False\n", files: { '/p/mysite/settings/base.py': GOOD } })),
  { ...py, name: 'a test project settings module under tests/', fileName: '/p/tests/settings.py', code: "INSTALLED_APPS = ['myapp']\nMIDDLEWARE = []\nDEBUG = True\n", files: { '/p/myapp/models.py': 'x = 1\n' } },
  { ...py, name: 'a demo project shipped with a library', fileName: '/p/demo/settings.py', code: "INSTALLED_APPS = ['myapp']\nMIDDLEWARE = []\nDEBUG = True\n", files: { '/p/myapp/apps.py': 'x = 1\n' } },
  { ...py, name: 'an example project under examples/', fileName: '/p/examples/site/settings.py', code: "INSTALLED_APPS = ['myapp']\nDEBUG = True\n", files: { '/p/myapp/apps.py': 'x = 1\n' } },
  { ...py, name: 'a plain module that is not settings', code: "DEBUG = True\nTIMEOUT = 3\n\ndef run():\n    return DEBUG\n" },
  { ...py, name: 'a middleware list built at run time is not judged for its entries', code: settings({ middleware: [] }).replace("MIDDLEWARE = [\n]", 'MIDDLEWARE = [m for m in BASE_MIDDLEWARE]\nBASE_MIDDLEWARE = []') },
  { ...py, name: 'MIDDLEWARE extended with an unknown list', code: settings().replace("DEBUG = os", "MIDDLEWARE += EXTRA_MIDDLEWARE\nDEBUG = os") },
  { ...py, name: 'SecurityMiddleware inserted first by insert(0, ...)', code: settings({ middleware: ['django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.csrf.CsrfViewMiddleware', 'django.middleware.clickjacking.XFrameOptionsMiddleware'] }) + "MIDDLEWARE.insert(0, 'django.middleware.security.SecurityMiddleware')\n" },
  { ...py, name: 'SecurityMiddleware added by +=', code: settings({ middleware: ['django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.csrf.CsrfViewMiddleware', 'django.middleware.clickjacking.XFrameOptionsMiddleware'] }) + "MIDDLEWARE += ['django.middleware.security.SecurityMiddleware']\n" },
  { ...py, name: 'no sessions and no CSRF middleware: cookie flags do not apply', code: "INSTALLED_APPS = ['django.contrib.contenttypes']\nMIDDLEWARE = [\n    'django.middleware.security.SecurityMiddleware',\n    'django.middleware.clickjacking.XFrameOptionsMiddleware',\n]\nSECURE_SSL_REDIRECT = True\nSECURE_HSTS_SECONDS = 3600\nSESSION_COOKIE_SECURE = False\n" },
  { ...py, name: 'tuple middleware (old style) with everything set', code: GOOD.replace("MIDDLEWARE = [", 'MIDDLEWARE = (').replace("XFrameOptionsMiddleware',\n]", "XFrameOptionsMiddleware',\n)") },
  {
    ...py, name: 'task-worker settings that set no deployment setting, built on web settings: what both miss is reported on the web settings only', fileName: '/p/worker/settings.py',
    code: WORKER_SETTINGS,
    files: { '/p/shop/settings.py': NO_HTTPS },
  },
  {
    ...py, name: 'production settings built on a base that sets everything', fileName: '/p/mysite/settings/production.py',
    code: "from .base import *\n\nDEBUG = False\nALLOWED_HOSTS = ['example.com']\n",
    files: { '/p/mysite/settings/base.py': GOOD },
  },
  {
    ...py, name: 'base settings with DEBUG = True overridden by production settings', fileName: '/p/mysite/settings/base.py',
    code: settings({ debug: 'DEBUG = True' }),
    files: { '/p/mysite/settings/production.py': 'from .base import *\n\nDEBUG = False\n' },
  },
  {
    ...py, name: 'base settings whose HTTPS settings production sets', fileName: '/p/mysite/settings/base.py',
    code: "INSTALLED_APPS = ['django.contrib.sessions']\nMIDDLEWARE = [\n    'django.middleware.security.SecurityMiddleware',\n    'django.contrib.sessions.middleware.SessionMiddleware',\n    'django.middleware.csrf.CsrfViewMiddleware',\n    'django.middleware.clickjacking.XFrameOptionsMiddleware',\n]\nDEBUG = False\n",
    files: { '/p/mysite/settings/production.py': 'from .base import *\n\nSECURE_SSL_REDIRECT = True\nSECURE_HSTS_SECONDS = 3600\nSESSION_COOKIE_SECURE = True\nCSRF_COOKIE_SECURE = True\n' },
  },
  {
    ...py, name: 'production settings star-importing an absolute module path', fileName: '/p/config/settings/prod.py',
    code: 'from config.settings.common import *\n\nDEBUG = False\n',
    files: { '/p/config/settings/common.py': GOOD },
  },
  { ...py, name: 'Flask app with Talisman', code: "from flask import Flask\nfrom flask_talisman import Talisman\n\napp = Flask(__name__)\nTalisman(app)\n" },
  { ...py, name: 'Flask app with Talisman and options', code: "from flask import Flask\nfrom flask_talisman import Talisman\n\napp = Flask(__name__)\nTalisman(app, force_https=False, content_security_policy={'default-src': \"'self'\"})\n" },
  { ...py, name: 'Talisman imported as a module', code: "import flask\nimport flask_talisman\n\napp = flask.Flask(__name__)\nflask_talisman.Talisman(app)\n" },
  { ...py, name: 'Talisman imported under another name', code: "from flask import Flask\nfrom flask_talisman import Talisman as SecureHeaders\n\napp = Flask(__name__)\nSecureHeaders(app)\n" },
  { ...py, name: 'Talisman held in a variable', code: "from flask import Flask\nfrom flask_talisman import Talisman\n\napp = Flask(__name__)\ntalisman = Talisman(app)\n" },
  { ...py, name: 'Talisman().init_app(app) in the same file', code: "from flask import Flask\nfrom flask_talisman import Talisman\n\ntalisman = Talisman()\n\ndef create_app():\n    app = Flask(__name__)\n    talisman.init_app(app)\n    return app\n" },
  { ...py, name: 'Talisman in an app factory', code: "from flask import Flask\nfrom flask_talisman import Talisman\n\ndef create_app(config=None):\n    app = Flask(__name__)\n    Talisman(app, force_https=False)\n    return app\n" },
  { ...py, name: 'after_request hook setting the main headers', code: `from flask import Flask\n\napp = Flask(__name__)\n\n@app.after_request\ndef headers(response):\n${HEADER_HOOK_BODY}` },
  { ...py, name: 'after_request registered by call', code: `from flask import Flask\n\ndef headers(response):\n${HEADER_HOOK_BODY}\napp = Flask(__name__)\napp.after_request(headers)\n` },
  { ...py, name: 'after_request using headers.update with frame-ancestors in the policy', code: "from flask import Flask\n\napp = Flask(__name__)\n\n@app.after_request\ndef headers(resp):\n    resp.headers.update({\n        'Content-Security-Policy': \"default-src 'self'; frame-ancestors 'none'\",\n        'Strict-Transport-Security': 'max-age=63072000',\n        'X-Content-Type-Options': 'nosniff',\n    })\n    return resp\n" },
  { ...py, name: 'blueprint after_app_request hook in the app file', code: `from flask import Flask, Blueprint\n\nbp = Blueprint('main', __name__)\n\n@bp.after_app_request\ndef headers(response):\n${HEADER_HOOK_BODY}\napp = Flask(__name__)\napp.register_blueprint(bp)\n` },
  { ...py, name: 'secure package in an after_request hook', code: "from flask import Flask\nimport secure\n\nsecure_headers = secure.Secure()\napp = Flask(__name__)\n\n@app.after_request\ndef set_headers(response):\n    secure_headers.framework.flask(response)\n    return response\n" },
  { ...py, name: 'secure package set_headers', code: "from flask import Flask\nfrom secure import Secure\n\nsecure_headers = Secure.with_default_headers()\napp = Flask(__name__)\n\n@app.after_request\ndef add(response):\n    secure_headers.set_headers(response)\n    return response\n" },
  { ...py, name: 'APIFlask app with Talisman', code: "from apiflask import APIFlask\nfrom flask_talisman import Talisman\n\napp = APIFlask(__name__)\nTalisman(app)\n" },
  { ...py, name: 'FastAPI http middleware setting the headers', code: `from fastapi import FastAPI, Request\n\napp = FastAPI()\n\n@app.middleware('http')\nasync def headers(request: Request, call_next):\n    response = await call_next(request)\n${HEADER_HOOK_BODY}` },
  { ...py, name: 'FastAPI middleware class in the same file', code: `from fastapi import FastAPI\nfrom starlette.middleware.base import BaseHTTPMiddleware\n\nclass SecurityHeaders(BaseHTTPMiddleware):\n    async def dispatch(self, request, call_next):\n        response = await call_next(request)\n${HEADER_HOOK_BODY.replace(/^/gm, '    ').replace(/ {4}$/, '')}\napp = FastAPI()\napp.add_middleware(SecurityHeaders)\n` },
  { ...py, name: 'Starlette app with middleware= list', code: `from starlette.applications import Starlette\nfrom starlette.middleware import Middleware\nfrom starlette.middleware.base import BaseHTTPMiddleware\n\nclass Headers(BaseHTTPMiddleware):\n    async def dispatch(self, request, call_next):\n        response = await call_next(request)\n${HEADER_HOOK_BODY.replace(/^/gm, '    ').replace(/ {4}$/, '')}\napp = Starlette(routes=[], middleware=[Middleware(Headers)])\n` },
  { ...py, name: 'FastAPI with middleware= list', code: `from fastapi import FastAPI\nfrom starlette.middleware import Middleware\n\nclass Headers:\n    def __init__(self, app):\n        self.app = app\n    async def __call__(self, scope, receive, send):\n        headers = [(b'x-frame-options', b'DENY')]\n        await self.app(scope, receive, send)\n        # sets 'Content-Security-Policy', 'Strict-Transport-Security', 'X-Content-Type-Options', 'X-Frame-Options'\n\napp = FastAPI(middleware=[Middleware(Headers)])\n` },
  { ...py, name: 'FastAPI with the secure package in a middleware', code: "from fastapi import FastAPI\nimport secure\n\nsecure_headers = secure.Secure()\napp = FastAPI()\n\n@app.middleware('http')\nasync def add(request, call_next):\n    response = await call_next(request)\n    await secure_headers.set_headers_async(response)\n    return response\n" },
  { ...py, name: 'FastAPI with Secweb', code: "from fastapi import FastAPI\nfrom Secweb import SecWeb\n\napp = FastAPI()\nSecWeb(app=app)\n" },
  { ...py, name: 'middleware decorator applied by hand', code: `from fastapi import FastAPI\n\nasync def headers(request, call_next):\n    response = await call_next(request)\n${HEADER_HOOK_BODY}\napp = FastAPI()\napp.middleware('http')(headers)\n` },
  { ...py, name: 'an internal health server', code: "from flask import Flask\n\nhealth = Flask(__name__)\n\n@health.route('/healthz')\ndef ok():\n    return 'ok'\n" },
  { ...py, name: 'an internal metrics server with FastAPI', code: "from fastapi import FastAPI\n\nmetrics = FastAPI()\n\n@metrics.get('/metrics')\ndef m():\n    return ''\n\n@metrics.get('/ready')\ndef r():\n    return ''\n" },
  { ...py, name: 'a sub-app mounted into a protected app', code: `from fastapi import FastAPI\n\napp = FastAPI()\napi_v1 = FastAPI()\napp.mount('/v1', api_v1)\n\n@app.middleware('http')\nasync def headers(request, call_next):\n    response = await call_next(request)\n${HEADER_HOOK_BODY}` },
  { ...py, name: 'Flask app in a test file', fileName: 'tests/test_app.py', code: FLASK_APP },
  { ...py, name: 'Flask app in conftest.py', fileName: '/p/conftest.py', code: FLASK_APP },
  { ...py, name: 'FastAPI app in a test module named *_test.py', fileName: '/p/app/api_test.py', code: FASTAPI_APP },
  { ...py, name: 'Flask app in a developer script', fileName: 'scripts/mock_server.py', code: FLASK_APP },
  { ...py, name: 'Flask app in an example folder', fileName: 'examples/minimal.py', code: FLASK_APP },
  { ...py, name: 'Flask blueprint alone is not an app', code: "from flask import Blueprint\n\nbp = Blueprint('x', __name__)\n\n@bp.route('/')\ndef home():\n    return 'x'\n" },
  { ...py, name: 'FastAPI APIRouter alone is not an app', code: "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n@router.get('/')\ndef home():\n    return {}\n" },
  { ...py, name: 'a class named Flask of the project is not flask.Flask', code: "from .web import Flask\n\napp = Flask(__name__)\n" },
  {
    ...py, name: 'Flask factory applying talisman from extensions.py', fileName: '/p/app/__init__.py',
    code: "from flask import Flask\nfrom .extensions import talisman\n\ndef create_app():\n    app = Flask(__name__)\n    talisman.init_app(app)\n    return app\n",
    files: { '/p/app/extensions.py': 'from flask_talisman import Talisman\n\ntalisman = Talisman()\n' },
  },
  {
    ...py, name: 'Flask factory applying talisman imported by absolute module path', fileName: '/p/src/myapp/factory.py',
    code: "from flask import Flask\nfrom myapp.extensions import talisman\n\ndef create_app():\n    app = Flask(__name__)\n    talisman.init_app(app, force_https=False)\n    return app\n",
    files: { '/p/src/myapp/extensions.py': 'from flask_talisman import Talisman\n\ntalisman = Talisman()\n' },
  },
  {
    ...py, name: 'Talisman applied to the app in another module that imports it', fileName: '/p/app/__init__.py',
    code: "from flask import Flask\n\napp = Flask(__name__)\n\nfrom app import routes, security\n",
    files: { '/p/app/security.py': 'from flask_talisman import Talisman\nfrom app import app\n\nTalisman(app)\n' },
  },
  {
    ...py, name: 'a helper in another module applies Talisman to its parameter', fileName: '/p/app/main.py',
    code: "from flask import Flask\nfrom .security import init_security\n\napp = Flask(__name__)\ninit_security(app)\n",
    files: { '/p/app/security.py': 'from flask_talisman import Talisman\n\ndef init_security(app):\n    Talisman(app)\n' },
  },
  {
    ...py, name: 'an after_request hook in another module on the imported app', fileName: '/p/web/app.py',
    code: "from flask import Flask\n\napp = Flask(__name__)\n",
    files: { '/p/web/hooks.py': `from .app import app\n\n@app.after_request\ndef headers(response):\n${HEADER_HOOK_BODY}` },
  },
  {
    ...py, name: 'FastAPI middleware class imported from another module', fileName: '/p/backend/app/main.py',
    code: "from fastapi import FastAPI\nfrom app.core.middleware import SecurityHeadersMiddleware\n\napp = FastAPI()\napp.add_middleware(SecurityHeadersMiddleware)\n",
    files: { '/p/backend/app/core/middleware.py': `from starlette.middleware.base import BaseHTTPMiddleware\n\nclass SecurityHeadersMiddleware(BaseHTTPMiddleware):\n    async def dispatch(self, request, call_next):\n        response = await call_next(request)\n${HEADER_HOOK_BODY.replace(/^/gm, '    ').replace(/ {4}$/, '')}` },
  },
  {
    ...py, name: 'FastAPI middleware function of another module applied by setup(app)', fileName: '/p/svc/main.py',
    code: "from fastapi import FastAPI\nfrom svc.startup import setup_middleware\n\napp = FastAPI()\nsetup_middleware(app)\n",
    files: { '/p/svc/startup.py': `def setup_middleware(app):\n    @app.middleware('http')\n    async def headers(request, call_next):\n        response = await call_next(request)\n${HEADER_HOOK_BODY.replace(/^/gm, '        ').replace(/ {8}$/, '')}` },
  },
  { ...py, name: 'suppressed with a reason', code: "from flask import Flask\n\n# backend-guide-disable-next-line python-security-headers -- nginx adds the security headers\napp = Flask(__name__)\n" },
  { ...py, name: 'a file without apps or settings', code: "import os\n\ndef read():\n    return os.environ.get('X')\n" },
];

const invalid: InvalidCase[] = [
  { ...py, name: 'Flask app without headers (no requirements known: no fix)', code: FLASK_APP, errors: [{ messageId: 'flaskWithoutHeaders', line: 3, column: 7, messageIncludes: ['Talisman(app)'] }], output: null },
  {
    ...py, name: 'Flask app without headers, flask-talisman in requirements: fix adds Talisman', fileName: '/p/app.py', code: FLASK_APP,
    files: { '/p/requirements.txt': REQUIREMENTS_WITH_TALISMAN },
    errors: [{ messageId: 'flaskWithoutHeaders' }],
    output: "from flask import Flask\nfrom flask_talisman import Talisman\n\napp = Flask(__name__)\nTalisman(app)\n\n@app.route('/')\ndef home():\n    return 'hi'\n",
  },
  {
    ...py, name: 'flask-talisman in pyproject.toml: fix', fileName: '/p/src/app.py', code: "import os\nfrom flask import Flask\n\napp = Flask(__name__)\n",
    files: { '/p/pyproject.toml': '[project]\nname = "shop"\ndependencies = [\n  "flask>=3",\n  "Flask-Talisman>=1.1",\n]\n' },
    errors: [{ messageId: 'flaskWithoutHeaders' }],
    output: "import os\nfrom flask import Flask\nfrom flask_talisman import Talisman\n\napp = Flask(__name__)\nTalisman(app)\n",
  },
  {
    ...py, name: 'flask-talisman not in requirements: the message says so and no fix', fileName: '/p/app.py', code: FLASK_APP,
    files: { '/p/requirements.txt': 'flask==3.0.3\n' },
    errors: [{ messageId: 'flaskWithoutHeaders', messageIncludes: ['pip install flask-talisman'] }], output: null,
  },
  {
    ...py, name: 'fix in an app factory keeps the indentation', fileName: '/p/app/__init__.py',
    code: "from flask import Flask\n\ndef create_app():\n    app = Flask(__name__)\n    return app\n",
    files: { '/p/requirements.txt': REQUIREMENTS_WITH_TALISMAN },
    errors: [{ messageId: 'flaskWithoutHeaders', line: 4 }],
    output: "from flask import Flask\nfrom flask_talisman import Talisman\n\ndef create_app():\n    app = Flask(__name__)\n    Talisman(app)\n    return app\n",
  },
  {
    ...py, name: 'Talisman imported but never applied: fix reuses the import', fileName: '/p/app.py',
    code: "from flask import Flask\nfrom flask_talisman import Talisman\n\napp = Flask(__name__)\n",
    files: { '/p/requirements.txt': 'flask\n' },
    errors: [{ messageId: 'flaskWithoutHeaders' }],
    output: "from flask import Flask\nfrom flask_talisman import Talisman\n\napp = Flask(__name__)\nTalisman(app)\n",
  },
  { ...py, name: 'Flask app imported as a module', code: "import flask\n\napplication = flask.Flask(__name__)\n", errors: [{ messageId: 'flaskWithoutHeaders', line: 3 }], output: null },
  { ...py, name: 'Flask app under another name', code: "from flask import Flask as F\n\nweb = F('web')\n", errors: [{ messageId: 'flaskWithoutHeaders' }], output: null },
  { ...py, name: 'APIFlask app without headers', code: "from apiflask import APIFlask\n\napp = APIFlask(__name__)\n", errors: [{ messageId: 'flaskWithoutHeaders' }] },
  { ...py, name: 'Quart app without headers', code: "from quart import Quart\n\napp = Quart(__name__)\n", errors: [{ messageId: 'flaskWithoutHeaders' }] },
  { ...py, name: 'Flask app with only X-Frame-Options and nosniff', code: "from flask import Flask\n\napp = Flask(__name__)\n\n@app.after_request\ndef h(response):\n    response.headers['X-Frame-Options'] = 'DENY'\n    response.headers['X-Content-Type-Options'] = 'nosniff'\n    return response\n", errors: [{ messageId: 'partialHeaders', line: 3, messageIncludes: ['Content-Security-Policy, Strict-Transport-Security'], related: [{ line: 5, messageIncludes: 'X-Frame-Options' }] }] },
  { ...py, name: 'after_request hook that sets unrelated headers', code: "from flask import Flask\n\napp = Flask(__name__)\n\n@app.after_request\ndef h(response):\n    response.headers['Cache-Control'] = 'no-store'\n    return response\n", errors: [{ messageId: 'flaskWithoutHeaders' }] },
  { ...py, name: 'two apps, only one protected', code: "from flask import Flask\nfrom flask_talisman import Talisman\n\napp = Flask(__name__)\nadmin = Flask('admin')\nTalisman(app)\n\n@admin.route('/users')\ndef users():\n    return ''\n", errors: [{ messageId: 'flaskWithoutHeaders', line: 5 }] },
  { ...py, name: 'Flask app with only a health route plus a real one', code: "from flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/health')\ndef h():\n    return 'ok'\n\n@app.route('/orders')\ndef o():\n    return ''\n", errors: [{ messageId: 'flaskWithoutHeaders' }] },
  { ...py, name: 'Flask app that registers blueprints but sets no headers', code: "from flask import Flask\nfrom .views import bp\n\napp = Flask(__name__)\napp.register_blueprint(bp)\n", errors: [{ messageId: 'flaskWithoutHeaders' }] },
  {
    ...py, name: 'Talisman applied to another project\'s app does not count', fileName: '/p/shop/app.py',
    code: "from flask import Flask\n\napp = Flask(__name__)\n",
    files: { '/p/blog/app.py': 'from flask import Flask\nfrom flask_talisman import Talisman\n\napp = Flask(__name__)\nTalisman(app)\n' },
    errors: [{ messageId: 'flaskWithoutHeaders' }],
  },
  {
    ...py, name: 'Talisman protecting the other module\'s own app does not count', fileName: '/p/pkg/main.py',
    code: "from flask import Flask\nfrom pkg.admin import admin\n\napp = Flask(__name__)\n",
    files: { '/p/pkg/admin.py': 'from flask import Flask\nfrom flask_talisman import Talisman\n\nadmin = Flask("admin")\nTalisman(admin)\n' },
    errors: [{ messageId: 'flaskWithoutHeaders' }],
  },
  {
    ...py, name: 'an imported name that sets no headers does not count', fileName: '/p/app/__init__.py',
    code: "from flask import Flask\nfrom .extensions import db\n\ndef create_app():\n    app = Flask(__name__)\n    db.init_app(app)\n    return app\n",
    files: { '/p/app/extensions.py': 'from flask_sqlalchemy import SQLAlchemy\n\ndb = SQLAlchemy()\n' },
    errors: [{ messageId: 'flaskWithoutHeaders', line: 5 }],
  },
  {
    ...py, name: 'a hook in another module setting some headers: the finding points there', fileName: '/p/web/app.py',
    code: "from flask import Flask\n\napp = Flask(__name__)\n",
    files: { '/p/web/hooks.py': "from .app import app\n\n@app.after_request\ndef frame(response):\n    response.headers['X-Frame-Options'] = 'DENY'\n    return response\n" },
    errors: [{ messageId: 'partialHeaders', line: 3, related: [{ line: 3, column: 1, messageIncludes: 'X-Frame-Options here (hooks.py)' }] }],
  },
  { ...py, name: 'FastAPI app without header middleware', code: FASTAPI_APP, errors: [{ messageId: 'asgiWithoutHeaders', line: 3, column: 7, messageIncludes: ['FastAPI app', '@app.middleware("http")'] }], output: null },
  { ...py, name: 'FastAPI app with CORS middleware only', code: "from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origins=['https://example.com'])\n", errors: [{ messageId: 'asgiWithoutHeaders' }] },
  { ...py, name: 'FastAPI app with a timing middleware that sets no security header', code: "from fastapi import FastAPI\nimport time\n\napp = FastAPI()\n\n@app.middleware('http')\nasync def timing(request, call_next):\n    start = time.time()\n    response = await call_next(request)\n    response.headers['X-Process-Time'] = str(time.time() - start)\n    return response\n", errors: [{ messageId: 'asgiWithoutHeaders' }] },
  { ...py, name: 'FastAPI middleware with HSTS only', code: "from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.middleware('http')\nasync def hsts(request, call_next):\n    response = await call_next(request)\n    response.headers['Strict-Transport-Security'] = 'max-age=31536000'\n    return response\n", errors: [{ messageId: 'partialHeaders', messageIncludes: ['FastAPI', 'Content-Security-Policy, X-Content-Type-Options, X-Frame-Options'] }] },
  { ...py, name: 'Starlette app without middleware', code: "from starlette.applications import Starlette\n\napp = Starlette(routes=[])\n", errors: [{ messageId: 'asgiWithoutHeaders', messageIncludes: ['Starlette app'] }] },
  { ...py, name: 'FastAPI app created in a factory', code: "from fastapi import FastAPI\n\ndef get_application() -> FastAPI:\n    application = FastAPI(title='api')\n    return application\n\napp = get_application()\n", errors: [{ messageId: 'asgiWithoutHeaders', line: 4 }] },
  {
    ...py, name: 'FastAPI app whose imported middleware sets no headers', fileName: '/p/app/main.py',
    code: "from fastapi import FastAPI\nfrom app.middleware import LoggingMiddleware\n\napp = FastAPI()\napp.add_middleware(LoggingMiddleware)\n",
    files: { '/p/app/middleware.py': 'from starlette.middleware.base import BaseHTTPMiddleware\n\nclass LoggingMiddleware(BaseHTTPMiddleware):\n    async def dispatch(self, request, call_next):\n        return await call_next(request)\n' },
    errors: [{ messageId: 'asgiWithoutHeaders' }],
  },
  {
    ...py, name: 'Django settings without SecurityMiddleware: fix adds it first',
    code: settings({ middleware: ['django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.csrf.CsrfViewMiddleware', 'django.middleware.clickjacking.XFrameOptionsMiddleware'] }),
    errors: [{ messageId: 'securityMiddlewareMissing', line: 8, messageIncludes: ['security.W001'] }],
    output: settings({ middleware: ['django.middleware.security.SecurityMiddleware', 'django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.csrf.CsrfViewMiddleware', 'django.middleware.clickjacking.XFrameOptionsMiddleware'] }),
  },
  {
    ...py, name: 'SecurityMiddleware missing from a one-line list with double quotes',
    code: 'INSTALLED_APPS = []\nMIDDLEWARE = ["django.middleware.clickjacking.XFrameOptionsMiddleware"]\nSECURE_SSL_REDIRECT = True\nSECURE_HSTS_SECONDS = 3600\n',
    errors: [{ messageId: 'securityMiddlewareMissing', line: 2 }],
    output: 'INSTALLED_APPS = []\nMIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "django.middleware.clickjacking.XFrameOptionsMiddleware"]\nSECURE_SSL_REDIRECT = True\nSECURE_HSTS_SECONDS = 3600\n',
  },
  {
    ...py, name: 'empty middleware list',
    code: 'INSTALLED_APPS = []\nMIDDLEWARE = []\n',
    errors: [{ messageId: 'securityMiddlewareMissing' }, { messageId: 'deploySettingsMissing', messageIncludes: ['security.W002'] }],
    output: "INSTALLED_APPS = []\nMIDDLEWARE = ['django.middleware.security.SecurityMiddleware']\n",
  },
  {
    ...py, name: 'old MIDDLEWARE_CLASSES without SecurityMiddleware',
    code: "INSTALLED_APPS = []\nMIDDLEWARE_CLASSES = (\n    'django.middleware.clickjacking.XFrameOptionsMiddleware',\n)\n",
    errors: [{ messageId: 'securityMiddlewareMissing', messageIncludes: ['MIDDLEWARE_CLASSES'] }],
    output: "INSTALLED_APPS = []\nMIDDLEWARE_CLASSES = (\n    'django.middleware.security.SecurityMiddleware',\n    'django.middleware.clickjacking.XFrameOptionsMiddleware',\n)\n",
  },
  {
    ...py, name: 'SecurityMiddleware after WhiteNoise: move it up',
    code: settings({ middleware: ['whitenoise.middleware.WhiteNoiseMiddleware', 'django.middleware.security.SecurityMiddleware', 'django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.csrf.CsrfViewMiddleware', 'django.middleware.clickjacking.XFrameOptionsMiddleware'] }),
    errors: [{ messageId: 'securityMiddlewareLate', line: 10, messageIncludes: ['WhiteNoiseMiddleware'] }],
    output: settings({ middleware: ['django.middleware.security.SecurityMiddleware', 'whitenoise.middleware.WhiteNoiseMiddleware', 'django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.csrf.CsrfViewMiddleware', 'django.middleware.clickjacking.XFrameOptionsMiddleware'] }),
  },
  {
    ...py, name: 'SecurityMiddleware after CommonMiddleware',
    code: settings({ middleware: ['django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.common.CommonMiddleware', 'django.middleware.security.SecurityMiddleware', 'django.middleware.csrf.CsrfViewMiddleware', 'django.middleware.clickjacking.XFrameOptionsMiddleware'] }),
    errors: [{ messageId: 'securityMiddlewareLate', line: 11, messageIncludes: ['CommonMiddleware'] }],
    output: settings({ middleware: ['django.middleware.security.SecurityMiddleware', 'django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.common.CommonMiddleware', 'django.middleware.csrf.CsrfViewMiddleware', 'django.middleware.clickjacking.XFrameOptionsMiddleware'] }),
  },
  { ...py, name: 'DEBUG = True in production settings', code: settings({ debug: 'DEBUG = True' }), errors: [{ messageId: 'debugInProduction', line: 16, column: 1, endColumn: 13, messageIncludes: ['security.W018'] }], output: null },
  {
    ...py, name: 'web settings missing HTTPS settings, with task-worker settings built on them that set no deployment setting', fileName: '/p/shop/settings.py',
    code: NO_HTTPS,
    files: { '/p/worker/settings.py': WORKER_SETTINGS },
    errors: [{ messageId: 'deploySettingsMissing', line: 8, messageIncludes: ['SECURE_HSTS_SECONDS is not set (security.W004)', 'SECURE_SSL_REDIRECT is not set (security.W008)'] }],
  },
  {
    ...py, name: 'settings built on a base that set DEBUG themselves are a deployment variant: the chain is judged through them', fileName: '/p/worker/settings.py',
    code: `${WORKER_SETTINGS}DEBUG = True\n`,
    files: { '/p/shop/settings.py': NO_HTTPS },
    errors: [{ messageId: 'deploySettingsMissing', line: 1, messageIncludes: ['SECURE_HSTS_SECONDS is not set (security.W004)'] }, { messageId: 'debugInProduction', line: 6 }],
  },
  {
    ...py, name: 'DEBUG = True in a base module that production does not override', fileName: '/p/mysite/settings/base.py',
    code: settings({ debug: 'DEBUG = True' }),
    files: { '/p/mysite/settings/production.py': "from .base import *\n\nALLOWED_HOSTS = ['example.com']\n" },
    errors: [{ messageId: 'debugInProduction' }],
  },
  {
    ...py, name: 'DEBUG = True in settings.py that only dev settings build on', fileName: '/p/mysite/settings/__init__.py',
    code: settings({ debug: 'DEBUG = True' }),
    files: { '/p/mysite/settings/local.py': 'from . import *\n\nDEBUG = True\n' },
    errors: [{ messageId: 'debugInProduction' }],
  },
  {
    ...py, name: 'production module reported where it leaves HTTPS settings unset', fileName: '/p/mysite/settings/production.py',
    code: "from .base import *\n\nDEBUG = False\n",
    files: { '/p/mysite/settings/base.py': "INSTALLED_APPS = ['django.contrib.sessions']\nMIDDLEWARE = [\n    'django.middleware.security.SecurityMiddleware',\n    'django.contrib.sessions.middleware.SessionMiddleware',\n    'django.middleware.csrf.CsrfViewMiddleware',\n    'django.middleware.clickjacking.XFrameOptionsMiddleware',\n]\n" },
    errors: [{ messageId: 'deploySettingsMissing', line: 1, messageIncludes: ['SECURE_HSTS_SECONDS is not set (security.W004)', 'SECURE_SSL_REDIRECT is not set (security.W008)', 'SESSION_COOKIE_SECURE is not set (security.W012)', 'CSRF_COOKIE_SECURE is not set (security.W016)'] }],
  },
  {
    ...py, name: 'SecurityMiddleware missing from a base module is reported in the base', fileName: '/p/mysite/settings/base.py',
    code: "INSTALLED_APPS = []\nMIDDLEWARE = [\n    'django.middleware.clickjacking.XFrameOptionsMiddleware',\n]\n",
    files: { '/p/mysite/settings/prod.py': 'from .base import *\n\nSECURE_SSL_REDIRECT = True\nSECURE_HSTS_SECONDS = 3600\nCSRF_COOKIE_SECURE = True\nSESSION_COOKIE_SECURE = True\n' },
    errors: [{ messageId: 'securityMiddlewareMissing', line: 2 }],
  },
  { ...py, name: 'SECURE_CONTENT_TYPE_NOSNIFF = False: fix sets True', code: settings({ extra: 'SECURE_CONTENT_TYPE_NOSNIFF = False' }), errors: [{ messageId: 'settingOff', line: 21, messageIncludes: ['security.W006', 'SECURE_CONTENT_TYPE_NOSNIFF = False'] }], output: settings({ extra: 'SECURE_CONTENT_TYPE_NOSNIFF = True' }) },
  { ...py, name: 'SECURE_HSTS_SECONDS = 0', code: settings().replace('SECURE_HSTS_SECONDS = 31536000', 'SECURE_HSTS_SECONDS = 0'), errors: [{ messageId: 'settingOff', line: 18, messageIncludes: ['security.W004', 'SECURE_HSTS_SECONDS = 0'] }], output: null },
  { ...py, name: 'SECURE_SSL_REDIRECT = False', code: settings().replace('SECURE_SSL_REDIRECT = True', 'SECURE_SSL_REDIRECT = False'), errors: [{ messageId: 'settingOff', line: 17, messageIncludes: ['security.W008'] }], output: null },
  { ...py, name: 'SESSION_COOKIE_SECURE = False: fix sets True', code: settings().replace('SESSION_COOKIE_SECURE = True', 'SESSION_COOKIE_SECURE = False'), errors: [{ messageId: 'settingOff', line: 19, messageIncludes: ['security.W012'] }], output: settings() },
  { ...py, name: 'CSRF_COOKIE_SECURE = False: fix sets True', code: settings().replace('CSRF_COOKIE_SECURE = True', 'CSRF_COOKIE_SECURE = False'), errors: [{ messageId: 'settingOff', line: 20, messageIncludes: ['security.W016'] }], output: settings() },
  { ...py, name: "X_FRAME_OPTIONS = 'ALLOWALL'", code: settings({ extra: "X_FRAME_OPTIONS = 'ALLOWALL'" }), errors: [{ messageId: 'settingOff', messageIncludes: ['security.W019', "X_FRAME_OPTIONS = 'ALLOWALL'"] }], output: null },
  {
    ...py, name: 'the default startproject settings',
    code: "from pathlib import Path\n\nBASE_DIR = Path(__file__).resolve().parent.parent\nSECRET_KEY = 'django-insecure-x'\nDEBUG = True\nALLOWED_HOSTS = []\n\nINSTALLED_APPS = [\n    'django.contrib.admin',\n    'django.contrib.auth',\n    'django.contrib.contenttypes',\n    'django.contrib.sessions',\n    'django.contrib.messages',\n    'django.contrib.staticfiles',\n]\n\nMIDDLEWARE = [\n    'django.middleware.security.SecurityMiddleware',\n    'django.contrib.sessions.middleware.SessionMiddleware',\n    'django.middleware.common.CommonMiddleware',\n    'django.middleware.csrf.CsrfViewMiddleware',\n    'django.contrib.auth.middleware.AuthenticationMiddleware',\n    'django.contrib.messages.middleware.MessageMiddleware',\n    'django.middleware.clickjacking.XFrameOptionsMiddleware',\n]\n",
    errors: [{ messageId: 'debugInProduction', line: 5 }, { messageId: 'deploySettingsMissing', line: 17, messageIncludes: ['security.W004', 'security.W008', 'security.W012', 'security.W016'] }],
  },
  {
    ...py, name: 'XFrameOptionsMiddleware missing', code: settings({ middleware: ['django.middleware.security.SecurityMiddleware', 'django.contrib.sessions.middleware.SessionMiddleware', 'django.middleware.csrf.CsrfViewMiddleware'] }),
    errors: [{ messageId: 'deploySettingsMissing', line: 8, messageIncludes: ['XFrameOptionsMiddleware is not in MIDDLEWARE (security.W002)'] }], output: null,
  },
  {
    ...py, name: 'cookie flags unset while sessions are used through INSTALLED_APPS only',
    code: "INSTALLED_APPS = ['django.contrib.sessions']\nMIDDLEWARE = [\n    'django.middleware.security.SecurityMiddleware',\n    'django.middleware.clickjacking.XFrameOptionsMiddleware',\n]\nSECURE_SSL_REDIRECT = True\nSECURE_HSTS_SECONDS = 3600\n",
    errors: [{ messageId: 'deploySettingsMissing', messageIncludes: ['SESSION_COOKIE_SECURE is not set (security.W012)'] }],
  },
  {
    ...py, name: 'settings module with no middleware list reported at its first statement',
    code: "import os\n\nINSTALLED_APPS = ['django.contrib.sessions']\nMIDDLEWARE = MIDDLEWARE_BASE + ['x']\n",
    errors: [{ messageId: 'deploySettingsMissing', line: 4 }],
  },
  {
    ...py, name: 'a value set unconditionally and again in a dev-only import is still judged',
    code: settings({ debug: 'DEBUG = True' }) + 'try:\n    from .local_settings import *\nexcept ImportError:\n    pass\n',
    errors: [{ messageId: 'debugInProduction' }],
  },
];

// Every development settings name keeps its findings to itself; the same content named settings.py is judged.
for (const name of ['settings.py', 'production.py', 'prod.py', 'base.py', 'common.py', 'staging.py']) {
  invalid.push({ ...py, name: `DEBUG = True in ${name}`, fileName: `/p/mysite/${name}`, code: settings({ debug: 'DEBUG = True' }), files: { '/p/mysite/urls.py': 'urlpatterns = []\n' }, errors: [{ messageId: 'debugInProduction' }] });
}

runRuleTests(pythonSecurityHeaders, { valid, invalid });
