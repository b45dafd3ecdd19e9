import { missingAuth } from '../../../src/engine/rules/missing-auth';
import { runRuleTests, type InvalidCase, type ValidCase } from '../../../src/testing/rule-tester';

/**
 * Python views judged by what their body does, where the method or path alone misleads: a refusal written in
 * the view, a view that only redirects, a first-run setup page, a signed or random link, a view that reads no
 * stored data, a POST that changes nothing.
 */

const HEAD = "from flask import Flask, abort, redirect, url_for, request, session, render_template\nfrom itsdangerous import BadSignature, URLSafeSerializer\nfrom .models import db, Note, Connector, Organization\n\napp = Flask(__name__)\n\ndef is_admin():\n    return session.get('admin', False)\n\ndef is_setup():\n    return Organization.query.count() > 0\n";

function py(name: string, code: string): ValidCase {
  return { name, code: `${HEAD}${code}`, languageId: 'python' };
}

function flagged(name: string, code: string, messageId = 'pyMissingAuth'): InvalidCase {
  return { name, code: `${HEAD}${code}`, languageId: 'python', errors: [{ messageId }] };
}

const DJANGO_URLS = "from django.urls import path\nfrom . import views\n\nurlpatterns = [\n    path('notes/', views.notes),\n    path('setup/admin/', views.CreateAdmin.as_view()),\n]\n";
/** A protected view beside the one under test, so the project has an authentication concept. */
const PROTECTED_VIEW = "from django.contrib.auth.decorators import login_required\n\n@login_required\ndef notes(request):\n    return render(request, 'notes.html', {'notes': Note.objects.filter(user=request.user)})\n\n";
const DJANGO_SETUP = (gate: string): string => `from django.core.exceptions import PermissionDenied\nfrom django.views import View\nfrom . import models\n\nclass CreateAdmin(View):\n    def get(self, request):\n        site = models.SiteSettings.get()\n${gate}        return render(request, 'setup/admin.html')\n\n    def post(self, request):\n        site = models.SiteSettings.get()\n${gate}        models.User.objects.create_superuser(request.POST['username'])\n        return redirect('/')\n`;
const INSTALL_GATE = '        if not site.install_mode:\n            raise PermissionDenied()\n';

function django(name: string, views: string): ValidCase {
  return { name, languageId: 'python', fileName: '/site/shop/urls.py', code: DJANGO_URLS, files: { '/site/shop/views.py': PROTECTED_VIEW + views } };
}

const valid: ValidCase[] = [
  py('a view that builds a form object: only its __init__ runs, not the method that reads records', "\nclass NoteSearchForm:\n    def __init__(self, data=None):\n        self.data = data or {}\n\n    def results(self):\n        return Note.query.filter_by(owner=self.data.get('owner')).all()\n\n@app.route('/users/<int:user_id>/profile-form')\ndef user_profile_form(user_id):\n    return render_template('profile.html', form=NoteSearchForm(), user_id=user_id)\n"),
  py('a refusal in the view on an is_admin() condition, with the work in the other branch', "\n@app.route('/setup/integrations', methods=['POST'])\ndef integrations():\n    if is_admin():\n        db.session.add(Note())\n        db.session.commit()\n        return render_template('ok.html')\n    else:\n        abort(403)\n"),
  py('a view that only redirects: admins one way, everyone else to sign in', "\n@app.route('/admin')\ndef admin_home():\n    if is_admin():\n        return redirect(url_for('admin.statistics'))\n    return redirect(url_for('auth.login'))\n"),
  py('a view that only redirects after clearing a cached copy of the caller', "\nfrom .cache import cache\n\ndef admin_flag():\n    cache.delete_memoized(is_admin)\n    return is_admin()\n\n@app.route('/admin')\ndef admin_home():\n    if admin_flag():\n        return redirect(url_for('admin.statistics'))\n    return redirect(url_for('auth.login'))\n"),
  py('a view that only redirects to a URL built from its own parameter', "\n@app.route('/@<username>')\ndef user_redirect(username):\n    return redirect(url_for('users.feed', username=username))\n"),
  py('a first-run setup page that redirects away once the app is set up', "\n@app.route('/setup', methods=['GET', 'POST'])\ndef setup():\n    if is_setup():\n        return redirect(url_for('index'))\n    db.session.add(Organization(name=request.form['name']))\n    db.session.commit()\n    return redirect(url_for('index'))\n"),
  py('a first-run setup page whose work runs only while the app is not set up', "\n@app.route('/install', methods=['GET', 'POST'])\ndef install():\n    errors = []\n    if not is_setup():\n        db.session.add(Organization(name=request.form['name']))\n        db.session.commit()\n        return render_template('setup.html', errors=errors)\n    return redirect(url_for('index'))\n"),
  py('a setup page that redirects away once any user exists', "\nfrom .models import User\n\n@app.route('/onboarding', methods=['POST'])\ndef onboarding():\n    if User.query.count() > 0:\n        return redirect('/')\n    db.session.add(User(name=request.form['name']))\n    db.session.commit()\n    return redirect('/')\n"),
  py('the setup page gated on an app state its condition does not name', "\n@app.route('/setup', methods=['GET', 'POST'])\ndef setup():\n    if Organization.query.first() is not None:\n        return redirect('/')\n    db.session.add(Organization(name=request.form['name']))\n    db.session.commit()\n    return redirect('/')\n"),
  py('a view that verifies a signed value and stops at a bad signature', "\nsigner = URLSafeSerializer('key')\n\n@app.route('/bounces', methods=['POST'])\ndef bounces():\n    try:\n        note_id = signer.loads(request.form['to'])\n    except BadSignature:\n        return 'ignored', 200\n    Note.query.filter_by(id=note_id).delete()\n    db.session.commit()\n    return 'ok'\n"),
  py('an object addressed by a random UUID from the URL', "\n@app.route('/notifications/<uuid:code>/status', methods=['POST'])\ndef notification_status(code):\n    note = Note.query.filter_by(code=code).first()\n    note.error = request.form['error']\n    db.session.commit()\n    return 'ok'\n"),
  py('a page that renders a template and reads no stored data', "\n@app.route('/dashboard')\ndef dashboard():\n    return render_template('dashboard.html')\n"),
  py('a POST that answers from the posted values alone', "\nfrom croniter import croniter\n\n@app.route('/checks/cron_preview', methods=['POST'])\ndef cron_preview():\n    it = croniter(request.form['schedule'])\n    return render_template('preview.html', dates=[it.get_next() for _ in range(5)])\n"),
  py('a POST that changes nothing is judged by what it reads', "\n@app.route('/remote_follow', methods=['POST'])\ndef remote_follow():\n    note = Note.query.get(request.form['note'])\n    return redirect(note.remote_url)\n"),
  py('resending a sign-up confirmation link is part of signing up', "\n@app.route('/resend-link', methods=['POST'])\ndef resend_link():\n    note = Note.query.filter_by(email=request.form['email']).first()\n    mail_confirmation(note)\n    db.session.commit()\n    return render_template('sent.html')\n"),
  py('asking for an invitation is the sign-up step of an invite-only site', "\n@app.route('/invite-request', methods=['POST'])\ndef invite_request():\n    db.session.add(Note(email=request.form['email']))\n    db.session.commit()\n    return render_template('thanks.html')\n"),
  django('a Django setup view that refuses unless the site is in install mode, in every method', DJANGO_SETUP(INSTALL_GATE)),
];

const invalid: InvalidCase[] = [
  flagged('a view that builds an object whose __init__ reads records', "\nclass NoteSearchForm:\n    def __init__(self, data=None):\n        self.data = data or {}\n        self.notes = Note.query.all()\n\n    def results(self):\n        return Note.query.filter_by(owner=self.data.get('owner')).all()\n\n@app.route('/users/<int:user_id>/profile-form')\ndef user_profile_form(user_id):\n    return render_template('profile.html', form=NoteSearchForm(), user_id=user_id)\n", 'pyMissingAuthSensitive'),
  flagged('a view that redirects but deletes a row first', "\n@app.route('/notes/<int:id>/drop', methods=['POST'])\ndef drop(id):\n    Note.query.filter_by(id=id).delete()\n    db.session.commit()\n    return redirect(url_for('index'))\n"),
  flagged('a view that redirects after calling a method of a record it loaded', "\n@app.route('/connectors/<int:id>/deactivate', methods=['POST'])\ndef deactivate(id):\n    connector = Connector.query.get(id)\n    connector.deactivate(reason='manual')\n    return redirect('/settings/connectors/')\n"),
  flagged('a view that redirects to a URL read from stored data', "\n@app.route('/admin')\ndef admin_home():\n    note = Note.query.first()\n    return redirect(note.secret_url)\n", 'pyMissingAuthSensitive'),
  flagged('a setup page without a check of the app state', "\n@app.route('/setup', methods=['GET', 'POST'])\ndef setup():\n    db.session.add(Organization(name=request.form['name']))\n    db.session.commit()\n    return redirect(url_for('index'))\n"),
  flagged("a view gated on the caller's own onboarding, not the app's first run", "\nfrom flask import g\n\n@app.route('/notes/export', methods=['POST'])\ndef export():\n    if not g.account.setup_complete:\n        return redirect(url_for('onboarding'))\n    db.session.add(Note())\n    db.session.commit()\n    return redirect(url_for('index'))\n"),
  flagged('a setup page whose gate reads only the request', "\n@app.route('/setup', methods=['POST'])\ndef setup():\n    if request.form.get('name') is None:\n        return redirect('/')\n    db.session.add(Organization(name=request.form['name']))\n    db.session.commit()\n    return redirect('/')\n"),
  flagged('abort(403) after the delete protects nothing', "\nfrom flask_login import current_user\n\n@app.route('/notes/<int:id>', methods=['DELETE'])\ndef drop(id):\n    Note.query.filter_by(id=id).delete()\n    if not current_user.is_admin:\n        abort(403)\n    db.session.commit()\n    return 'ok'\n"),
  flagged('a caught bad signature that does not end the request', "\nsigner = URLSafeSerializer('key')\n\n@app.route('/bounces', methods=['POST'])\ndef bounces():\n    try:\n        note_id = signer.loads(request.form['to'])\n    except BadSignature:\n        note_id = request.form['id']\n    Note.query.filter_by(id=note_id).delete()\n    db.session.commit()\n    return 'ok'\n"),
  flagged("a UUID that is the record's own id", "\n@app.route('/notes/<uuid:id>', methods=['DELETE'])\ndef drop(id):\n    Note.query.filter_by(id=id).delete()\n    db.session.commit()\n    return 'ok'\n"),
  flagged('a dashboard page that reads stored data', "\n@app.route('/dashboard')\ndef dashboard():\n    return render_template('dashboard.html', notes=Note.query.all())\n", 'pyMissingAuthSensitive'),
  flagged('a POST that unpickles what it is sent runs code, whatever it stores', "\nimport pickle\n\n@app.route('/deserialize', methods=['POST'])\ndef deserialize():\n    item = pickle.loads(request.get_data())\n    return render_template('result.html', item=item)\n"),
  flagged('a POST that calls code nobody defines may change data', "\n@app.route('/preview', methods=['POST'])\ndef preview():\n    mark_seen(request.form['id'])\n    return render_template('preview.html')\n"),
  flagged('creating an invitation is no request for one', "\n@app.route('/invites', methods=['POST'])\ndef invite():\n    db.session.add(Note(email=request.form['email']))\n    db.session.commit()\n    return render_template('thanks.html')\n"),
  flagged('resending a notification is no sign-up step', "\n@app.route('/notifications/<int:id>/resend', methods=['POST'])\ndef resend(id):\n    Note.query.get(id).send_again()\n    db.session.commit()\n    return render_template('sent.html')\n"),
  { ...django('a Django setup view without the install-mode check', DJANGO_SETUP('')), errors: [{ messageId: 'pyMissingAuth' }] },
];

runRuleTests(missingAuth, { valid, invalid });
