import { typeCannotCarrySql } from './declared-types';

/**
 * What the rule knows about calls whose result ends up in SQL text, as data: which produce numbers
 * (cannot carry SQL), which format strings, which only reshape text. The drivers' own escapers are in
 * `quoting.ts`: they are trusted on purpose, being written for their driver's dialect and tested against it.
 */

/** Bare functions that return a number or boolean. */
export const NUMERIC_FUNCTIONS: ReadonlySet<string> = new Set(['parseInt', 'parseFloat', 'Number', 'Boolean', 'BigInt', 'isNaN', 'isFinite']);

/** `Object.method` calls whose result cannot carry SQL (a number, a boolean, random bytes or ids), by object. */
export const NUMERIC_STATIC_CALLS: Readonly<Record<string, 'any' | readonly string[]>> = {
  Math: 'any',
  Number: ['parseInt', 'parseFloat', 'isInteger', 'isSafeInteger', 'isFinite', 'isNaN'],
  Date: ['now', 'parse', 'UTC'],
  Array: ['isArray'],
  crypto: ['randomUUID', 'randomInt', 'randomBytes'],
};

/**
 * Modules that generate names and ids (`uuidv4()`, `nanoid()`, `crypto.randomBytes(8).toString('hex')`,
 * hashes): whatever is called from them returns letters, digits and dashes, so `'tmp_' + uuid()` is a
 * generated name, not input.
 */
export const GENERATOR_MODULES: ReadonlySet<string> = new Set(['uuid', 'nanoid', 'crypto', 'node:crypto', 'cuid', '@paralleldrive/cuid2', 'ulid', 'shortid', 'short-uuid']);

/**
 * Modules whose functions read the request being served without being handed it (`cookies()` and
 * `headers()` of Next.js): what they return is request data, whatever their arguments.
 */
export const REQUEST_READING_MODULES: ReadonlySet<string> = new Set(['next/headers', 'next/navigation']);

/** Methods that return a number, a boolean or text of a fixed shape, whatever the receiver holds. */
export const SAFE_RESULT_METHODS: ReadonlySet<string> = new Set([
  'toFixed', 'toPrecision', 'toExponential', 'getTime', 'getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'getMinutes',
  'getSeconds', 'getMilliseconds', 'getUTCFullYear', 'getUTCMonth', 'getUTCDate', 'getUTCDay', 'getUTCHours', 'getUTCMinutes',
  'getUTCSeconds', 'getTimezoneOffset', 'toISOString', 'toJSON', 'indexOf', 'lastIndexOf', 'findIndex', 'charCodeAt', 'codePointAt',
  'localeCompare', 'includes', 'startsWith', 'endsWith', 'some', 'every', 'has', 'test', 'randomUUID', 'randomInt', 'unix', 'valueOf',
]);

/** Methods whose result carries whatever the receiver carried (constant stays constant, user text stays user text). */
export const TEXT_PRESERVING_METHODS: ReadonlySet<string> = new Set([
  'toString', 'toUpperCase', 'toLowerCase', 'toLocaleUpperCase', 'toLocaleLowerCase', 'trim', 'trimStart', 'trimEnd', 'padStart', 'padEnd',
  'slice', 'substring', 'substr', 'normalize', 'at', 'charAt', 'repeat', 'replace', 'replaceAll',
]);

/** Array methods that keep (some of) the receiver's elements, for `.join()` analysis. */
export const ELEMENT_PRESERVING_METHODS: ReadonlySet<string> = new Set(['filter', 'slice', 'reverse', 'sort', 'concat', 'flat', 'toSorted', 'toReversed']);

/** Functions (lodash and the like: `compact(list)`, `_.uniq(list)`) that return some of their first argument's elements. */
export const ELEMENT_PRESERVING_FUNCTIONS: ReadonlySet<string> = new Set(['compact', 'uniq', 'uniqBy', 'flatten', 'flattenDeep', 'sortBy', 'without', 'difference', 'take']);

/**
 * Functions (lodash and the like: `pick(obj, ['a', 'b'])`) whose result has only the keys listed in their second
 * argument: the keys of what they return are some of that list.
 */
export const KEY_PICKING_FUNCTIONS: ReadonlySet<string> = new Set(['pick']);

/** Modules whose `format` is printf-like without escaping. */
export const PRINTF_MODULES: ReadonlySet<string> = new Set(['util', 'node:util', 'sprintf-js', 'format', 'printf']);

/** Tags of tagged templates that turn substitutions into bound parameters. */
export const PARAMETERIZING_TAGS = /^(sql|SQL|Prisma\.sql|sql\.(fragment|unsafe_fragment|join|identifier|type\(.*\))|sqltag|sqlTag|SQL\.sql)$|\.sql$/;

/** Names that hold constants by convention (`TABLE_NAME`, `Tables.USERS`). */
export function isConstantName(name: string): boolean {
  return /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(name) && name.length >= 2;
}

/** TypeScript types that cannot carry SQL text: numbers, booleans, unions of literals, and collections and object shapes of those. */
export function isSafeTypeText(type: string | undefined): boolean {
  return typeCannotCarrySql(type);
}

/** Array callbacks whose second parameter is the element index. */
export const INDEX_CALLBACK_METHODS: ReadonlySet<string> = new Set(['map', 'forEach', 'filter', 'some', 'every', 'find', 'findIndex', 'flatMap']);

export interface FormatSpecifier {
  /** Offset of the specifier in the format text. */
  at: number;
  length: number;
  /** `value`: substituted as text; `safe`: numeric or escaped; `percent`: a literal `%`. */
  kind: 'value' | 'safe' | 'percent' | 'json';
}

/** Specifiers of a printf-style format string; pg-format's `%L`/`%I` escape, util.format's `%d`/`%i`/`%f` print numbers. */
export function formatSpecifiers(format: string, pgFormat: boolean): FormatSpecifier[] {
  const specifiers: FormatSpecifier[] = [];
  for (const match of format.matchAll(/%(?:\d+\$)?([sdifjoOcLIQ%])/g)) {
    const letter = match[1];
    let kind: FormatSpecifier['kind'];
    if (letter === '%') kind = 'percent';
    else if (pgFormat) kind = letter === 'L' || letter === 'I' ? 'safe' : 'value';
    else if (letter === 'd' || letter === 'i' || letter === 'f') kind = 'safe';
    else if (letter === 'j' || letter === 'o' || letter === 'O') kind = 'json';
    else if (letter === 'c') continue;
    else kind = 'value';
    specifiers.push({ at: match.index, length: match[0].length, kind });
  }
  return specifiers;
}
