import path = require('path');
import type { HeaderSpan, MiddlewareSetting, SettingAssignment } from '../../model/headers';
import type { FileFacts } from '../../project/facts';
import { isNeverDeployed, type PythonFactsView } from './python-facts-view';
import { importReaches } from './python-modules';

export const SECURITY_MIDDLEWARE = 'django.middleware.security.SecurityMiddleware';
export const XFRAME_MIDDLEWARE = 'django.middleware.clickjacking.XFrameOptionsMiddleware';
const SESSION_MIDDLEWARE = 'django.contrib.sessions.middleware.SessionMiddleware';
const CSRF_MIDDLEWARE = 'django.middleware.csrf.CsrfViewMiddleware';

/** Middleware that can answer a request on its own (static files, slash redirects, language redirects, the cache). */
const RESPONDING_MIDDLEWARE: readonly string[] = [
  'whitenoise.middleware.WhiteNoiseMiddleware', 'django.middleware.common.CommonMiddleware',
  'django.middleware.locale.LocaleMiddleware', 'django.middleware.cache.FetchFromCacheMiddleware',
];

/** Name parts of settings modules used only on a developer's machine or in tests (`dev.py`, `settings_local.py`, `test_settings.py`). */
const DEV_PART: ReadonlySet<string> = new Set(['dev', 'devel', 'develop', 'development', 'local', 'test', 'tests', 'testing', 'ci', 'debug', 'e2e']);

export function isDevSettingsFile(fileName: string): boolean {
  const base = path.basename(fileName, '.py');
  const name = base === '__init__' ? path.basename(path.dirname(fileName)) : base;
  return name.toLowerCase().split(/[-_.]/).some((part) => DEV_PART.has(part));
}

/** A settings value together with the file it is written in. */
export interface Located<T> {
  file: string;
  value: T;
}

/** A deployed settings module's settings, its star-imported base modules' included (the module's own win). */
export interface MergedSettings {
  module: FileFacts;
  settings: Map<string, Located<SettingAssignment>>;
  middleware?: Located<MiddlewareSetting>;
  /** Entries of the middleware list, in order, once every file's additions are applied; `undefined` when not known. */
  middlewareNames?: string[];
  installedApps: string[];
  /** A module of the chain below this one that is judged on its own: what it misses is reported there. */
  deployedBase?: MergedSettings;
}

/** The settings modules a settings file star-imports unconditionally (`from .base import *`), in order. */
function basesOf(view: PythonFactsView, facts: FileFacts): FileFacts[] {
  const bases: FileFacts[] = [];
  for (const star of facts.settings?.starImports ?? []) {
    if (star.conditional) continue;
    const base = [...view.files.values()].find((f) => f.settings && f.fileName !== facts.fileName && importReaches(facts.fileName, star.module, f.fileName));
    if (base) bases.push(base);
  }
  return bases;
}

/** The chain from the deepest base to the module itself (bases bounded, cycles cut). */
function chainOf(view: PythonFactsView, facts: FileFacts, seen = new Set<string>()): FileFacts[] {
  if (seen.has(facts.fileName) || seen.size > 8) return [];
  seen.add(facts.fileName);
  return [...basesOf(view, facts).flatMap((base) => chainOf(view, base, seen)), facts];
}

function merge(chain: FileFacts[]): MergedSettings {
  const settings = new Map<string, Located<SettingAssignment>>();
  let middleware: Located<MiddlewareSetting> | undefined;
  let names: string[] | undefined;
  let installedApps: string[] = [];
  for (const facts of chain) {
    const own = facts.settings!;
    for (const [name, assignment] of Object.entries(own.settings)) settings.set(name, { file: facts.fileName, value: assignment });
    if (own.installedApps.length) installedApps = own.installedApps;
    if (own.middleware) {
      middleware = { file: facts.fileName, value: own.middleware };
      names = own.middleware.changedUnknown || !own.middleware.entries ? undefined : own.middleware.entries.map((e) => e.name);
      if (names) for (const added of own.middleware.added) names = added.first ? [added.name, ...names] : [...names, added.name];
    }
  }
  return { module: chain[chain.length - 1], settings, middleware, middlewareNames: names, installedApps };
}

/** The module itself sets a setting the deployment checks read, or the middleware: it is a variant of its base for deploying. */
function setsDeploymentSettings(facts: FileFacts): boolean {
  const own = facts.settings!;
  return Object.keys(own.settings).length > 0 || !!own.middleware;
}

/**
 * The settings modules that are deployed, merged with their bases: settings modules (or modules built on one)
 * that are not test, example or developer settings, and that no other deployed-looking module builds on (a
 * `base.py` that `production.py` star-imports is judged through `production.py`). A module built on another
 * without setting anything the deployment checks read (a task worker's settings that add a broker URL) does not
 * make its base a mere base: the base is judged on its own, and what both miss is reported on the base.
 */
export function deployedSettings(view: PythonFactsView): MergedSettings[] {
  const candidates = [...view.files.values()].filter((f) => f.settings && !isDevSettingsFile(f.fileName) && !isNeverDeployed(f.fileName, view.rootDir));
  const bases = new Set(candidates.filter(setsDeploymentSettings).flatMap((f) => basesOf(view, f)).map((f) => f.fileName));
  const roots = candidates.filter((f) => !bases.has(f.fileName));
  const chains = roots.map((f) => chainOf(view, f)).filter((chain) => chain.some((f) => f.settings?.definesApps));
  const merged = new Map(chains.map((chain) => [chain[chain.length - 1].fileName, merge(chain)]));
  for (const chain of chains) {
    const own = merged.get(chain[chain.length - 1].fileName)!;
    const base = chain.slice(0, -1).reverse().find((f) => merged.has(f.fileName));
    if (base) own.deployedBase = merged.get(base.fileName);
  }
  return [...merged.values()];
}

/** A setting is in use when its feature is: sessions through the app or middleware, CSRF through its middleware (unknown lists count as in use). */
export function usesSessions(merged: MergedSettings): boolean {
  return !merged.middlewareNames || merged.middlewareNames.includes(SESSION_MIDDLEWARE) || merged.installedApps.includes('django.contrib.sessions');
}

export function usesCsrfMiddleware(merged: MergedSettings): boolean {
  return !merged.middlewareNames || merged.middlewareNames.includes(CSRF_MIDDLEWARE);
}

/** The middleware listed before SecurityMiddleware that can answer requests itself; `undefined` when it comes early enough. */
export function respondingBeforeSecurity(names: readonly string[]): string | undefined {
  const at = names.indexOf(SECURITY_MIDDLEWARE);
  return at < 0 ? undefined : names.slice(0, at).find((n) => RESPONDING_MIDDLEWARE.includes(n));
}

/** Where a finding about a whole settings module is shown: its middleware list when it has one, else its first statement. */
export function moduleSpan(merged: MergedSettings): HeaderSpan {
  const own = merged.module.settings!;
  return own.middleware?.span ?? own.headSpan;
}
