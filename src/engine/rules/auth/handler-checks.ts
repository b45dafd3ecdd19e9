/**
 * Checks written inside a handler (or a hand-written middleware) instead of a named middleware:
 * code that reads who the caller is and ends the request when that fails, or that verifies a credential
 * with a call that throws on failure.
 */

/** Reads of the caller's identity or privileges, as conditions. */
export const IDENTITY_CHECKS: readonly RegExp[] = [
  /\b(?:req|request|ctx)\s*\.\s*isAuthenticated\s*\(/,
  /!\s*(?:req|request)\s*\.\s*(?:user|auth|userId|currentUser|session)\b/,
  /\b(?:req|request)\s*\.\s*(?:user|auth)\s*(?:===?|!==?)\s*(?:null|undefined)\b/,
  /!\s*(?:req|request|ctx)\s*\.\s*session\s*(?:\?\.|\.)\s*(?:user|userId|user_id|uid|username|loggedIn|isLoggedIn|authenticated|account|accountId|passport)\b/,
  /!\s*ctx\s*\.\s*state\s*\.\s*user\b/,
  /\b(?:req|request|ctx\s*\.\s*state)\s*\.\s*user\s*(?:\?\.|\.)\s*(?:role|roles|isAdmin|admin|permissions|scope|scopes)\b/,
  /\b(?:req|request|ctx)\s*\.\s*(?:headers|header|get)\s*(?:\.\s*authorization\b|\[\s*['"`]authorization['"`]\s*\]|\(\s*['"`]authorization['"`]\s*\))/i,
];

/** Calls that verify a credential and throw (or reject) when it is invalid. */
export const VERIFYING_CALLS: readonly RegExp[] = [
  /\bjwt\s*\.\s*verify\s*\(/,
  /\b(?:req|request)\s*\.\s*jwtVerify\s*\(/,
  /\bverifyIdToken\s*\(/,
  /\bpassport\s*\.\s*authenticate\s*\(/,
];

/** Ways a check ends the request when it fails. */
export const REQUEST_ENDINGS: readonly RegExp[] = [
  /\b40[13]\b/,
  /\bUnauthori[sz]ed\b/i,
  /\bForbidden\b/i,
  /\.\s*redirect\s*\(\s*(?:30[1237]\s*,\s*)?['"`][^'"`]*(?:login|signin|sign-in|auth)/i,
  /\bctx\s*\.\s*throw\s*\(/,
  /\bthrow\b/,
];

/** True when the code checks the caller and ends the request on failure. */
export function hasInHandlerCheck(code: string): boolean {
  if (VERIFYING_CALLS.some((p) => p.test(code))) return true;
  return IDENTITY_CHECKS.some((p) => p.test(code)) && REQUEST_ENDINGS.some((p) => p.test(code));
}

/** Webhook handlers that verify the sender's signature before trusting the payload. */
export const SIGNATURE_CHECKS: readonly RegExp[] = [
  /\bconstructEvent\s*\(/, /\bverify(?:Webhook)?Signature\s*\(/i, /\bvalidate(?:Webhook)?Signature\s*\(/i, /\bverifyWebhook\s*\(/i,
  /\bcreateHmac\s*\(/, /\btimingSafeEqual\s*\(/, /x-hub-signature|stripe-signature|x-signature|x-slack-signature|svix-signature|x-twilio-signature/i,
  /\bwebhooks?\s*\.\s*verify\s*\(/i,
];

export function hasSignatureCheck(code: string): boolean {
  return SIGNATURE_CHECKS.some((p) => p.test(code));
}
