import { missingAuth } from '../../../src/engine/rules/missing-auth';
import { runRuleTests, type InvalidCase, type ValidCase } from '../../../src/testing/rule-tester';

/**
 * Django and Django REST framework: URLconfs (`path`, `re_path`, `include`, routers) lead to views in other
 * files, and settings (`LoginRequiredMiddleware`, `DEFAULT_PERMISSION_CLASSES`) in a third; findings go on
 * the URLconf entry of the unprotected view.
 */

const URLS = '/site/shop/urls.py';
const VIEWS = '/site/shop/views.py';
const SETTINGS = { '/site/config/settings.py': "SECRET_KEY = 'x'\nROOT_URLCONF = 'shop.urls'\nMIDDLEWARE = ['django.contrib.sessions.middleware.SessionMiddleware']\n" };
const URLCONF = "from django.urls import path\nfrom . import views\n\nurlpatterns = [\n    path('orders/', views.orders, name='orders'),\n    path('orders/new/', views.create_order, name='create'),\n]\n";
/** A protected view beside the one under test, so the project has an authentication concept. */
const PROTECTED_VIEW = "from django.contrib.auth.decorators import login_required\n\n@login_required\ndef orders(request):\n    return render(request, 'orders.html', {'orders': Order.objects.filter(user=request.user)})\n\n";

function django(name: string, views: string, extra: Record<string, string> = {}, urls = URLCONF): ValidCase {
  return { name, languageId: 'python', fileName: URLS, code: urls, files: { ...SETTINGS, [VIEWS]: PROTECTED_VIEW + views, ...extra } };
}

function drf(name: string, views: string, urls: string, settings = ''): ValidCase {
  return { name, languageId: 'python', fileName: URLS, code: urls, files: { '/site/config/settings.py': `ROOT_URLCONF = 'shop.urls'\n${settings}`, [VIEWS]: views } };
}

const ROUTER_URLS = "from django.urls import include, path\nfrom rest_framework.routers import DefaultRouter\nfrom .views import OrderViewSet\n\nrouter = DefaultRouter()\nrouter.register(r'orders', OrderViewSet)\n\nurlpatterns = [\n    path('api/', include(router.urls)),\n]\n";
const API_URLS = "from django.urls import path\nfrom .views import OrderList\n\nurlpatterns = [\n    path('api/orders/', OrderList.as_view()),\n]\n";

/** A view that hands the request to other views by method: each target decides. */
const DISPATCH = (postGuard: string): string => `${postGuard}def _create(request):\n    Order.objects.create(item=request.POST['item'])\n    return redirect('orders')\n\n@login_required\ndef _form(request):\n    return render(request, 'new.html')\n\ndef create_order(request):\n    if request.method == 'POST':\n        return _create(request)\n    return _form(request)\n`;
const CAPABILITY_URLS = (param: string): string => `from django.urls import path\nfrom . import views\n\nurlpatterns = [\n    path('orders/', views.orders),\n    path('unsubscribe/<str:${param}>/', views.create_order),\n]\n`;
const UNSUBSCRIBE = "def create_order(request, **kwargs):\n    Subscription.objects.filter(user=load(kwargs)).delete()\n    return render(request, 'bye.html')\n";
const KEY_VIEW = (status: number): string => `def create_order(request):\n    project = Project.objects.for_api_key(request.headers.get('X-Key', ''))\n    if project is None:\n        return HttpResponse(status=${status})\n    Order.objects.create(project=project)\n    return HttpResponse()\n`;

/** A project mixin whose `dispatch` hands anonymous callers to Django's `AccessMixin.handle_no_permission()`. */
const ACCESS_MIXIN = (call: string): string => `from django.contrib.auth.mixins import AccessMixin\nfrom django.views.generic import CreateView\n\nclass SignedInMixin(AccessMixin):\n    def dispatch(self, request, *args, **kwargs):\n        if settings.LOGIN_REQUIRED and not request.user.is_authenticated:\n            return ${call}\n        return super().dispatch(request, *args, **kwargs)\n\nclass OrderCreate(SignedInMixin, CreateView):\n    model = Order\n`;
const CLASS_URLS = "from django.urls import path\nfrom . import views\n\nurlpatterns = [\n    path('orders/', views.orders),\n    path('orders/new/', views.OrderCreate.as_view()),\n]\n";
const OPTIONAL_SLASH_URLS = "from django.urls import path, re_path\nfrom . import views\n\nurlpatterns = [\n    path('orders/', views.orders),\n    re_path(r'^password-reset/?$', views.create_order),\n]\n";

/** A class view with a public page and a form post, the check on one method. */
const PER_METHOD = (onGet: string, onPost: string): string => `from django.utils.decorators import method_decorator\nfrom django.views import View\n\nclass OrderCreate(View):\n    ${onGet}def get(self, request):\n        return render(request, 'catalog.html')\n\n    ${onPost}def post(self, request):\n        Order.objects.create(user=request.user)\n        return redirect('orders')\n`;

const valid: ValidCase[] = [
  django('a public page whose post method carries @method_decorator(login_required)', PER_METHOD('', '@method_decorator(login_required, name="dispatch")\n    ').replace('OrderCreate', 'CatalogPage'), {}, CLASS_URLS.replace("'orders/new/', views.OrderCreate", "'catalog/', views.CatalogPage")),
  django("a mixin whose dispatch calls AccessMixin's handle_no_permission()", ACCESS_MIXIN('self.handle_no_permission()'), {}, CLASS_URLS),
  django('a regex route with an optional trailing slash keeps its last segment (a password reset)', "def create_order(request):\n    if request.method == 'POST':\n        send_reset(request.POST['email'])\n    return render(request, 'reset.html')\n", {}, OPTIONAL_SLASH_URLS),
  django('a dispatching view whose every target is guarded', DISPATCH('@login_required\n')),
  django('a capability link: the URL carries a signed value', UNSUBSCRIBE, {}, CAPABILITY_URLS('signed_username')),
  django('a 401 answer when the key in the request matches no project', KEY_VIEW(401)),
  django('@login_required on the function view', "@login_required\ndef create_order(request):\n    if request.method == 'POST':\n        Order.objects.create(user=request.user)\n    return render(request, 'new.html')\n"),
  django('@permission_required on the function view', "from django.contrib.auth.decorators import permission_required\n\n@permission_required('shop.add_order')\ndef create_order(request):\n    Order.objects.create()\n    return redirect('orders')\n"),
  django('@user_passes_test on the function view', "from django.contrib.auth.decorators import user_passes_test\n\n@user_passes_test(lambda u: u.is_staff)\ndef create_order(request):\n    Order.objects.create()\n    return redirect('orders')\n"),
  django('@require_POST with @login_required', "from django.views.decorators.http import require_POST\n\n@require_POST\n@login_required\ndef create_order(request):\n    return redirect('orders')\n"),
  django('a check inside the view that raises PermissionDenied', "from django.core.exceptions import PermissionDenied\n\ndef create_order(request):\n    if not request.user.is_authenticated:\n        raise PermissionDenied\n    Order.objects.create(user=request.user)\n    return redirect('orders')\n"),
  django('a check inside the view that redirects to the login page', "def create_order(request):\n    if not request.user.is_authenticated:\n        return redirect('login')\n    Order.objects.create(user=request.user)\n    return redirect('orders')\n"),
  django('login_required applied in the URLconf', "def create_order(request):\n    Order.objects.create()\n    return redirect('orders')\n", {}, "from django.urls import path\nfrom django.contrib.auth.decorators import login_required\nfrom . import views\n\nurlpatterns = [\n    path('orders/', views.orders),\n    path('orders/new/', login_required(views.create_order)),\n]\n"),
  django('LoginRequiredMixin on a class-based view', "from django.contrib.auth.mixins import LoginRequiredMixin\nfrom django.views.generic import CreateView\n\nclass OrderCreate(LoginRequiredMixin, CreateView):\n    model = Order\n", {}, "from django.urls import path\nfrom . import views\n\nurlpatterns = [\n    path('orders/', views.orders),\n    path('orders/new/', views.OrderCreate.as_view()),\n]\n"),
  django('PermissionRequiredMixin on a class-based view', "from django.contrib.auth.mixins import PermissionRequiredMixin\nfrom django.views.generic import DeleteView\n\nclass OrderDelete(PermissionRequiredMixin, DeleteView):\n    permission_required = 'shop.delete_order'\n    model = Order\n", {}, "from django.urls import path\nfrom . import views\n\nurlpatterns = [\n    path('orders/', views.orders),\n    path('orders/<int:pk>/delete/', views.OrderDelete.as_view()),\n]\n"),
  django('method_decorator(login_required, name="dispatch") on the class', "from django.utils.decorators import method_decorator\nfrom django.views import View\n\n@method_decorator(login_required, name='dispatch')\nclass OrderCreate(View):\n    def post(self, request):\n        return redirect('orders')\n", {}, "from django.urls import path\nfrom . import views\n\nurlpatterns = [\n    path('orders/', views.orders),\n    path('orders/new/', views.OrderCreate.as_view()),\n]\n"),
  django('a project mixin, in another module, inherited from', "from .mixins import StaffOnly\nfrom django.views import View\n\nclass OrderCreate(StaffOnly, View):\n    def post(self, request):\n        return redirect('orders')\n", {
    '/site/shop/mixins.py': "from django.contrib.auth.mixins import UserPassesTestMixin\n\nclass StaffOnly(UserPassesTestMixin):\n    def test_func(self):\n        return self.request.user.is_staff\n",
  }, "from django.urls import path\nfrom . import views\n\nurlpatterns = [\n    path('orders/', views.orders),\n    path('orders/new/', views.OrderCreate.as_view()),\n]\n"),
  django('Django 5.1 LoginRequiredMiddleware protects every view', "def create_order(request):\n    Order.objects.create()\n    return redirect('orders')\n", {
    '/site/config/settings.py': "ROOT_URLCONF = 'shop.urls'\nMIDDLEWARE = [\n    'django.contrib.sessions.middleware.SessionMiddleware',\n    'django.contrib.auth.middleware.AuthenticationMiddleware',\n    'django.contrib.auth.middleware.LoginRequiredMiddleware',\n]\n",
  }),
  django('a view opened with @login_not_required under LoginRequiredMiddleware, on a sign-up path', "from django.contrib.auth.decorators import login_not_required\n\n@login_not_required\ndef create_order(request):\n    return redirect('orders')\n", {
    '/site/config/settings.py': "ROOT_URLCONF = 'shop.urls'\nMIDDLEWARE = ['django.contrib.auth.middleware.LoginRequiredMiddleware']\n",
  }),
  django('@login_not_required declares a view public on purpose, with or without the middleware', "from django.contrib.auth.decorators import login_not_required\n\n@login_not_required\ndef create_order(request):\n    Order.objects.create()\n    return redirect('orders')\n"),
  django('Django auth views are the sign-in flow', '', {}, "from django.urls import path\nfrom django.contrib.auth import views as auth_views\nfrom . import views\n\nurlpatterns = [\n    path('orders/', views.orders),\n    path('accounts/signin/', auth_views.LoginView.as_view()),\n]\n"),
  django('the admin site is left to Django', '', {}, "from django.contrib import admin\nfrom django.urls import path\nfrom . import views\n\nurlpatterns = [\n    path('orders/', views.orders),\n    path('admin/', admin.site.urls),\n]\n"),
  django('a read-only page of nothing sensitive', "def about(request):\n    return render(request, 'about.html')\n", {}, URLCONF.replace("'orders/new/', views.create_order", "'about/', views.about")),
  django('a URLconf entry marked public', "def create_order(request):\n    Order.objects.create()\n    return redirect('orders')\n", {}, "from django.urls import path\nfrom . import views\n\nurlpatterns = [\n    path('orders/', views.orders),\n    # backend-guide-public: kiosk orders are anonymous by design\n    path('orders/new/', views.create_order),\n]\n"),
  django('an included URLconf module whose views check', "@login_required\ndef create_order(request):\n    Order.objects.create()\n    return redirect('orders')\n", {
    '/site/shop/api_urls.py': "from django.urls import path\nfrom . import views\n\nurlpatterns = [path('new/', views.create_order)]\n",
  }, "from django.urls import include, path\nfrom . import views\n\nurlpatterns = [\n    path('orders/', views.orders),\n    path('orders/', include('shop.api_urls')),\n]\n"),
  drf('DRF permission_classes = [IsAuthenticated] on an APIView', "from rest_framework.views import APIView\nfrom rest_framework.permissions import IsAuthenticated\n\nclass OrderList(APIView):\n    permission_classes = [IsAuthenticated]\n\n    def post(self, request):\n        return Response(status=201)\n", API_URLS),
  drf('DRF DEFAULT_PERMISSION_CLASSES in settings', "from rest_framework.views import APIView\n\nclass OrderList(APIView):\n    def post(self, request):\n        return Response(status=201)\n", API_URLS, "REST_FRAMEWORK = {\n    'DEFAULT_PERMISSION_CLASSES': ['rest_framework.permissions.IsAuthenticated'],\n}\n"),
  drf('DRF AllowAny declares the view public on purpose', "from rest_framework.views import APIView\nfrom rest_framework.permissions import AllowAny\n\nclass OrderList(APIView):\n    permission_classes = [AllowAny]\n\n    def post(self, request):\n        return Response(status=201)\n", API_URLS, "REST_FRAMEWORK = {'DEFAULT_PERMISSION_CLASSES': ['rest_framework.permissions.IsAuthenticated']}\n"),
  drf('a DRF ModelViewSet registered on a router, with IsAuthenticated', "from rest_framework import viewsets, permissions\n\nclass OrderViewSet(viewsets.ModelViewSet):\n    queryset = Order.objects.all()\n    permission_classes = [permissions.IsAuthenticated]\n", ROUTER_URLS),
  drf('a DRF function view with @permission_classes', "from rest_framework.decorators import api_view, permission_classes\nfrom rest_framework.permissions import IsAuthenticated\n\n@api_view(['POST'])\n@permission_classes([IsAuthenticated])\ndef create_order(request):\n    return Response(status=201)\n", "from django.urls import path\nfrom . import views\n\nurlpatterns = [path('api/orders/', views.create_order)]\n"),
  drf('a DRF view that decides in get_permissions()', "from rest_framework import viewsets\n\nclass OrderViewSet(viewsets.ModelViewSet):\n    def get_permissions(self):\n        return [IsAuthenticated()] if self.action != 'list' else [AllowAny()]\n", ROUTER_URLS),
  drf('a DRF base class of the project carries the permission classes', "from rest_framework import viewsets\nfrom .base import SecureViewSet\n\nclass OrderViewSet(SecureViewSet):\n    queryset = Order.objects.all()\n", ROUTER_URLS.replace("from .views import OrderViewSet", "from .views import OrderViewSet")),
  drf('a DRF ReadOnlyModelViewSet of public products reads nothing sensitive', "from rest_framework import viewsets\n\nclass OrderViewSet(viewsets.ReadOnlyModelViewSet):\n    queryset = Product.objects.all()\n", ROUTER_URLS.replace("r'orders'", "r'products'")),
  drf('IsAuthenticatedOrReadOnly covers the writes of a ViewSet', "from rest_framework import viewsets, permissions\n\nclass OrderViewSet(viewsets.ModelViewSet):\n    queryset = Post.objects.all()\n    permission_classes = [permissions.IsAuthenticatedOrReadOnly]\n", ROUTER_URLS.replace("r'orders'", "r'posts'")),
  drf('DRF token login view is the sign-in flow', '', "from django.urls import path\nfrom rest_framework.authtoken.views import obtain_auth_token\n\nurlpatterns = [path('api/token/', obtain_auth_token)]\n"),
];
// The project base class of the test above lives in its own module.
(valid[valid.length - 4] as { files: Record<string, string> }).files['/site/shop/base.py'] = "from rest_framework import viewsets\nfrom rest_framework.permissions import IsAuthenticated\n\nclass SecureViewSet(viewsets.ModelViewSet):\n    permission_classes = (IsAuthenticated,)\n";

function invalidDjango(name: string, views: string, errors: InvalidCase['errors'], extra: Record<string, string> = {}, urls = URLCONF): InvalidCase {
  return { ...django(name, views, extra, urls), errors };
}

const invalid: InvalidCase[] = [
  invalidDjango('a check on the get method leaves the post open', PER_METHOD('@method_decorator(login_required)\n    ', ''), [{ messageId: 'pyMissingAuth', line: 6, messageIncludes: ['POST /orders/new'] }], {}, CLASS_URLS),
  invalidDjango('a mixin whose dispatch only logs the anonymous caller', ACCESS_MIXIN('log(request)'), [{ messageId: 'pyMissingAuth', line: 6 }], {}, CLASS_URLS),
  invalidDjango('a dispatching view one of whose targets has no check', DISPATCH(''), [{ messageId: 'pyMissingAuth', line: 6 }]),
  invalidDjango('a plain parameter in the URL is no secret', UNSUBSCRIBE, [{ messageId: 'pyMissingAuth', line: 6 }], {}, CAPABILITY_URLS('username')),
  invalidDjango('a 404 answer for an unknown project checks nobody', KEY_VIEW(404), [{ messageId: 'pyMissingAuth', line: 6 }]),
  invalidDjango('a function view that writes with no check', "def create_order(request):\n    if request.method == 'POST':\n        Order.objects.create(item=request.POST['item'])\n    return render(request, 'new.html')\n",
    [{ messageId: 'pyMissingAuth', line: 6, column: 5, messageIncludes: ['GET/POST /orders/new', 'Django', '@login_required', '1 of 2 routes in shop/urls.py check the caller'] }]),
  invalidDjango('a class-based CreateView with no mixin', "from django.views.generic import CreateView\n\nclass OrderCreate(CreateView):\n    model = Order\n",
    [{ messageId: 'pyMissingAuth', line: 6, messageIncludes: ['GET/POST /orders/new', 'LoginRequiredMixin'] }], {}, "from django.urls import path\nfrom . import views\n\nurlpatterns = [\n    path('orders/', views.orders),\n    path('orders/new/', views.OrderCreate.as_view()),\n]\n"),
  invalidDjango('a View subclass that defines delete()', "from django.views import View\n\nclass OrderView(View):\n    def delete(self, request, pk):\n        Order.objects.filter(pk=pk).delete()\n        return HttpResponse(status=204)\n",
    [{ messageId: 'pyMissingAuth', messageIncludes: ['DELETE /orders/:pk'] }], {}, "from django.urls import path\nfrom . import views\n\nurlpatterns = [\n    path('orders/', views.orders),\n    path('orders/<int:pk>/', views.OrderView.as_view()),\n]\n"),
  invalidDjango('an old-style re_path with a named group', "def create_order(request, pk):\n    Order.objects.filter(pk=pk).delete()\n    return redirect('orders')\n",
    [{ messageId: 'pyMissingAuth', messageIncludes: ['/orders/:pk/delete'] }], {}, "from django.urls import path, re_path\nfrom . import views\n\nurlpatterns = [\n    path('orders/', views.orders),\n    re_path(r'^orders/(?P<pk>\\d+)/delete/$', views.create_order),\n]\n"),
  { name: 'a view reached through include() gets the full path', languageId: 'python', fileName: '/site/shop/api_urls.py',
    code: "from django.urls import path\nfrom . import views\n\nurlpatterns = [path('new/', views.create_order)]\n",
    files: { ...SETTINGS, [VIEWS]: `${PROTECTED_VIEW}def create_order(request):\n    Order.objects.create()\n    return redirect('orders')\n`, [URLS]: "from django.urls import include, path\nfrom . import views\n\nurlpatterns = [\n    path('orders/', views.orders),\n    path('shop/', include('shop.api_urls')),\n]\n" },
    errors: [{ messageId: 'pyMissingAuth', line: 4, messageIncludes: ['/shop/new'] }] },
  invalidDjango('an admin path guarded only by @login_required', "@login_required\ndef create_order(request):\n    User.objects.all().delete()\n    return redirect('orders')\n",
    [{ messageId: 'pyAdminWithoutRole', messageIncludes: ['/admin/purge'] }], {}, "from django.urls import path\nfrom . import views\n\nurlpatterns = [\n    path('orders/', views.orders),\n    path('admin/purge/', views.create_order),\n]\n"),
  { ...drf('a DRF APIView with no permission classes and no default (DRF then allows anyone)', "from rest_framework.views import APIView\nfrom rest_framework.permissions import IsAuthenticated\n\nclass OrderList(APIView):\n    def post(self, request):\n        return Response(status=201)\n\nclass Me(APIView):\n    permission_classes = [IsAuthenticated]\n\n    def get(self, request):\n        return Response({})\n", "from django.urls import path\nfrom .views import OrderList, Me\n\nurlpatterns = [\n    path('api/orders/', OrderList.as_view()),\n    path('api/me/', Me.as_view()),\n]\n"),
    errors: [{ messageId: 'pyMissingAuth', line: 5, messageIncludes: ['POST /api/orders', 'permission_classes'] }] },
  { ...drf('a DRF ModelViewSet on a router with no permission classes: its collection and item routes', "from rest_framework import viewsets\nfrom rest_framework.permissions import IsAuthenticated\n\nclass OrderViewSet(viewsets.ModelViewSet):\n    queryset = Order.objects.all()\n\nclass MeViewSet(viewsets.ViewSet):\n    permission_classes = [IsAuthenticated]\n\n    def list(self, request):\n        return Response({})\n", ROUTER_URLS.replace("from .views import OrderViewSet", "from .views import OrderViewSet, MeViewSet").replace("router.register(r'orders', OrderViewSet)", "router.register(r'orders', OrderViewSet)\nrouter.register(r'me', MeViewSet, basename='me')")),
    errors: [{ messageId: 'pyMissingAuth', line: 6, messageIncludes: ['GET/POST /api/orders'] }, { messageId: 'pyMissingAuth', line: 6, messageIncludes: ['GET/PUT/PATCH/DELETE /api/orders/:pk'] }] },
  { ...drf('a DRF @action on a protected-elsewhere project', "from rest_framework import viewsets\nfrom rest_framework.decorators import action\nfrom rest_framework.permissions import AllowAny, IsAuthenticated\n\nclass OrderViewSet(viewsets.GenericViewSet):\n    permission_classes = [AllowAny]\n\n    @action(detail=True, methods=['post'])\n    def refund(self, request, pk=None):\n        return Response({})\n\nclass Me(viewsets.ViewSet):\n    permission_classes = [IsAuthenticated]\n\n    def list(self, request):\n        return Response({})\n", ROUTER_URLS),
    errors: [], name: 'placeholder' },
  { ...drf('AllowAny on a view whose settings require sign-in is public on purpose; a sibling without a check under no default is flagged', "from rest_framework.views import APIView\nfrom rest_framework.permissions import AllowAny, IsAuthenticated\n\nclass OrderList(APIView):\n    def delete(self, request):\n        return Response(status=204)\n\nclass Me(APIView):\n    permission_classes = [IsAuthenticated]\n    def get(self, request):\n        return Response({})\n", "from django.urls import path\nfrom .views import OrderList, Me\n\nurlpatterns = [\n    path('api/orders/', OrderList.as_view()),\n    path('api/me/', Me.as_view()),\n]\n"),
    errors: [{ messageId: 'pyMissingAuth', messageIncludes: ['DELETE /api/orders'] }] },
  { ...drf('a Django project with no authentication at all gets one note', "def create_order(request):\n    Order.objects.create()\n    return redirect('orders')\n\ndef delete_order(request, pk):\n    Order.objects.filter(pk=pk).delete()\n    return redirect('orders')\n", "from django.urls import path\nfrom . import views\n\nurlpatterns = [\n    path('orders/new/', views.create_order),\n    path('orders/<int:pk>/delete/', views.delete_order),\n]\n"),
    errors: [{ messageId: 'pyNoAuthConcept', line: 5, messageIncludes: ['Django app', 'none of its 2 routes'] }] },
  invalidDjango('a check inside the view that answers 404 is not about the caller', "from django.http import Http404\n\ndef create_order(request):\n    if not Order.objects.exists():\n        raise Http404\n    Order.objects.create()\n    return redirect('orders')\n",
    [{ messageId: 'pyMissingAuth' }]),
  invalidDjango('a pre-1.10 URLconf with patterns() and a dotted-string view', "def create_order(request):\n    Order.objects.create()\n    return redirect('orders')\n",
    [{ messageId: 'pyMissingAuth', line: 5, messageIncludes: ['/orders/new'] }], {}, "from django.conf.urls import patterns, url\n\nurlpatterns = patterns('shop.views',\n    url(r'^orders/$', 'orders'),\n    url(r'^orders/new/$', 'create_order'),\n)\n"),
];
// The @action case above is valid-shaped data kept for reading: drop it from the invalid list (AllowAny is explicit).
const actionCase = invalid.findIndex((c) => c.name === 'placeholder');
const [openAction] = invalid.splice(actionCase, 1);
valid.push({ name: 'a DRF @action on a ViewSet declared AllowAny is public on purpose', languageId: 'python', fileName: openAction.fileName, code: openAction.code, files: openAction.files });

runRuleTests(missingAuth, { valid, invalid });
