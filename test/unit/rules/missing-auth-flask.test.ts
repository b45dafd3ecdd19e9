import { missingAuth } from '../../../src/engine/rules/missing-auth';
import { runRuleTests, type InvalidCase, type ValidCase } from '../../../src/testing/rule-tester';

/** Flask: `@app.route` and blueprints, Flask-Login, Flask-JWT-Extended, Flask-HTTPAuth, before_request hooks, project decorators judged by their body. */

const HEAD = "from flask import Flask, abort, redirect, url_for, request, session, g\n\napp = Flask(__name__)\n";
const LOGIN = "from flask import Flask, redirect, url_for\nfrom flask_login import login_required, current_user\n\napp = Flask(__name__)\n";

function py(name: string, code: string, extra: Partial<ValidCase> = {}): ValidCase {
  return { name, code, languageId: 'python', ...extra };
}

/** A decorator built by returning another project decorator, which a class's `__call__` implements. */
const BUILT = (abort: string): string => `${HEAD}\nclass require_permissions:\n    def __init__(self, permissions):\n        self.permissions = permissions\n\n    def __call__(self, fn):\n        def decorated(*args, **kwargs):\n            if g.user.has_permissions(self.permissions):\n                return fn(*args, **kwargs)\n            ${abort}\n        return decorated\n\ndef require_permission(permission):\n    return require_permissions((permission,))\n\ndef require_super_admin(fn):\n    return require_permission('super_admin')(fn)\n\n@app.route('/admin/queries', methods=['DELETE'])\n@require_super_admin\ndef purge_queries():\n    return 'ok'\n`;
/** Paths written through a project helper (`org_scoped_rule('/reset/<token>')`). */
const SCOPED = (rule: string): string => `${HEAD}\ndef org_scoped_rule(rule):\n    return '/<org_slug>' + rule if MULTI_ORG else rule\n\n@app.route(org_scoped_rule('${rule}'), methods=['GET', 'POST'])\ndef step(org_slug=None):\n    db.session.add(Thing())\n    return 'ok'\n`;

const valid: ValidCase[] = [
  py('a decorator built from a project decorator class that aborts with 403', BUILT('abort(403)')),
  py('a path written through a project helper keeps its written part (a password reset)', SCOPED('/reset/<token>')),
  py('a GET route that reads nothing sensitive', `${HEAD}\n@app.route('/')\ndef index():\n    return 'hello'\n`),
  py('Flask-Login @login_required below the route decorator', `${LOGIN}\n@app.route('/notes', methods=['POST'])\n@login_required\ndef create_note():\n    db.session.add(Note())\n    return 'ok'\n`),
  py('Flask-JWT-Extended @jwt_required()', `from flask import Flask\nfrom flask_jwt_extended import jwt_required\n\napp = Flask(__name__)\n\n@app.post('/orders')\n@jwt_required()\ndef create_order():\n    return 'ok'\n`),
  py('Flask-JWT-Extended 3 @jwt_required without a call', `from flask import Flask\nfrom flask_jwt_extended import jwt_required\n\napp = Flask(__name__)\n\n@app.route('/orders', methods=['DELETE'])\n@jwt_required\ndef drop_orders():\n    return 'ok'\n`),
  py('Flask-HTTPAuth @auth.login_required', `from flask import Flask\nfrom flask_httpauth import HTTPBasicAuth\n\napp = Flask(__name__)\nauth = HTTPBasicAuth()\n\n@app.route('/tokens', methods=['POST'])\n@auth.login_required\ndef get_token():\n    return 'ok'\n`),
  py('Flask-HTTPAuth token auth with a role', `from flask import Flask\nfrom flask_httpauth import HTTPTokenAuth\n\napp = Flask(__name__)\ntoken_auth = HTTPTokenAuth()\n\n@app.route('/admin/users', methods=['DELETE'])\n@token_auth.login_required(role='admin')\ndef purge():\n    return 'ok'\n`),
  py('a project decorator that answers 403 is a guard, whatever its name', `${HEAD}\nfrom functools import wraps\n\ndef needs_staff(f):\n    @wraps(f)\n    def inner(*args, **kwargs):\n        if not g.user or not g.user.is_staff:\n            abort(403)\n        return f(*args, **kwargs)\n    return inner\n\n@app.route('/reports', methods=['POST'])\n@needs_staff\ndef make_report():\n    return 'ok'\n`),
  py('a project decorator that redirects to the login page', `${HEAD}\nfrom functools import wraps\n\ndef member_only(view):\n    @wraps(view)\n    def wrapped(**kwargs):\n        if g.user is None:\n            return redirect(url_for('auth.login'))\n        return view(**kwargs)\n    return wrapped\n\n@app.route('/create', methods=('GET', 'POST'))\n@member_only\ndef create():\n    return 'ok'\n`),
  py('a project decorator that raises Unauthorized', `${HEAD}\nfrom werkzeug.exceptions import Unauthorized\n\ndef token_check(f):\n    def inner(*a, **k):\n        if not request.headers.get('X-Token'):\n            raise Unauthorized()\n        return f(*a, **k)\n    return inner\n\n@app.route('/items', methods=['PUT'])\n@token_check\ndef put_item():\n    return 'ok'\n`),
  py('a project decorator that answers with a 401 tuple', `${HEAD}\ndef api_key_required(f):\n    def inner(*a, **k):\n        if request.headers.get('X-Api-Key') != KEY:\n            return {'error': 'unauthorized'}, 401\n        return f(*a, **k)\n    return inner\n\n@app.route('/items', methods=['POST'])\n@api_key_required\ndef add_item():\n    return 'ok'\n`),
  py('a check inside the view that aborts with 401', `${LOGIN}\nfrom flask import abort\n\n@app.route('/posts', methods=['POST'])\ndef new_post():\n    if not current_user.is_authenticated:\n        abort(401)\n    return 'ok'\n`),
  py('the work done only for a signed-in caller, anyone else redirected after it', `${LOGIN}\n@app.route('/notes', methods=['POST'])\ndef add():\n    if current_user.is_authenticated:\n        db.session.add(Note())\n        return 'ok'\n    return redirect(url_for('index'))\n`),
  py('a session check inside the view that redirects to log in', `${HEAD}\n@app.route('/transfer', methods=['POST'])\ndef transfer():\n    if 'user_id' not in session:\n        return redirect(url_for('login'))\n    return 'ok'\n`),
  py('verify_jwt_in_request() called in the view', `from flask import Flask\nfrom flask_jwt_extended import verify_jwt_in_request\n\napp = Flask(__name__)\n\n@app.route('/me', methods=['PATCH'])\ndef update_me():\n    verify_jwt_in_request()\n    return 'ok'\n`),
  py('before_request on the app that refuses anonymous callers', `${HEAD}\n@app.before_request\ndef require_login():\n    if g.user is None and request.endpoint != 'login':\n        abort(401)\n\n@app.route('/notes', methods=['POST'])\ndef add_note():\n    return 'ok'\n`),
  py('before_request registered by call', `${HEAD}\ndef check_session():\n    if not session.get('uid'):\n        return redirect(url_for('login'))\n\napp.before_request(check_session)\n\n@app.route('/notes/<int:id>', methods=['DELETE'])\ndef drop_note(id):\n    return 'ok'\n`),
  py('before_request on a blueprint guards its routes', `from flask import Blueprint, abort, g\n\nbp = Blueprint('admin', __name__, url_prefix='/admin')\n\n@bp.before_request\ndef only_admins():\n    if not g.user or not g.user.is_admin:\n        abort(403)\n\n@bp.route('/users/<int:id>', methods=['DELETE'])\ndef delete_user(id):\n    return 'ok'\n`),
  py('POST /login is a sign-in step', `${HEAD}\n@app.route('/login', methods=['GET', 'POST'])\ndef login():\n    return 'ok'\n`),
  py('POST /register is a sign-up step', `${HEAD}\n@app.route('/auth/register', methods=['POST'])\ndef register():\n    return 'ok'\n`),
  py('logout is a sign-in step', `${HEAD}\n@app.route('/logout', methods=['POST'])\ndef logout():\n    session.clear()\n    return 'ok'\n`),
  py('POST /register/customer signs a customer up', `${HEAD}\n@app.route('/register/customer', methods=['POST'])\ndef reg_customer():\n    db.session.add(Customer(**request.json))\n    return 'ok'\n`),
  py('a health check', `${HEAD}\n@app.get('/health')\ndef health():\n    return {'ok': True}\n`),
  py('a webhook that compares the signature with hmac.compare_digest', `${HEAD}\nimport hmac\n\n@app.route('/webhooks/github', methods=['POST'])\ndef github_hook():\n    if not hmac.compare_digest(sign(request.data), request.headers['X-Hub-Signature-256']):\n        abort(400)\n    return 'ok'\n`),
  py('a Stripe webhook that checks construct_event', `${HEAD}\nimport stripe\n\n@app.post('/stripe/webhook')\ndef stripe_hook():\n    event = stripe.Webhook.construct_event(request.data, request.headers['Stripe-Signature'], SECRET)\n    return 'ok'\n`),
  py('a route marked public with a comment above its decorators', `${HEAD}\n# backend-guide-public: visitors leave guestbook entries without an account\n@app.route('/guestbook', methods=['POST'])\ndef sign_guestbook():\n    return 'ok'\n`),
  py('a route marked public with a comment between the decorator and def', `${HEAD}\n@app.route('/guestbook', methods=['POST'])\n# backend-guide-public: visitors leave guestbook entries without an account\ndef sign_guestbook():\n    return 'ok'\n`),
  py('a contact form anyone may post', `${HEAD}\n@app.post('/contact')\ndef contact():\n    send_mail(request.form)\n    return 'ok'\n`),
  py('robots.txt is a static file', `${HEAD}\n@app.route('/robots.txt')\ndef robots():\n    return 'User-agent: *'\n`),
  py('a test file serves no routes', `${HEAD}\n@app.route('/notes', methods=['POST'])\ndef add_note():\n    return 'ok'\n`, { fileName: '/project/tests/test_notes.py' }),
  py('roles_required on an admin route is a role check', `from flask import Flask\nfrom flask_security import roles_required\n\napp = Flask(__name__)\n\n@app.route('/admin/settings', methods=['POST'])\n@roles_required('admin')\ndef save_settings():\n    return 'ok'\n`),
  py('a decorator imported from another project file, judged by its body', `from flask import Blueprint\nfrom .auth import login_needed\n\nbp = Blueprint('notes', __name__)\n\n@bp.route('/notes', methods=['POST'])\n@login_needed\ndef add():\n    return 'ok'\n`, {
    fileName: '/project/app/notes.py',
    files: {
      '/project/app/auth.py': "from functools import wraps\nfrom flask import g, redirect, url_for\n\ndef login_needed(view):\n    @wraps(view)\n    def wrapped(**kwargs):\n        if g.user is None:\n            return redirect(url_for('auth.login'))\n        return view(**kwargs)\n    return wrapped\n",
      '/project/app/__init__.py': "from flask import Flask\n\ndef create_app():\n    app = Flask(__name__)\n    from . import notes\n    app.register_blueprint(notes.bp)\n    return app\n",
    },
  }),
  py('a blueprint whose app, in another file, refuses anonymous callers before every request', `from flask import Blueprint\n\nbp = Blueprint('api', __name__)\n\n@bp.route('/items', methods=['POST'])\ndef add_item():\n    return 'ok'\n`, {
    fileName: '/project/app/api.py',
    files: {
      '/project/app/__init__.py': "from flask import Flask, abort, g\nfrom app.api import bp as api_bp\n\napp = Flask(__name__)\napp.register_blueprint(api_bp, url_prefix='/api')\n\n@app.before_request\ndef guard():\n    if g.user is None:\n        abort(401)\n",
    },
  }),
  py('HEAD and OPTIONS answers carry no body', `${HEAD}\n@app.route('/items', methods=['HEAD', 'OPTIONS'])\ndef probe():\n    return ''\n`),
  py('a project app whose other routes check: this sign-in route stays public', `${LOGIN}\n@app.route('/signin', methods=['POST'])\ndef signin():\n    return 'ok'\n\n@app.route('/notes', methods=['POST'])\n@login_required\ndef add():\n    return 'ok'\n`, { fileName: '/project/app.py', files: {} }),
];

const invalid: InvalidCase[] = [
  { name: 'a decorator built from a project decorator class that refuses nobody', languageId: 'python', code: BUILT('return None'), errors: [{ messageId: 'pyMissingAuth' }] },
  { name: 'a path written through a project helper is judged by its written part', languageId: 'python', code: SCOPED('/orders'), errors: [{ messageId: 'pyMissingAuth', messageIncludes: ['/orders'] }] },
  { name: 'a POST route with no check', languageId: 'python', code: `${HEAD}\n@app.route('/notes', methods=['POST'])\ndef add_note():\n    return 'ok'\n`,
    errors: [{ messageId: 'pyMissingAuth', line: 6, column: 5, messageIncludes: ['POST /notes', '@login_required', 'Flask'] }],
    output: `${HEAD}\n@app.route('/notes', methods=['POST'])\n# backend-guide-public: <why anyone may call this route>\ndef add_note():\n    return 'ok'\n` },
  { name: 'the fix adds the decorator the file uses on other routes', languageId: 'python', code: `${LOGIN}\n@app.route('/notes', methods=['POST'])\n@login_required\ndef add():\n    return 'ok'\n\n@app.route('/notes/<int:id>', methods=['DELETE'])\ndef drop(id):\n    return 'ok'\n`,
    errors: [{ messageId: 'pyMissingAuth', line: 12, messageIncludes: ['DELETE /notes/:id', 'this project uses @login_required', '1 of 2 routes in app.py check the caller'] }],
    output: `${LOGIN}\n@app.route('/notes', methods=['POST'])\n@login_required\ndef add():\n    return 'ok'\n\n@app.route('/notes/<int:id>', methods=['DELETE'])\n@login_required\ndef drop(id):\n    return 'ok'\n` },
  { name: 'the fix imports the decorator when the file does not have it yet', languageId: 'python', fileName: '/project/app/admin.py',
    code: "from flask import Blueprint\n\nbp = Blueprint('billing', __name__, url_prefix='/billing')\n\n@bp.route('/invoices', methods=['POST'])\ndef add_invoice():\n    return 'ok'\n",
    files: {
      '/project/app/main.py': "from flask import Flask\nfrom flask_login import login_required\n\napp = Flask(__name__)\n\n@app.route('/notes', methods=['POST'])\n@login_required\ndef add():\n    return 'ok'\n",
    },
    errors: [{ messageId: 'pyMissingAuth', line: 6, messageIncludes: ['POST /billing/invoices', 'this project uses @login_required'] }],
    output: "from flask import Blueprint\nfrom flask_login import login_required\n\nbp = Blueprint('billing', __name__, url_prefix='/billing')\n\n@bp.route('/invoices', methods=['POST'])\n@login_required\ndef add_invoice():\n    return 'ok'\n" },
  { name: '@login_required above the route decorator never runs', languageId: 'python', code: `${LOGIN}\n@login_required\n@app.route('/notes', methods=['POST'])\ndef add():\n    return 'ok'\n`,
    errors: [{ messageId: 'pyGuardAboveRoute', line: 8, messageIncludes: ['@login_required', 'below'] }] },
  { name: 'a GET route reading user records by id', languageId: 'python', code: `${HEAD}\n@app.route('/users/<int:user_id>')\ndef show_user(user_id):\n    return User.query.get(user_id).to_dict()\n`,
    errors: [{ messageId: 'pyMissingAuthSensitive', line: 6, messageIncludes: ['GET /users/:user_id'] }] },
  { name: 'Flask 2 @app.delete', languageId: 'python', code: `${HEAD}\n@app.delete('/items/<id>')\ndef drop(id):\n    return 'ok'\n`,
    errors: [{ messageId: 'pyMissingAuth', messageIncludes: ['DELETE /items/:id'] }] },
  { name: 'methods list with GET and POST', languageId: 'python', code: `${HEAD}\n@app.route('/edit', methods=['GET', 'POST'])\ndef edit():\n    return 'ok'\n`,
    errors: [{ messageId: 'pyMissingAuth', messageIncludes: ['GET/POST /edit'] }] },
  { name: 'an admin blueprint route guarded only by sign-in', languageId: 'python', code: "from flask import Blueprint\nfrom flask_login import login_required\n\nbp = Blueprint('admin', __name__, url_prefix='/admin')\n\n@bp.route('/users/<int:id>', methods=['DELETE'])\n@login_required\ndef delete_user(id):\n    return 'ok'\n",
    errors: [{ messageId: 'pyAdminWithoutRole', messageIncludes: ['DELETE /admin/users/:id'] }], output: null },
  { name: 'a before_request hook that only logs is no guard', languageId: 'python', code: `${HEAD}\n@app.before_request\ndef log_it():\n    app.logger.info(request.path)\n\n@app.route('/notes', methods=['POST'])\ndef add():\n    return 'ok'\n`,
    errors: [{ messageId: 'pyMissingAuth' }] },
  { name: 'a project decorator that never refuses is no guard, even named login_required', languageId: 'python', code: `${HEAD}\nimport time\n\ndef login_required(f):\n    def inner(*a, **k):\n        started = time.time()\n        return f(*a, **k)\n    return inner\n\n@app.route('/notes', methods=['POST'])\n@login_required\ndef add():\n    return 'ok'\n`,
    errors: [{ messageId: 'pyMissingAuth' }] },
  { name: 'jwt_required(optional=True) lets anyone in', languageId: 'python', code: `from flask import Flask\nfrom flask_jwt_extended import jwt_required\n\napp = Flask(__name__)\n\n@app.post('/comments')\n@jwt_required(optional=True)\ndef comment():\n    return 'ok'\n`,
    errors: [{ messageId: 'pyMissingAuth' }] },
  { name: 'a webhook with no signature check', languageId: 'python', code: `${HEAD}\n@app.route('/webhooks/payments', methods=['POST'])\ndef payment_hook():\n    mark_paid(request.json['order'])\n    return 'ok'\n`,
    errors: [{ messageId: 'pyUnsignedWebhook' }], output: null },
  { name: 'a check that answers 404 for anonymous callers is not an auth refusal', languageId: 'python', code: `${HEAD}\n@app.route('/posts/<int:id>', methods=['POST'])\ndef edit(id):\n    post = Post.query.get(id)\n    if post is None:\n        abort(404)\n    return 'ok'\n`,
    errors: [{ messageId: 'pyMissingAuth' }] },
  { name: 'a blueprint registered with a url_prefix in another file: the full path is shown', languageId: 'python', fileName: '/project/app/items.py',
    code: "from flask import Blueprint\n\nbp = Blueprint('items', __name__)\n\n@bp.route('/items', methods=['POST'])\ndef add():\n    return 'ok'\n",
    files: {
      '/project/app/__init__.py': "from flask import Flask\nfrom flask_login import login_required\nfrom .items import bp as items_bp\n\napp = Flask(__name__)\napp.register_blueprint(items_bp, url_prefix='/api/v1')\n\n@app.route('/me', methods=['PATCH'])\n@login_required\ndef me():\n    return 'ok'\n",
    },
    errors: [{ messageId: 'pyMissingAuth', messageIncludes: ['POST /api/v1/items'] }] },
  { name: 'an app with no authentication at all gets one note on the app', languageId: 'python', fileName: '/project/app.py', files: {},
    code: `${HEAD}\n@app.route('/notes', methods=['POST'])\ndef add():\n    return 'ok'\n\n@app.route('/notes/<int:id>', methods=['DELETE'])\ndef drop(id):\n    return 'ok'\n`,
    errors: [{ messageId: 'pyNoAuthConcept', line: 3, messageIncludes: ['Flask app', 'none of its 2 routes', 'POST /notes'], related: [{ line: 6 }, { line: 10 }] }],
    output: `${HEAD.replace('app = Flask', '# backend-guide-public: <why anyone may call this route>\napp = Flask')}\n@app.route('/notes', methods=['POST'])\ndef add():\n    return 'ok'\n\n@app.route('/notes/<int:id>', methods=['DELETE'])\ndef drop(id):\n    return 'ok'\n` },
  { name: 'an app that signs users in but checks nobody', languageId: 'python', fileName: '/project/app.py', files: {},
    code: `${HEAD}\n@app.route('/login', methods=['POST'])\ndef login():\n    return 'ok'\n\n@app.route('/notes', methods=['POST'])\ndef add():\n    return 'ok'\n`,
    errors: [{ messageId: 'pySignInNoChecks', messageIncludes: ['POST /login', '1 of them'] }] },
  { name: 'a route on a GET that writes is still judged by its method (POST form view)', languageId: 'python', code: `${HEAD}\n@app.route('/settings', methods=['POST'])\ndef save_settings():\n    return 'ok'\n`,
    errors: [{ messageId: 'pyMissingAuth', messageIncludes: ['POST /settings'] }] },
  { name: 'sending signed-in callers elsewhere is not a check on anonymous ones', languageId: 'python', code: `${LOGIN}\n@app.route('/notes', methods=['POST'])\ndef add():\n    if current_user.is_authenticated:\n        return redirect(url_for('index'))\n    db.session.add(Note())\n    return 'ok'\n`,
    errors: [{ messageId: 'pyMissingAuth', messageIncludes: ['POST /notes'] }] },
  { name: 'a route on an app created inside create_app()', languageId: 'python', code: "from flask import Flask\n\ndef create_app():\n    app = Flask(__name__)\n\n    @app.route('/jobs', methods=['POST'])\n    def start_job():\n        return 'ok'\n\n    return app\n",
    errors: [{ messageId: 'pyMissingAuth', line: 7, messageIncludes: ['POST /jobs'] }] },
];

runRuleTests(missingAuth, { valid, invalid });
