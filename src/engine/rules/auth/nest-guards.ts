import type { DecoratorFact } from '../../project/facts';

/** NestJS: decorators and guard names that protect a route, and markers that declare it public. */

/** Guard class names that check identity or privileges (`JwtAuthGuard`, `RolesGuard`, `AuthGuard('jwt')`). */
export const AUTH_GUARD_NAME = /Auth|Jwt|JWT|Role|Admin|Permission|Acl|ACL|Access|Polic|Casl|Session|Login|Token|Owner|ApiKey|Scope|Clerk|Firebase|Keycloak|Supabase|Passport/;
/** Guards that are not about who the caller is. */
export const NON_AUTH_GUARD_NAME = /Throttl|RateLimit|Cache|Validation|Serializ|Logging|Timeout|Csrf|CSRF|Xsrf|XSRF|Captcha/;

/** Composite decorators that apply an auth guard themselves (`@Auth()`, `@Authorized()`). */
export const AUTH_DECORATORS: ReadonlySet<string> = new Set(['Auth', 'Authorized', 'Authenticated', 'Authorize', 'RequireAuth', 'RequiresAuth', 'Protected', 'JwtAuth', 'UseAuthGuard']);

/** Markers for routes that are public on purpose, read by a global guard (`@Public()`). */
export const PUBLIC_DECORATORS: ReadonlySet<string> = new Set(['Public', 'AllowAnonymous', 'SkipAuth', 'IsPublic', 'NoAuth', 'Anonymous', 'PublicRoute']);

export function isAuthGuardName(name: string, extra: readonly string[] = []): boolean {
  return extra.includes(name) || (AUTH_GUARD_NAME.test(name) && !NON_AUTH_GUARD_NAME.test(name));
}

export function isAuthDecorator(decorator: DecoratorFact, extra: readonly string[] = []): boolean {
  if (decorator.name === 'UseGuards') return decorator.argNames.some((n) => isAuthGuardName(n, extra));
  return AUTH_DECORATORS.has(decorator.name) || extra.includes(decorator.name);
}

export function isPublicDecorator(decorator: DecoratorFact): boolean {
  return PUBLIC_DECORATORS.has(decorator.name);
}
