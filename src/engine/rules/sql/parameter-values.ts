import type { Node } from '@vscode/tree-sitter-wasm';
import type { ArgOrigin, ParamPart } from '../../project/facts';
import { argumentPart, callerArguments, parameterPart } from './call-sites';
import { schemaArgumentPart } from './graphql-args';
import { passThroughTest } from './pass-through-calls';
import { SAFE, UNKNOWN, cannotCarrySql, constant, unionOf, type Evaluation } from './pieces';
import type { MemberSight } from './own-class-calls';
import type { Binding } from './scope';
import type { StringEvaluator } from './string-building';

/**
 * What the project says about calls that cross files, for the evaluator; absent when no project facts are
 * given (a lone file), so that published functions keep parameters of unknown value.
 */
export interface CrossFileCalls {
  /**
   * The origins other files pass for a part of a parameter of `fn`, a function of this file they may call;
   * `undefined` when some use of it is out of sight (handed out as a callback, loaded another way).
   */
  argumentsFor(fn: Node, part: ParamPart): readonly ArgOrigin[] | undefined;
  /**
   * How many calls in other files pass, for a part of a parameter of `fn`, an object literal whose keys are all
   * written out; `undefined` when some call passes anything else, or some use of `fn` is out of sight.
   */
  argumentKeysKnown?(fn: Node, part: ParamPart): number | undefined;
  /** Whether `callee` is a function of another project file that passes calls through to its first argument (`FunctionFact.forwards`). */
  forwardsOf?(callee: Node): boolean;
  /** What the function another project file defines under `callee` returns as text (see `FunctionFact.textReturn`). */
  textReturnOf(callee: Node): readonly ParamPart[] | undefined;
  /** The same for one property of the object literals that function returns (see `FunctionFact.propertyReturns`). */
  propertyReturnOf(callee: Node, property: string): readonly ParamPart[] | undefined;
  /** Whether what those say of `callee` holds only while database and configuration values count as safe (`FunctionFact.readsStored`). */
  readsStoredOf(callee: Node): boolean;
  /**
   * The package value a name stands for, through the project's modules: `GraphQLInt` is graphql's
   * `GraphQLInt`; an enum another file builds with `new GraphQLEnumType(...)` is graphql's `GraphQLEnumType()`.
   */
  packageValueOf(node: Node): PackageValue | undefined;
  /**
   * Whether the project's facts are complete enough to tell what no file does (every script file read, none
   * left out); until then (a lone file, the editor still indexing) nothing counts as never called.
   */
  readonly complete?: boolean;
  /** Whether `fn`, a function this file exports, can be called by nothing in or out of the project (see `exportedButUnused`). */
  exportedButUnused?(fn: Node): boolean;
  /** Whether nothing can load this file's module, so none of its code runs (see `unloadableModule`). */
  moduleUnloadable?(): boolean;
  /** What other project files name, for telling methods only their own class calls. */
  readonly memberSight?: MemberSight;
  /** The same for a member path below what `node` stands for (`Args` with `['kind', 'type']` for `Args.kind.type`). */
  packageValueAt?(node: Node, path: readonly string[]): PackageValue | undefined;
}

/** A value of an installed package: its name, and the members and calls (`()`) that lead to it. */
export interface PackageValue {
  readonly name: string;
  readonly path: readonly string[];
}

/** An argument's origin as the evaluator reads values: constants and quoted values cannot carry SQL. */
export function originValue(origin: ArgOrigin): Evaluation {
  return origin === 'constant' || origin === 'quoted' ? SAFE : UNKNOWN;
}

/**
 * What a parameter holds, from what its callers pass: the calls in this file (evaluated), and for a function
 * other files may call, what the project's facts say those pass. A destructured name (`({ table }) => ...`)
 * or a property read of a parameter (`args.orderBy`) takes that property of each argument. Only constants and
 * values that cannot carry SQL are carried over: SQL text a caller builds is reported where it builds it.
 * One instance per evaluator; results that do not depend on where they are read are remembered.
 */
export class ParameterValues {
  private readonly known = new Map<string, Evaluation>();

  constructor(private readonly ev: StringEvaluator, private readonly crossFile: CrossFileCalls | undefined, private readonly followCalls: boolean) {}

  /** What callers give `binding`'s parameter, at `below` inside it; `remember` when the result holds wherever it is read. */
  valueOf(binding: Binding, below: readonly string[], depth: number, remember: boolean): Evaluation {
    const key = `${binding.id.startIndex}:${below.join('.')}`;
    const known = this.known.get(key);
    if (known) return known;
    const value = this.compute(binding, below, depth);
    // only constants are carried over: SQL text a caller builds is reported where that caller builds it
    const carried = cannotCarrySql(value) ? value : UNKNOWN;
    if (remember || carried === UNKNOWN) this.known.set(key, carried);
    return carried;
  }

  private compute(binding: Binding, below: readonly string[], depth: number): Evaluation {
    const param = binding.param;
    const callers = this.followCalls ? callerArguments(this.ev.scopes, this.ev.classes, this.ev.text, binding, passThroughTest(this.ev)) : undefined;
    const part = callers && param ? parameterPart(this.ev.scopes, binding) : undefined;
    if (!callers || !param || !part) return UNKNOWN;
    const path = [...part.path, ...below];
    const values: { evaluation: Evaluation; node: Node }[] = callers.args.map((arg) => {
      const given = argumentPart(arg, path);
      if (given === null) return { evaluation: schemaArgumentPart(this.ev, arg, path, depth) ?? wholeArgument(this.ev, arg, depth), node: arg ?? binding.id };
      const value = given ?? (path.length === 0 ? param.defaultValue : below.length === 0 ? part.defaultValue : undefined);
      return { evaluation: value ? this.ev.evaluate(value, depth + 1) : constant('', false), node: value ?? binding.id };
    });
    if (callers.published) {
      const others = this.crossFile?.argumentsFor(param.fn, { index: param.index, path });
      if (!others) return UNKNOWN;
      values.push(...others.map((origin) => ({ evaluation: originValue(origin), node: binding.id })));
    }
    return values.length > 0 ? unionOf(values) : UNKNOWN;
  }
}

/** A part of an argument that is not an object literal (or of no argument): safe when the whole argument is. */
export function wholeArgument(ev: StringEvaluator, arg: Node | undefined, depth: number): Evaluation {
  return arg && ev.readsSafe(arg, depth) ? SAFE : UNKNOWN;
}
