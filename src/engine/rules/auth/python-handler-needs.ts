import type { BackendRoute } from '../../model/routes';
import { wordsOf } from './auth-names';
import type { RouteNeed } from './route-policy';
import { literalSegments } from './route-tables';

/**
 * What a Python view's body shows about the route's need, where the method or the path alone misleads: a
 * first-run setup page that sends callers away once the app is set up, a link whose signed value the view
 * verifies, an object addressed by a random identifier, a view that only redirects or reads no stored data.
 * Read from the handler's shape (`HandlerShape`), its project calls included.
 */

/** Words of a condition or path that name the app's first-run state. */
const SETUP_WORDS: ReadonlySet<string> = new Set(['setup', 'install', 'installed', 'installation', 'initialized', 'initialised', 'onboarding', 'onboarded', 'bootstrap', 'bootstrapped', 'firstrun']);
/**
 * A condition about the request, the caller or one account (`g.account.onboarded`, `user.setup_done`): not the
 * app's state, which a model class (`User.query.count()`) or a setting describes.
 */
const ABOUT_REQUEST = /\brequest\b|\bsession\b|\bcurrent_user\b|\bg\s*\.|\b(?:user|account|profile|member)\s*\.|\btoken\b|\bform\b/;
/** Parameter names of a record's own id: a UUID there is an identifier shown wherever the record is listed, not a secret handed out. */
const RECORD_ID = /^(?:id|pk|uuid|\w+_(?:id|pk|uuid))$/i;

function namesSetUp(text: string): boolean {
  return wordsOf(text.replace(/set_up|setUp/g, 'setup').replace(/first_run/g, 'firstrun')).some((w) => SETUP_WORDS.has(w));
}

/**
 * A first-run setup step: every answering method starts by sending callers away (a redirect, a refusal) on a
 * condition about the app's state, or does all its work only under such a condition. The condition names the
 * set-up state (`is_setup()`, `site.install_mode`), or the route is the setup page and the condition reads
 * nothing of the request (`if current_org != None: return redirect('/')` on `/setup`).
 */
function firstRunSetup(route: BackendRoute): boolean {
  const gates = route.handlerShape?.gates ?? [];
  if (!gates.length) return false;
  // A condition on the caller (`request.user.onboarded`) is about one account's progress, not the app's first run.
  const appState = gates.filter((g) => !ABOUT_REQUEST.test(g));
  if (appState.some(namesSetUp)) return true;
  const setupPage = literalSegments(route.fullPath).some(namesSetUp) || (route.handlerName !== undefined && namesSetUp(route.handlerName));
  return setupPage && appState.length > 0;
}

/** The need a Python view's body shows, when it overrides what the method and path say. */
export function handlerNeed(route: BackendRoute): RouteNeed | undefined {
  const shape = route.handlerShape;
  if (firstRunSetup(route)) return { kind: 'public', reason: 'first-run setup: the view sends callers away once the app is set up, so it only serves an empty install' };
  if (shape?.verifiesSignature) return { kind: 'public', reason: 'a signed link: the view verifies the signed value it is given and ends the request when the signature is bad' };
  const random = route.unguessableParams?.find((p) => !RECORD_ID.test(p));
  if (random) return { kind: 'public', reason: `a capability link: the object is addressed by a random UUID (:${random}) that only whoever was given it knows` };
  // A body that only returns a literal answers nothing worth judging by: a stub is judged by its method and path.
  if (!shape || shape.writesStoredData || !shape.answers) return undefined;
  if (shape.onlyRedirects) return { kind: 'none', reason: 'the view only redirects (to a URL built from literals and its parameters) and changes no stored data' };
  if (!shape.readsStoredData) return { kind: 'none', reason: 'the view reads and changes no stored data: it answers from the request alone' };
  return undefined;
}

/** True when a state-changing method's view changes no stored data: it is judged by what it reads. */
export function changesNothing(route: BackendRoute): boolean {
  return route.handlerShape !== undefined && route.handlerShape.answers && !route.handlerShape.writesStoredData;
}
