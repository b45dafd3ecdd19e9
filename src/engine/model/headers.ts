/**
 * The language-neutral model of HTTP security headers (`../shared/DESIGN.md`, "One backend model"): which
 * apps a file creates, what makes them send security headers (a package such as Helmet or Flask-Talisman,
 * a response hook, a middleware) and which app that applies to, and a settings module's header settings
 * (Django). Framework extractors (`src/engine/frameworks/<name>/*headers*`) fill it; rules read it.
 */

import type { Range } from '../types';

export type SecurityHeader =
  | 'Content-Security-Policy'
  | 'Strict-Transport-Security'
  | 'X-Content-Type-Options'
  | 'X-Frame-Options'
  | 'Referrer-Policy'
  | 'Cross-Origin-Opener-Policy'
  | 'Cross-Origin-Resource-Policy'
  | 'Cross-Origin-Embedder-Policy'
  | 'Origin-Agent-Cluster'
  | 'X-DNS-Prefetch-Control'
  | 'X-Download-Options'
  | 'X-Permitted-Cross-Domain-Policies'
  | 'X-XSS-Protection';

/**
 * The headers an app needs at the least: without them a page can be framed (clickjacking), a response
 * sniffed as script, HTTPS stripped on first visit, and injected script runs unrestricted.
 */
export const MAIN_HEADERS: readonly SecurityHeader[] = ['Content-Security-Policy', 'Strict-Transport-Security', 'X-Content-Type-Options', 'X-Frame-Options'];

/** Offsets into the file's text. */
export interface HeaderSpan {
  start: number;
  end: number;
}

export type HeaderFramework = 'flask' | 'fastapi' | 'starlette';

/** A web app a file creates (`app = Flask(__name__)`, `app = FastAPI()`). */
export interface HeaderApp {
  framework: HeaderFramework;
  /** The name it is bound to by a simple assignment (`app`), when it is. */
  name?: string;
  /** The constructor call, where a finding is shown. */
  span: HeaderSpan;
  /** The assignment statement, after which a fix applies a header package. */
  statement?: HeaderSpan;
  /** Indentation of that statement. */
  indent: string;
  /** Literal paths of the routes registered on it in its file. */
  routePaths: string[];
  /** It includes routers or blueprints, or mounts other apps: its routes are not all in its file. */
  includesOthers: boolean;
}

/**
 * What a protection is applied to: a name of its file (`app`, an app created there), a parameter of the
 * function it is in (`def init_security(app)`), or an expression the extractor cannot name (`current_app`).
 */
export type HeaderTarget =
  | { kind: 'name'; name: string }
  | { kind: 'param'; name: string }
  | { kind: 'other'; text: string };

/** Something that makes an app send security headers. */
export interface HeaderProtection {
  /** `package` (Talisman, Secweb), `hook` (a response hook that sets headers), `middleware`. */
  kind: 'package' | 'hook' | 'middleware';
  /** What it is, for messages (`Talisman`, `after_request set_headers`). */
  what: string;
  headers: readonly SecurityHeader[] | 'all';
  target: HeaderTarget;
  span: HeaderSpan;
  /** `span` as lines and characters, for related locations shown from other files. */
  range?: Range;
}

/**
 * A use of a name imported from another project file that protects the target when that name is a header
 * setter there (`app.add_middleware(SecurityHeaders)`, `talisman.init_app(app)`), resolved across files.
 */
export interface PendingHeaderUse {
  /** The imported name. */
  name: string;
  /** The module it is imported from, as written (`.middleware`, `app.core.security`). */
  module: string;
  kind: HeaderProtection['kind'];
  target: HeaderTarget;
  span: HeaderSpan;
  range?: Range;
}

/** A name a file defines at module level that sets headers when used: a middleware class, a hook function, a `Talisman()` object. */
export interface HeaderSetter {
  name: string;
  what: string;
  headers: readonly SecurityHeader[] | 'all';
}

/** What a file's apps and header protections are (one per Python file; empty when it has none). */
export interface AppHeaderFacts {
  apps: HeaderApp[];
  protections: HeaderProtection[];
  pending: PendingHeaderUse[];
  setters: HeaderSetter[];
  /** Names of apps this file mounts into another app (`app.mount('/v1', api)`): they share the parent's headers. */
  mounted: string[];
  /** Names imported from other modules, with their module as written (`app` from `.`) and the name imported when renamed (`as`). */
  imports: { name: string; module: string; imported: string }[];
}

/** A setting's value as written: a literal, or configuration (read from the environment, computed). */
export type SettingValue =
  | { kind: 'bool'; value: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'config' };

export interface SettingAssignment {
  value: SettingValue;
  /** The statement's span and the value's span (a fix replaces the value). */
  span: HeaderSpan;
  valueSpan: HeaderSpan;
  /** Inside an `if`/`try` at module level: set under a condition. */
  conditional: boolean;
}

export interface MiddlewareEntry {
  name: string;
  span: HeaderSpan;
}

/** A settings module's middleware list: a literal list (entries known) or anything else. */
export interface MiddlewareSetting {
  /** `MIDDLEWARE` or the old `MIDDLEWARE_CLASSES`. */
  setting: string;
  /** Entries of a literal list, in order; `undefined` when the value is not a literal list. */
  entries?: MiddlewareEntry[];
  /** The list's brackets, for a fix that inserts a first entry. */
  listSpan: HeaderSpan;
  span: HeaderSpan;
  /** Entries added elsewhere in the file (`MIDDLEWARE += [...]`, `.insert`, `.append`), by name; `insert(0, x)` is first. */
  added: { name: string; first: boolean }[];
  /** Changed in a way whose result is not known (`MIDDLEWARE = [m for m in ...]`, `+= EXTRA`). */
  changedUnknown: boolean;
}

/** What a Django settings module sets about HTTPS and security headers. */
export interface SettingsHeaderFacts {
  /** Module-level assignments of the settings the rule reads, by name (the last one written). */
  settings: Record<string, SettingAssignment>;
  middleware?: MiddlewareSetting;
  /** The module holds INSTALLED_APPS or MIDDLEWARE itself. */
  definesApps: boolean;
  installedApps: string[];
  /** Modules star-imported (`from .base import *`), as written, with whether the import is conditional (in `try`/`if`). */
  starImports: { module: string; conditional: boolean }[];
  /** First statement of the module, where a finding about the whole module is shown. */
  headSpan: HeaderSpan;
}
