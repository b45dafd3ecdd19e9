import { missingAuth } from '../../../src/engine/rules/missing-auth';
import { runRuleTests, type InvalidCase, type ValidCase } from '../../../src/testing/rule-tester';

/** FastAPI: dependencies on the route, its parameters, the router, `include_router` and the app; a dependency counts when it refuses. */

const HEAD = "from fastapi import APIRouter, Depends, FastAPI, HTTPException, Security, status\nfrom fastapi.security import OAuth2PasswordBearer\n\napp = FastAPI()\noauth2_scheme = OAuth2PasswordBearer(tokenUrl='token')\n\nasync def get_current_user(token: str = Depends(oauth2_scheme)):\n    user = decode(token)\n    if user is None:\n        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail='Not authenticated')\n    return user\n";

function py(name: string, code: string, extra: Partial<ValidCase> = {}): ValidCase {
  return { name, code, languageId: 'python', ...extra };
}

const DEPS = {
  '/api/app/deps.py': "from typing import Annotated\nfrom fastapi import Depends, HTTPException\n\ndef get_db():\n    yield Session()\n\ndef get_current_user(token: str = Depends(reusable_oauth2)):\n    user = load(token)\n    if not user:\n        raise HTTPException(status_code=403, detail='Could not validate credentials')\n    return user\n\nSessionDep = Annotated[Session, Depends(get_db)]\nCurrentUser = Annotated[User, Depends(get_current_user)]\n",
};

/** A class-based view (fastapi-utils `@cbv` or a project `@controller(router)`) whose base class declares its dependencies. */
const BASES = {
  '/api/app/base.py': "from fastapi import Depends\nfrom app.deps import get_current_user, get_db\n\nclass BaseController:\n    session = Depends(get_db)\n\nclass BaseUserController(BaseController):\n    user: User = Depends(get_current_user)\n",
};
const CBV = (base: string): string => `from fastapi import APIRouter\nfrom fastapi_utils.cbv import cbv\nfrom app.base import ${base}\n\nrouter = APIRouter(prefix='/foods')\n\n@cbv(router)\nclass FoodsController(${base}):\n    @router.post('')\n    def create_one(self, data: dict):\n        return data\n`;

const valid: ValidCase[] = [
  py('a class-based view whose base class declares user = Depends(get_current_user)', CBV('BaseUserController'), { fileName: '/api/app/routes/foods.py', files: { ...DEPS, ...BASES } }),
  py('a GET of nothing sensitive', `${HEAD}\n@app.get('/items')\nasync def list_items():\n    return []\n`),
  py('a parameter that depends on a dependency raising 401', `${HEAD}\n@app.post('/items')\nasync def create_item(item: dict, user=Depends(get_current_user)):\n    return item\n`),
  py('Security(...) instead of Depends(...)', `${HEAD}\n@app.delete('/items/{item_id}')\nasync def delete_item(item_id: int, user=Security(get_current_user, scopes=['items'])):\n    return None\n`),
  py('the security scheme itself as a dependency (it answers 401 without a token)', `${HEAD}\n@app.put('/items/{item_id}')\nasync def update_item(item_id: int, token: str = Depends(oauth2_scheme)):\n    return None\n`),
  py('Annotated[User, Depends(get_current_user)] on the parameter', `${HEAD}\nfrom typing import Annotated\n\n@app.patch('/items/{item_id}')\nasync def patch_item(item_id: int, user: Annotated[dict, Depends(get_current_user)]):\n    return None\n`),
  py('dependencies=[Depends(...)] on the route decorator', `${HEAD}\n@app.post('/jobs', dependencies=[Depends(get_current_user)])\nasync def start_job():\n    return {}\n`),
  py('dependencies on the APIRouter', `${HEAD}\nrouter = APIRouter(prefix='/orders', dependencies=[Depends(get_current_user)])\n\n@router.post('/')\nasync def create_order():\n    return {}\n\napp.include_router(router)\n`),
  py('dependencies on include_router', `${HEAD}\nrouter = APIRouter()\n\n@router.post('/orders')\nasync def create_order():\n    return {}\n\napp.include_router(router, prefix='/api', dependencies=[Depends(get_current_user)])\n`),
  py('dependencies on the FastAPI app', "from fastapi import Depends, FastAPI, HTTPException, Header\n\nasync def verify_key(x_key: str = Header()):\n    if x_key != KEY:\n        raise HTTPException(status_code=403)\n\napp = FastAPI(dependencies=[Depends(verify_key)])\n\n@app.post('/orders')\nasync def create_order():\n    return {}\n"),
  py('a dependency that depends on a refusing one (get_current_active_user)', `${HEAD}\nasync def get_current_active_user(user=Depends(get_current_user)):\n    if user.disabled:\n        raise HTTPException(status_code=400, detail='Inactive user')\n    return user\n\n@app.post('/notes')\nasync def add_note(user=Depends(get_current_active_user)):\n    return {}\n`),
  py('a type alias of a refusing dependency, defined in another module', "from fastapi import APIRouter\nfrom app.deps import CurrentUser, SessionDep\n\nrouter = APIRouter(prefix='/items')\n\n@router.post('/')\ndef create_item(session: SessionDep, current_user: CurrentUser, item: dict):\n    return item\n", { fileName: '/api/app/routes/items.py', files: DEPS }),
  py('a check inside the handler that raises 403', `${HEAD}\n@app.delete('/users/{user_id}')\nasync def delete_user(user_id: int, current=Depends(get_current_user)):\n    return None\n`),
  py('a class dependency whose __call__ raises 401', "from fastapi import Depends, FastAPI, HTTPException, Request\n\nclass BearerCheck:\n    async def __call__(self, request: Request):\n        if 'authorization' not in request.headers:\n            raise HTTPException(status_code=401)\n\nbearer = BearerCheck()\napp = FastAPI()\n\n@app.post('/orders')\nasync def create_order(_=Depends(bearer)):\n    return {}\n"),
  py('POST /token is the sign-in step', `${HEAD}\n@app.post('/token')\nasync def login(form: dict):\n    return {}\n`),
  py('a health check', `${HEAD}\n@app.get('/api/v1/health')\nasync def health():\n    return {'ok': True}\n`),
  py('a route marked public', `${HEAD}\n# backend-guide-public: anonymous feedback form\n@app.post('/feedback-box')\nasync def feedback(body: dict):\n    return {}\n`),
  py('a webhook that verifies its signature', `${HEAD}\nimport hmac\n\n@app.post('/webhooks/stripe')\nasync def stripe_hook(request: Request):\n    if not hmac.compare_digest(sig(await request.body()), request.headers['stripe-signature']):\n        raise HTTPException(status_code=400)\n    return {}\n`),
  py('a router mounted with a prefix from settings, protected by its router dependencies', "from fastapi import APIRouter, Depends\nfrom app.deps import get_current_user\n\nrouter = APIRouter(dependencies=[Depends(get_current_user)])\n\n@router.delete('/items/{id}')\ndef delete_item(id: int):\n    return None\n", { fileName: '/api/app/routes/admin.py', files: { ...DEPS, '/api/app/main.py': "from fastapi import FastAPI\nfrom app.routes import admin\nfrom app.config import settings\n\napp = FastAPI()\napp.include_router(admin.router, prefix=settings.API_V1_STR)\n", '/api/app/config.py': "class Settings:\n    API_V1_STR: str = '/api/v1'\n\nsettings = Settings()\n" } }),
  py('an API key header scheme as a dependency', "from fastapi import Depends, FastAPI\nfrom fastapi.security import APIKeyHeader\n\napp = FastAPI()\napi_key = APIKeyHeader(name='X-API-Key')\n\n@app.post('/orders')\nasync def create_order(key: str = Depends(api_key)):\n    return {}\n"),
];

const invalid: InvalidCase[] = [
  { name: 'a class-based view whose base class declares only a database session', languageId: 'python', fileName: '/api/app/routes/foods.py', files: { ...DEPS, ...BASES },
    code: `${CBV('BaseController')}\nfrom app.base import BaseUserController\n\n@cbv(router)\nclass UnitsController(BaseUserController):\n    @router.post('/units')\n    def create_unit(self, data: dict):\n        return data\n`,
    errors: [{ messageId: 'pyMissingAuth', line: 10, messageIncludes: ['POST /foods'] }] },
  { name: 'a POST with no dependency that refuses', languageId: 'python', code: `${HEAD}\n@app.post('/items')\nasync def create_item(item: dict):\n    return item\n`,
    errors: [{ messageId: 'pyMissingAuth', line: 14, messageIncludes: ['POST /items', 'FastAPI', 'Depends(get_current_user)'] }] },
  { name: 'a dependency that only opens a database session is no guard', languageId: 'python', code: `${HEAD}\ndef get_db():\n    yield Session()\n\n@app.delete('/items/{item_id}')\nasync def delete_item(item_id: int, db=Depends(get_db)):\n    return None\n`,
    errors: [{ messageId: 'pyMissingAuth', messageIncludes: ['DELETE /items/:item_id'] }] },
  { name: 'a security scheme with auto_error=False refuses nobody', languageId: 'python', code: "from fastapi import Depends, FastAPI\nfrom fastapi.security import OAuth2PasswordBearer\n\napp = FastAPI()\noptional_token = OAuth2PasswordBearer(tokenUrl='token', auto_error=False)\n\n@app.post('/comments')\nasync def comment(token=Depends(optional_token)):\n    return {}\n",
    errors: [{ messageId: 'pyMissingAuth' }] },
  { name: 'a GET reading user records', languageId: 'python', code: `${HEAD}\n@app.get('/users/{user_id}')\nasync def read_user(user_id: int):\n    return {}\n`,
    errors: [{ messageId: 'pyMissingAuthSensitive', messageIncludes: ['GET /users/:user_id'] }] },
  { name: 'a router route gets the router and include_router prefixes', languageId: 'python', code: `${HEAD}\nrouter = APIRouter(prefix='/orders')\n\n@router.post('/{order_id}/refund')\nasync def refund(order_id: int):\n    return {}\n\napp.include_router(router, prefix='/api')\n`,
    errors: [{ messageId: 'pyMissingAuth', messageIncludes: ['POST /api/orders/:order_id/refund'] }] },
  { name: 'an admin route guarded only by sign-in', languageId: 'python', code: `${HEAD}\n@app.delete('/admin/users/{user_id}')\nasync def purge(user_id: int, user=Depends(get_current_user)):\n    return None\n`,
    errors: [{ messageId: 'pyAdminWithoutRole' }], output: null },
  { name: 'a webhook without a signature check', languageId: 'python', code: `${HEAD}\n@app.post('/webhooks/payments')\nasync def payment_hook(body: dict):\n    return {}\n`,
    errors: [{ messageId: 'pyUnsignedWebhook' }], output: null },
  { name: 'api_route with methods', languageId: 'python', code: `${HEAD}\n@app.api_route('/things', methods=['PUT', 'PATCH'])\nasync def things():\n    return {}\n`,
    errors: [{ messageId: 'pyMissingAuth', messageIncludes: ['PUT/PATCH /things'] }] },
  { name: 'consistency: the project\'s other routes depend on the user', languageId: 'python', fileName: '/api/app/routes/items.py',
    code: "from fastapi import APIRouter\nfrom app.deps import CurrentUser\n\nrouter = APIRouter(prefix='/items')\n\n@router.post('/')\ndef create_item(current_user: CurrentUser, item: dict):\n    return item\n\n@router.delete('/{id}')\ndef delete_item(id: int):\n    return None\n",
    files: DEPS,
    errors: [{ messageId: 'pyMissingAuth', line: 11, messageIncludes: ['DELETE /items/:id', '1 of 2 routes in routes/items.py check the caller', 'this project uses Depends(get_current_user)'] }],
    output: "from fastapi import APIRouter\nfrom app.deps import CurrentUser\n\nrouter = APIRouter(prefix='/items')\n\n@router.post('/')\ndef create_item(current_user: CurrentUser, item: dict):\n    return item\n\n@router.delete('/{id}')\n# backend-guide-public: <why anyone may call this route>\ndef delete_item(id: int):\n    return None\n" },
  { name: 'a FastAPI app with no authentication at all gets one note', languageId: 'python', fileName: '/api/main.py', files: {},
    code: "from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.post('/items')\nasync def create_item(item: dict):\n    return item\n\n@app.delete('/items/{id}')\nasync def delete_item(id: int):\n    return None\n",
    errors: [{ messageId: 'pyNoAuthConcept', line: 3, messageIncludes: ['FastAPI app', 'none of its 2 routes'] }] },
  { name: 'a dependency above the route decorator does nothing', languageId: 'python', code: "from fastapi import FastAPI\nfrom flask_login import login_required\n\napp = FastAPI()\n\n@login_required\n@app.post('/items')\nasync def create_item(item: dict):\n    return item\n",
    errors: [{ messageId: 'pyGuardAboveRoute' }] },
];

runRuleTests(missingAuth, { valid, invalid });
