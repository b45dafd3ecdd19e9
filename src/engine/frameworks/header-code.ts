import { MAIN_HEADERS, type SecurityHeader } from '../model/headers';

/** Calls of the `secure` package (secure.py), which sets the whole recommended set on a response. */
const SECURE_PACKAGE_CALL = /\.\s*(?:set_headers(?:_async)?|framework\s*\.\s*\w+)\s*\(/;

/**
 * Main security headers a Python hook or middleware sets, read from its code: a header named in a string
 * (`response.headers['X-Frame-Options'] = 'DENY'`, `headers.update({...})`), `frame-ancestors` in a policy
 * (it replaces X-Frame-Options), or a call of the `secure` package (every header). These headers are only
 * ever sent by a server, so naming one in a response hook means setting it.
 */
export function headersSetInPythonCode(code: string): readonly SecurityHeader[] | 'all' {
  if (SECURE_PACKAGE_CALL.test(code)) return 'all';
  const lower = code.toLowerCase();
  const found = MAIN_HEADERS.filter((h) => new RegExp(`['"]${h.toLowerCase()}['"]`).test(lower));
  if (!found.includes('X-Frame-Options') && /frame-ancestors/.test(lower) && found.includes('Content-Security-Policy')) found.push('X-Frame-Options');
  return found;
}
