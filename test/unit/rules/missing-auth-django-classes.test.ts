import { missingAuth } from '../../../src/engine/rules/missing-auth';
import { runRuleTests, type InvalidCase, type ValidCase } from '../../../src/testing/rule-tester';

/**
 * Django class-based views judged along their inheritance as Django runs it: bases reached through packages
 * that re-export (`from .edit import *`, `__all__`), `dispatch` overrides handing over with `super()`, mixins
 * that refuse depending on the requester, and checks that cover one handler method only.
 */

const URLS = '/site/shop/urls.py';
const VIEWS = '/site/shop/views.py';
const SETTINGS = { '/site/config/settings.py': "SECRET_KEY = 'x'\nROOT_URLCONF = 'shop.urls'\n" };
/** A protected view beside the one under test, so the project has an authentication concept. */
const PROTECTED_VIEW = "from django.contrib.auth.decorators import login_required\nfrom django.utils.decorators import method_decorator\nfrom django.views import View\n\n@login_required\ndef orders(request):\n    return render(request, 'orders.html', {'orders': Order.objects.filter(user=request.user)})\n\n";
const urlsFor = (route: string, view: string): string => `from django.urls import path\nfrom . import views\n\nurlpatterns = [\n    path('orders/', views.orders),\n    path('${route}', views.${view}.as_view()),\n]\n`;

function view(name: string, views: string, extra: Record<string, string> = {}, urls = urlsFor('orders/new/', 'OrderEdit')): ValidCase {
  return { name, languageId: 'python', fileName: URLS, code: urls, files: { ...SETTINGS, [VIEWS]: PROTECTED_VIEW + views, ...extra } };
}

function flagged(name: string, views: string, errors: InvalidCase['errors'], extra: Record<string, string> = {}, urls?: string): InvalidCase {
  return { ...view(name, views, extra, urls), errors };
}

/** A permission mixin in another package whose `dispatch` refuses (`refusal`) unless the requester has the permission. */
const ACCESS = (refusal: string): Record<string, string> => ({
  '/site/core/access.py': `from django.contrib.auth.mixins import AccessMixin\n\nclass ObjectPermissionMixin(AccessMixin):\n    def has_permission(self):\n        return self.request.user.has_perms(self.required)\n\n    def dispatch(self, request, *args, **kwargs):\n        if not self.has_permission():\n            ${refusal}\n        return super().dispatch(request, *args, **kwargs)\n`,
  '/site/shop/generic/base.py': "from django.views import View\nfrom core.access import ObjectPermissionMixin\n\nclass BaseObjectView(ObjectPermissionMixin, View):\n    def dispatch(self, request, *args, **kwargs):\n        self.queryset = self.get_queryset(request)\n        return super().dispatch(request, *args, **kwargs)\n",
});
/** A generic edit view whose own `dispatch` hands over to its base's, re-exported by its package with `import *`. */
const EDIT = "from .base import BaseObjectView\n\n__all__ = ('EditView',)\n\nclass EditView(BaseObjectView):\n    def dispatch(self, request, *args, **kwargs):\n        self.action = 'change' if kwargs else 'add'\n        return super().dispatch(request, *args, **kwargs)\n\n    def post(self, request):\n        self.form.save()\n        return redirect('orders')\n";
const PACKAGE = (init: string, refusal = 'return self.handle_no_permission()'): Record<string, string> => ({
  ...ACCESS(refusal), '/site/shop/generic/__init__.py': init, '/site/shop/generic/edit.py': EDIT,
});
const SUBCLASS = (importLine: string, base: string): string => `${importLine}\n\nclass OrderEdit(${base}):\n    model = Item\n`;

/** A mixin that hands the request on only when `condition` holds, and shows another page otherwise. */
const VISIBILITY = (condition: string): string => `class VisibleToRequesterMixin:\n    def dispatch(self, request, *args, **kwargs):\n        owner = find_owner(kwargs.get('username'))\n        if owner is None:\n            return super().dispatch(request, *args, **kwargs)\n        if ${condition}:\n            return super().dispatch(request, *args, **kwargs)\n        return render(request, 'private.html', {'owner': owner})\n\nclass OrderHistory(VisibleToRequesterMixin, View):\n    def get(self, request, username):\n        return render(request, 'history.html', {'orders': Order.objects.filter(user__username=username)})\n\n    def post(self, request, username):\n        Order.objects.filter(user__username=username).delete()\n        return redirect('orders')\n`;
const HISTORY_URLS = urlsFor('users/<str:username>/orders/', 'OrderHistory');

/** A class view with a public page and a form post; `onClass` decorates the class, `onGet`/`onPost` the methods. */
const PER_METHOD = (onClass: string, onGet: string, onPost: string): string => `${onClass}class Catalog(View):\n    ${onGet}def get(self, request):\n        return render(request, 'catalog.html', {'products': Product.objects.all()})\n\n    ${onPost}def post(self, request):\n        models.Order.objects.create(user=request.user, item=request.POST['item'])\n        return redirect('orders')\n`;
const CATALOG_URLS = urlsFor('catalog/', 'Catalog');

/** A mixin whose `post` 404s when `condition` holds, and otherwise hands over to the generic view's. */
const OWNER_POST = (condition: string): string => `from django.views.generic import DeleteView\n\nclass OwnerPostMixin:\n    def post(self, request, *args, **kwargs):\n        item = self.get_object()\n        if ${condition}:\n            raise Http404\n        return super().post(request, *args, **kwargs)\n\nclass ItemRemove(OwnerPostMixin, DeleteView):\n    model = Item\n`;
const DELETE_URLS = urlsFor('items/<int:pk>/remove/', 'ItemRemove');

/** An account page: `get` shows a form (or, with `getReads`, the account's orders); `post` checks the caller and writes. */
const ACCOUNT_PAGE = (getBody: string): string => `from django.contrib.auth.forms import AuthenticationForm as LoginForm\nfrom django.shortcuts import redirect, render\n\nclass AccountUser(View):\n    def get(self, request):\n${getBody}\n    @method_decorator(login_required)\n    def post(self, request):\n        request.user.orders.all().delete()\n        return redirect('orders')\n`;
const ACCOUNT_URLS = urlsFor('account/user/', 'AccountUser');

const valid: ValidCase[] = [
  view("an open get that only shows a form and reads no stored data, beside a guarded post that writes: the get is judged by its own code", ACCOUNT_PAGE("        if request.user.is_authenticated:\n            return redirect('/')\n        return render(request, 'account.html', {'form': LoginForm()})\n"), {}, ACCOUNT_URLS),
  view('a base reached through a package that re-exports with import * (respecting __all__), behind pass-through dispatch overrides', SUBCLASS('from shop import generic', 'generic.EditView'), PACKAGE('from .edit import *\n')),
  view('the same base through a relative import with an alias', SUBCLASS('from . import generic as g', 'g.EditView'), PACKAGE('from .edit import *\n')),
  view('a refusal that 404s when a method of the class, asking about the requester, says no', SUBCLASS('from shop.generic import EditView', 'EditView'), PACKAGE('from .edit import *\n', 'raise Http404')),
  view("a mixin that hands over only when the requester may see the owner's page, and shows a private page otherwise", VISIBILITY('owner.shows_profile_to(request.user)'), {}, HISTORY_URLS),
  view("Django's UserPassesTestMixin with a test on the requester", "from django.contrib.auth.mixins import UserPassesTestMixin\n\nclass OrderEdit(UserPassesTestMixin, View):\n    def test_func(self):\n        return self.request.user.is_staff\n\n    def post(self, request):\n        Order.objects.create()\n        return redirect('orders')\n"),
  view("method_decorator(login_required, name='post') on the class guards the post; the get shows the catalogue", PER_METHOD("@method_decorator(login_required, name='post')\n", '', ''), {}, CATALOG_URLS),
  view('a public get beside a guarded post: only the open method decides what the route needs', PER_METHOD('', '', '@method_decorator(login_required)\n    '), {}, CATALOG_URLS),
  view('a check inside the post body covers the post; the get shows the catalogue', PER_METHOD('', '', '').replace("def post(self, request):\n", "def post(self, request):\n        if not request.user.is_authenticated:\n            raise PermissionDenied\n"), {}, CATALOG_URLS),
  view('a dispatch that first calls a method of its class refusing anyone but staff', "class StaffArea:\n    def ensure_staff(self, request):\n        if not request.user.is_staff:\n            raise PermissionDenied\n\n    def dispatch(self, request, *args, **kwargs):\n        self.ensure_staff(request)\n        return super().dispatch(request, *args, **kwargs)\n\nclass OrderEdit(StaffArea, View):\n    def post(self, request):\n        Order.objects.create()\n        return redirect('orders')\n"),
  view("a mixin's post that 404s unless the requester owns the object, then hands over to the generic view's post", OWNER_POST('item.owner != request.user'), {}, DELETE_URLS),
];

const invalid: InvalidCase[] = [
  flagged("an open get that reads the account's stored orders, beside a guarded post", ACCOUNT_PAGE("        return render(request, 'account.html', {'orders': Order.objects.filter(user__username=request.GET['u'])})\n"), [{ messageId: 'pyMissingAuthSensitive', line: 6, messageStartsWith: 'GET /account/user' }], {}, ACCOUNT_URLS),
  flagged('a mixin that sends signed-in callers on (a signed-out-only page) refuses no anonymous caller', "class SignedOutOnly:\n    def dispatch(self, request, *args, **kwargs):\n        if request.user.is_authenticated:\n            return redirect(settings.LOGIN_REDIRECT_URL)\n        return super().dispatch(request, *args, **kwargs)\n\nclass OrderEdit(SignedOutOnly, View):\n    def post(self, request):\n        Order.objects.create()\n        return redirect('orders')\n",
    [{ messageId: 'pyMissingAuth', line: 6 }]),
  flagged("a mixin's post that 404s on a condition about the object only", OWNER_POST('item.archived'), [{ messageId: 'pyMissingAuth', line: 6, messageIncludes: ['/items/:pk/remove changes data'] }], {}, DELETE_URLS),
  flagged('a dispatch that first calls a method of its class which only logs the requester', "class Audited:\n    def audit(self, request):\n        log.info('visit by %s', request.user)\n\n    def dispatch(self, request, *args, **kwargs):\n        self.audit(request)\n        return super().dispatch(request, *args, **kwargs)\n\nclass OrderEdit(Audited, View):\n    def post(self, request):\n        Order.objects.create()\n        return redirect('orders')\n",
    [{ messageId: 'pyMissingAuth', line: 6 }]),
  flagged('a check inside the get body leaves the writing post open', PER_METHOD('', '', '').replace("def get(self, request):\n", "def get(self, request):\n        if not request.user.is_authenticated:\n            raise PermissionDenied\n"),
    [{ messageId: 'pyMissingAuth', line: 6, messageStartsWith: 'POST /catalog changes data' }], {}, CATALOG_URLS),
  flagged('a mixin whose dispatch records the visit and always hands over', "class TrackingMixin:\n    def dispatch(self, request, *args, **kwargs):\n        if request.user.is_authenticated:\n            request.user.touch()\n        return super().dispatch(request, *args, **kwargs)\n\nclass OrderEdit(TrackingMixin, View):\n    def post(self, request):\n        Order.objects.create()\n        return redirect('orders')\n",
    [{ messageId: 'pyMissingAuth', line: 6, messageIncludes: ['POST /orders/new'] }]),
  flagged('a mixin that refuses on a condition about the owner, not the requester', VISIBILITY('owner.is_active'), [{ messageId: 'pyMissingAuth', line: 6 }], {}, HISTORY_URLS),
  flagged("a package whose import * skips the guarded class (__all__ leaves it out) and re-exports an unguarded one", SUBCLASS('from shop import generic', 'generic.EditView'), [{ messageId: 'pyMissingAuth', line: 6 }], {
    ...ACCESS('return self.handle_no_permission()'),
    '/site/shop/generic/__init__.py': 'from .guarded import *\nfrom .plain import *\n',
    '/site/shop/generic/guarded.py': "from .base import BaseObjectView\n\n__all__ = ['GuardedList']\n\nclass EditView(BaseObjectView):\n    pass\n\nclass GuardedList(BaseObjectView):\n    pass\n",
    '/site/shop/generic/plain.py': "from django.views import View\n\nclass EditView(View):\n    def post(self, request):\n        self.form.save()\n        return redirect('orders')\n",
  }),
  flagged('a dispatch that never calls super() keeps the access mixin after it from running', "from django.contrib.auth.mixins import LoginRequiredMixin\n\nclass Direct(View):\n    def dispatch(self, request, *args, **kwargs):\n        return self.post(request)\n\nclass OrderEdit(Direct, LoginRequiredMixin):\n    def post(self, request):\n        Order.objects.create()\n        return redirect('orders')\n",
    [{ messageId: 'pyMissingAuth', line: 6 }]),
  flagged('UserPassesTestMixin whose test lets everyone through', "from django.contrib.auth.mixins import UserPassesTestMixin\n\nclass OrderEdit(UserPassesTestMixin, View):\n    def test_func(self):\n        return True\n\n    def post(self, request):\n        Order.objects.create()\n        return redirect('orders')\n",
    [{ messageId: 'pyMissingAuth', line: 6 }]),
  flagged("method_decorator(login_required, name='get') on the class leaves the post open", PER_METHOD("@method_decorator(login_required, name='get')\n", '', ''), [{ messageId: 'pyMissingAuth', line: 6, messageStartsWith: 'POST /catalog changes data' }], {}, CATALOG_URLS),
  flagged('an unguarded post next to a guarded get', PER_METHOD('', '@method_decorator(login_required)\n    ', ''), [{ messageId: 'pyMissingAuth', line: 6, messageStartsWith: 'POST /catalog changes data' }], {}, CATALOG_URLS),
];

runRuleTests(missingAuth, { valid, invalid });
