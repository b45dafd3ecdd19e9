import type { HeaderFramework, SecurityHeader } from '../../model/headers';

/** What the header extractor knows about FastAPI and Starlette, as data (module-qualified names). */

export const ASGI_APP_CONSTRUCTORS: Readonly<Record<string, HeaderFramework>> = {
  'fastapi.FastAPI': 'fastapi',
  'starlette.applications.Starlette': 'starlette',
};

/** Packages that add header middleware to the app they are given (`SecWeb(app=app)`). */
export const ASGI_HEADER_PACKAGES: Readonly<Record<string, { what: string; headers: readonly SecurityHeader[] | 'all' }>> = {
  'Secweb.SecWeb': { what: 'Secweb', headers: 'all' },
  'secweb.SecWeb': { what: 'Secweb', headers: 'all' },
};

/** Objects whose methods set the security headers on a response inside a hook or middleware (`secure.Secure()`). */
export const HEADER_OBJECT_CONSTRUCTORS: Readonly<Record<string, string>> = {
  'secure.Secure': 'secure',
  'secure.Secure.with_default_headers': 'secure',
};

/** Methods that attach routes or other apps defined elsewhere. */
export const ASGI_INCLUDES: ReadonlySet<string> = new Set(['include_router', 'mount', 'host']);
