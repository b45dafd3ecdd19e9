import type { GuardEffect } from '../../model/routes';
import type { LineRange } from '../../types';
import type { PyBodyShape } from './body-shape';

/**
 * What the project index keeps of a Python file for the framework extractors (Flask, Django, FastAPI):
 * plain data, no tree nodes, so facts of other files can be read without parsing them again.
 */

/** A Python expression as far as route extraction reads it. */
export type PyValue =
  | { kind: 'string'; value: string }
  /** A name or dotted name: `views.index`, `permissions.IsAuthenticated`. */
  | { kind: 'name'; name: string }
  /** `line` and `column` are 0-based, where the call starts. */
  | { kind: 'call'; callee: string; args: PyValue[]; kwargs: Record<string, PyValue>; start: number; line: number; column: number; text: string }
  | { kind: 'list'; items: PyValue[] }
  | { kind: 'dict'; entries: [string, PyValue][] }
  /** `Annotated[T, Depends(x)]` and other subscripts: the callee text and the items. */
  | { kind: 'subscript'; value: string; items: PyValue[] }
  | { kind: 'other'; text: string };

/** `from .auth import login_required as lr`: module `.auth`, name `login_required`, alias `lr`. `import a.b` has no name. */
export interface PyImport {
  module: string;
  name?: string;
  alias: string;
}

export interface PyDecorator {
  /** The dotted name applied (`app.route`, `login_required`), without the call. */
  name: string;
  /** The call, when the decorator is called (`@app.route('/x')`). */
  call?: Extract<PyValue, { kind: 'call' }>;
  start: number;
  end: number;
}

export interface PyParam {
  name: string;
  annotation?: PyValue;
  default?: PyValue;
}

export interface PyFunction {
  name: string;
  /** The class holding it, for methods. */
  className?: string;
  decorators: PyDecorator[];
  params: PyParam[];
  /** The function's source (decorators left out), capped. */
  code: string;
  /** How its body refuses callers, when an auth condition leads to a refusal (or a call of a known guard). */
  refuses?: GuardEffect;
  /** It refuses through a condition on the caller: an in-handler check. */
  checksCaller: boolean;
  /** A method calling the one it overrides (`super().dispatch(...)`): it hands the request on. */
  passesOn?: boolean;
  /** The condition under which such a method refuses instead of handing on. */
  gate?: PyWrapperGate;
  /** What its body does with stored data and how it ends. */
  shape: PyBodyShape;
  /** Start of the line of the first decorator (or of `def`), and the indentation there. */
  defStart: number;
  /** Start of the line holding `def` itself: a decorator inserted there runs before the body and after those above. */
  defLineStart: number;
  indent: string;
  nameStart: number;
  nameEnd: number;
  /** The name's lines and characters, for reports in other files (`rangeOfLines` gives the `Range`). */
  nameAt: LineRange;
  /** A function defined inside another one (a decorator's wrapper): never a route by itself. */
  nested: boolean;
  /** Reason from a `# backend-guide-public: <reason>` comment above it or its decorators. */
  publicReason?: string;
}

/** `if not self.visible_to(request.user): raise Http404` in a method that otherwise calls `super().dispatch(...)`. */
export interface PyWrapperGate {
  /** The condition's text: whether it asks about the caller is judged with the class at hand. */
  condition: string;
  effect: GuardEffect;
}

/** Class attributes whose value the facts keep whole: Django REST framework's `permission_classes`, a list of classes. */
export const WHOLE_CLASS_ATTRS: ReadonlySet<string> = new Set(['permission_classes']);

/**
 * A class's source without its methods' (`outside`), and the index in the file's functions of each method whose source
 * goes at `at[i]` in it (see `classCodeParts` in class-code.ts).
 */
export interface PyClassCode {
  outside: string;
  methods: number[];
  at: number[];
}

export interface PyClass {
  name: string;
  bases: string[];
  decorators: PyDecorator[];
  /**
   * Class-level assignments (`permission_classes = [...]`), every one by name; of most values only what the
   * frameworks' models read is kept (see `classAttrValue` in extract-python-facts.ts).
   */
  attrs: Record<string, PyValue>;
  /** Names of the methods it defines. */
  methods: string[];
  /** Its source, apart from its methods' own (read it with `classCode` in class-code.ts). */
  codeParts: PyClassCode;
  start: number;
  end: number;
  publicReason?: string;
}

/** An assignment of a call, list, dict or string, at any level outside class bodies (`app = Flask(__name__)` inside `create_app`). */
export interface PyAssignment {
  target: string;
  value: PyValue;
  /** `+=` rather than `=`. */
  augmented: boolean;
  start: number;
  end: number;
  /** The 0-based line it starts on (a `# backend-guide-public` mark above it applies to it). */
  line: number;
  /** The enclosing function, when the assignment is inside one. */
  inFunction?: string;
}

/** A call made as a statement (`app.register_blueprint(bp)`, `router.register('users', V)`). */
export interface PyCallStatement {
  call: Extract<PyValue, { kind: 'call' }>;
  end: number;
  publicReason?: string;
}

/**
 * Where a value a call passes comes from, as far as its own function shows: `c` a constant (or a value that
 * cannot carry SQL syntax), `s` data read from the database or the configuration, `r` request data, `u` unknown,
 * `k` the keyword names the calling function's own callers pass to its `**kwargs` (known once they are read).
 */
export type PyOriginCode = 'c' | 's' | 'r' | 'u' | 'k';

/** One argument of a call: the origin of its value, then the origin of what iterating it gives (a dict's keys, a list's items). */
export type PyArgCode = `${PyOriginCode}${PyOriginCode}`;

/** A call of a dotted name (`upsert(...)`, `db.upsert(...)`, `(...).upsert(...)` as `*.upsert`) and what it passes. */
export interface PyCallSite {
  callee: string;
  /** 0-based line of the call. */
  line: number;
  args: PyArgCode[];
  kwargs?: Record<string, PyArgCode>;
  /** It spreads `*args` or `**kwargs`: what reaches each parameter is out of sight. */
  splat?: true;
  /** The function the call is in, when an argument's origin is `k` (its `**kwargs`'s keyword names). */
  from?: { name: string; method: boolean };
}

export interface PythonFileFacts {
  /** `# backend-guide-public: <reason>` comments, by 0-based line. */
  publicMarks: Record<number, string>;
  imports: PyImport[];
  functions: PyFunction[];
  classes: PyClass[];
  assignments: PyAssignment[];
  calls: PyCallStatement[];
  /** Calls of dotted names with arguments, with where each argument comes from (for callers across files). */
  callSites?: PyCallSite[];
  /** Last names of functions and methods used as values rather than called (`callback=db.upsert`): their callers are out of sight. */
  handedOn?: string[];
}
