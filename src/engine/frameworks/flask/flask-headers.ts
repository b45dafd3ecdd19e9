import type { HeaderFramework, SecurityHeader } from '../../model/headers';

/** What the header extractor knows about Flask, as data (module-qualified names, as imports spell them). */

/** Calls that create a Flask app (APIFlask and Quart are Flask's API on other bases). */
export const FLASK_APP_CONSTRUCTORS: Readonly<Record<string, HeaderFramework>> = {
  'flask.Flask': 'flask',
  'apiflask.APIFlask': 'flask',
  'quart.Quart': 'flask',
};

/** Extensions that set the security headers of every response of the app they are given. */
export const FLASK_HEADER_PACKAGES: Readonly<Record<string, { what: string; headers: readonly SecurityHeader[] | 'all' }>> = {
  'flask_talisman.Talisman': { what: 'Flask-Talisman', headers: 'all' },
  'flask_talisman.talisman.Talisman': { what: 'Flask-Talisman', headers: 'all' },
  'talisman.Talisman': { what: 'Flask-Talisman', headers: 'all' },
  'quart_talisman.Talisman': { what: 'Quart-Talisman', headers: 'all' },
};

/** Decorators and methods that register a hook run on every response (`after_app_request` is a blueprint's app-wide one). */
export const FLASK_RESPONSE_HOOKS: ReadonlySet<string> = new Set(['after_request', 'after_app_request']);

/** Methods that attach routes defined elsewhere. */
export const FLASK_INCLUDES: ReadonlySet<string> = new Set(['register_blueprint']);

/** The distribution names under which Flask-Talisman is installed (requirements files). */
export const TALISMAN_DISTRIBUTIONS: readonly string[] = ['flask-talisman', 'talisman'];
