import * as assert from 'assert';
import { defaultConfig } from '../../../src/engine/config';
import { projectRoutes } from '../../../src/engine/rules/auth/route-report';
import { projectFrom } from '../../../src/testing/project-from';

/** Python routes in the list the Routes view and `backend-guide routes` show: framework, full path, guards, verdict. */
describe('Python routes in the project route list', () => {
  it('lists Flask routes with the blueprint prefix, their guards and verdicts', async () => {
    const project = await projectFrom({
      '/p/app/__init__.py': "from flask import Flask\nfrom .notes import bp\n\napp = Flask(__name__)\napp.register_blueprint(bp, url_prefix='/notes')\n",
      '/p/app/notes.py': "from flask import Blueprint\nfrom flask_login import login_required\n\nbp = Blueprint('notes', __name__)\n\n@bp.route('/', methods=['POST'])\n@login_required\ndef add():\n    return 'ok'\n\n@bp.route('/<int:id>', methods=['DELETE'])\ndef drop(id):\n    return 'ok'\n",
    });
    const rows = projectRoutes(project, defaultConfig()).map((r) => [r.framework, r.method, r.path, r.verdict, r.middleware.join(' ')]);
    assert.deepStrictEqual(rows, [
      ['flask', 'POST', '/notes', 'protected', '@login_required'],
      ['flask', 'DELETE', '/notes/:id', 'unprotected', ''],
    ]);
  });

  it('lists Django URLconf routes through include() with the settings applied', async () => {
    const project = await projectFrom({
      '/s/config/settings.py': "ROOT_URLCONF = 'config.urls'\nMIDDLEWARE = ['django.contrib.auth.middleware.LoginRequiredMiddleware']\n",
      '/s/config/urls.py': "from django.urls import include, path\n\nurlpatterns = [path('shop/', include('shop.urls'))]\n",
      '/s/shop/urls.py': "from django.urls import path\nfrom . import views\n\nurlpatterns = [path('orders/<int:pk>/', views.order), path('about/', views.about)]\n",
      '/s/shop/views.py': "from django.contrib.auth.decorators import login_not_required\n\ndef order(request, pk):\n    return render(request, 'order.html')\n\n@login_not_required\ndef about(request):\n    return render(request, 'about.html')\n",
    });
    const rows = projectRoutes(project, defaultConfig()).map((r) => [r.framework, r.path, r.verdict, r.line]);
    assert.deepStrictEqual(rows, [['django', '/shop/orders/:pk', 'protected', 4], ['django', '/shop/about', 'public', 4]]);
  });

  it('lists FastAPI routes with the router prefix and the dependency that protects them', async () => {
    const project = await projectFrom({
      '/f/main.py': "from fastapi import APIRouter, Depends, FastAPI, HTTPException\n\ndef current_user(token: str = ''):\n    if not token:\n        raise HTTPException(status_code=401)\n\napp = FastAPI()\nrouter = APIRouter(prefix='/items', dependencies=[Depends(current_user)])\n\n@router.post('/')\ndef create():\n    return {}\n\napp.include_router(router, prefix='/api')\n",
    });
    const rows = projectRoutes(project, defaultConfig()).map((r) => [r.app, r.method, r.path, r.verdict, r.middleware.join(' ')]);
    assert.deepStrictEqual(rows, [['app (main.py)', 'POST', '/api/items', 'protected', 'Depends(current_user)']]);
  });
});
