import type { LineRange } from '../types';

/**
 * The language-neutral model of server routes (`../shared/DESIGN.md`, "One backend model"): per-framework
 * extractors (`src/engine/frameworks/<name>/`) describe each route a project serves with the guards that
 * apply to it, in the order they run; one judgement (`src/engine/rules/auth/`) decides its verdict with the
 * same principles whatever the framework. The JavaScript frameworks keep their older app graph
 * (`src/engine/project/app-graph.ts`) and share the verdict vocabulary.
 */

/** What the judgement concludes about a route; the Routes view and `backend-guide routes` show it. */
export type VerdictKind = 'protected' | 'public' | 'no-check-needed' | 'unprotected' | 'no-auth-app';

/** How a guard shows that it protects: it answers 401/403, redirects to sign-in, or raises an auth error. */
export type GuardEffect = 'rejects' | 'redirects' | 'raises';

/** Where a guard is declared: for the whole app, a router or blueprint, the route itself, or inside the handler. */
export type GuardLevel = 'app' | 'router' | 'route' | 'handler';

export interface RouteGuard {
  /** As the code names it: `@login_required`, `Depends(get_current_user)`, `IsAuthenticated`. */
  name: string;
  level: GuardLevel;
  /**
   * `checks`: it refuses callers (how, when known); `opens`: it declares the route public on purpose
   * (`AllowAny`, `@login_not_required`), overriding the checks declared at a wider level.
   */
  role: 'checks' | 'opens';
  effect?: GuardEffect;
  /** It asks what the caller may do (a permission, a role, staff), not only who they are. */
  privilege?: boolean;
  /** A decorator as it can be written on another view (`login_required`, `jwt_required()`), and where a library exports it. */
  decorator?: { text: string; module?: string; name?: string };
  /** Methods it leaves open (`IsAuthenticatedOrReadOnly` lets GET through). */
  exceptMethods?: readonly string[];
}

/**
 * What a route's handler does, the project functions and classes it calls included: for a class view, over
 * the methods that answer requests.
 */
export interface HandlerShape {
  /** Every way out sends the caller elsewhere with a redirect built from literals and the view's parameters. */
  onlyRedirects: boolean;
  /** Every answering method builds its answer: renders a template, builds a response, redirects. */
  answers: boolean;
  readsStoredData: boolean;
  writesStoredData: boolean;
  /** Conditions of the gates at the top of every answering method (empty when one has none). */
  gates: string[];
  /** Every answering method verifies a signed value and ends the request when the signature is bad. */
  verifiesSignature: boolean;
}

export type RouteFramework = 'flask' | 'django' | 'fastapi';

/** One route a project serves. Offsets are UTF-16 offsets into `file`'s text. */
export interface BackendRoute {
  framework: RouteFramework;
  /** Lower-case HTTP methods; `['all']` when the handler answers every method alike. */
  methods: string[];
  /** The full path, parameters written `:name` whatever the framework's syntax. */
  fullPath: string;
  /** The file that registers the route (the decorator, the URLconf entry, the router registration). */
  file: string;
  reportStart: number;
  reportEnd: number;
  /** `reportStart`..`reportEnd` as lines and characters, for reports in other files (see `LineRange`). */
  reportAt: LineRange;
  /** The handler: its dotted name, its file and the source of its body (capped). */
  handlerName?: string;
  handlerFile?: string;
  handlerCode?: string;
  /** Guards in the order they run, outermost first. */
  guards: RouteGuard[];
  /** Reason from a `# backend-guide-public: <reason>` comment. */
  publicReason?: string;
  /** The app the route belongs to (an id): routes of one app share its authentication concept. */
  app: string;
  /** The app as people name it (`app (app/__init__.py)`). */
  appLabel: string;
  /** No app is seen serving the route's blueprint or router: it shares the project's authentication concept. */
  unmounted?: boolean;
  /** Where the app is created (`app = Flask(__name__)`): an app-wide note goes there. */
  appAt?: { file: string; start: number; end: number };
  /**
   * A guard decorator written above the route decorator: it wraps the function after the framework registered
   * it, so it never runs for requests (`@login_required` over `@app.route`).
   */
  misplacedGuard?: string;
  /** What the handler does with stored data and how it ends, when the extractor read its body. */
  handlerShape?: HandlerShape;
  /** A class view's answering methods each alone, by method: methods judged apart are judged by their own code. */
  methodShapes?: Record<string, HandlerShape>;
  /** Path parameters typed as random identifiers (`<uuid:code>`): values nobody can guess or count through. */
  unguessableParams?: string[];
  /** Where a decorator goes to protect the route, when one can be added in the handler's file. */
  decoratorAt?: { file: string; offset: number; indent: string };
}
