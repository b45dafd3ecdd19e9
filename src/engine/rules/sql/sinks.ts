/**
 * Where SQL text goes: the query APIs of the Node database drivers, as data. Adding a driver or a method
 * is a new row here plus one example in `test/unit/rules/sql-sinks.test.ts`, not new control flow.
 */

export type DriverId =
  | 'mysql' | 'pg' | 'pg-promise' | 'postgres' | 'sqlite3' | 'better-sqlite3' | 'mssql' | 'oracledb'
  | 'knex' | 'sequelize' | 'typeorm' | 'prisma' | 'drizzle' | 'mongodb' | 'unknown';

/**
 * How much the text must look like SQL before a call counts:
 * `statement` — it starts with a SQL statement (`SELECT ... FROM`, `INSERT INTO`, ...);
 * `sql` — a statement or a SQL clause (`WHERE a = `, `ORDER BY`, `col = `);
 * `built` — any text built from a non-constant value (the method name says it is SQL).
 */
export type Evidence = 'statement' | 'sql' | 'built';

/** How a parameterized rewrite passes the values; `none` when the API has no parameters. */
export type ValuesLayout =
  | 'values-array' // fn(sql, [values], callback?)
  | 'sequelize-options' // sequelize.query(sql, { replacements: [values] })
  | 'mssql-input' // request.input('p1', value).query('... @p1')
  | 'typeorm-named' // qb.where('a = :a', { a })
  | 'prisma-tagged' // prisma.$queryRaw`... ${value}`
  | 'statement-args' // db.prepare(sql).get(values...)
  | 'none';

/** `?`, `$1`, `:1`, `@p1` (named, mssql), `:name` (named, TypeORM); `dialect` follows the file's SQL driver. */
export type PlaceholderStyle = '?' | '$n' | ':n' | '@name' | ':name' | 'dialect';

/** When a row applies: always, when the file imports the driver, or when it does or the receiver is named like it. */
export type Applies = 'always' | 'import' | 'import-or-receiver';

export interface SinkEntry {
  readonly id: string;
  readonly driver: DriverId;
  readonly methods: readonly string[];
  /** Index of the argument that holds the SQL text. */
  readonly sqlArgument: number;
  readonly applies: Applies;
  /** Names of the receiver (last segment, for example `knex` in `this.knex.raw`) that identify the driver. */
  readonly receiver?: RegExp;
  /** Text in the call chain before the method that identifies the driver (TypeORM query builders). */
  readonly chain?: RegExp;
  /** Also a bare call `fn(...)` of a name imported from the driver. */
  readonly bare?: boolean;
  readonly evidence: Evidence;
  readonly layout: ValuesLayout;
  readonly placeholder?: PlaceholderStyle;
}

/** npm modules that identify each driver when a file imports them. */
export const DRIVER_MODULES: Readonly<Record<Exclude<DriverId, 'unknown'>, readonly string[]>> = {
  mysql: ['mysql', 'mysql2', 'mysql2/promise', 'mariadb', 'serverless-mysql'],
  pg: ['pg', 'pg-pool', '@vercel/postgres', '@neondatabase/serverless'],
  'pg-promise': ['pg-promise'],
  postgres: ['postgres'],
  sqlite3: ['sqlite3', 'sqlite'],
  'better-sqlite3': ['better-sqlite3'],
  mssql: ['mssql', 'mssql/msnodesqlv8'],
  oracledb: ['oracledb'],
  knex: ['knex', 'objection', 'bookshelf'],
  sequelize: ['sequelize', 'sequelize-typescript'],
  typeorm: ['typeorm'],
  prisma: ['@prisma/client'],
  drizzle: ['drizzle-orm'],
  mongodb: ['mongodb', 'mongoose'],
};

/** The placeholder each driver's own query method understands. */
export const DRIVER_PLACEHOLDER: Readonly<Partial<Record<DriverId, PlaceholderStyle>>> = {
  mysql: '?', sqlite3: '?', 'better-sqlite3': '?', knex: '?', sequelize: '?',
  pg: '$n', 'pg-promise': '$n', postgres: '$n', oracledb: ':n', mssql: '@name',
};

const DB_HANDLE = /^(db|database|conn|connection|con|client|pool|knex|trx|tx|transaction|k)$/i;

export const SINKS: readonly SinkEntry[] = [
  { id: 'mysql.query', driver: 'mysql', methods: ['query', 'execute'], sqlArgument: 0, applies: 'import', evidence: 'sql', layout: 'values-array', placeholder: '?' },
  { id: 'pg.query', driver: 'pg', methods: ['query'], sqlArgument: 0, applies: 'import', evidence: 'sql', layout: 'values-array', placeholder: '$n' },
  {
    id: 'pg-promise.query', driver: 'pg-promise', sqlArgument: 0, applies: 'import', evidence: 'sql', layout: 'values-array', placeholder: '$n',
    methods: ['query', 'none', 'one', 'many', 'any', 'oneOrNone', 'manyOrNone', 'result', 'multi', 'multiResult', 'each', 'map', 'stream'],
  },
  { id: 'postgres.unsafe', driver: 'postgres', methods: ['unsafe'], sqlArgument: 0, applies: 'import-or-receiver', receiver: /^(sql|db|pg|postgres|tx|trx)$/i, evidence: 'built', layout: 'values-array', placeholder: '$n' },
  { id: 'sqlite3.query', driver: 'sqlite3', methods: ['run', 'get', 'all', 'each', 'prepare'], sqlArgument: 0, applies: 'import', evidence: 'sql', layout: 'values-array', placeholder: '?' },
  { id: 'sqlite3.exec', driver: 'sqlite3', methods: ['exec'], sqlArgument: 0, applies: 'import', evidence: 'sql', layout: 'none' },
  { id: 'better-sqlite3.prepare', driver: 'better-sqlite3', methods: ['prepare'], sqlArgument: 0, applies: 'import', evidence: 'sql', layout: 'statement-args', placeholder: '?' },
  { id: 'better-sqlite3.exec', driver: 'better-sqlite3', methods: ['exec'], sqlArgument: 0, applies: 'import', evidence: 'sql', layout: 'none' },
  { id: 'mssql.query', driver: 'mssql', methods: ['query', 'batch'], sqlArgument: 0, applies: 'import', evidence: 'sql', layout: 'mssql-input', placeholder: '@name' },
  { id: 'oracledb.execute', driver: 'oracledb', methods: ['execute'], sqlArgument: 0, applies: 'import', evidence: 'sql', layout: 'values-array', placeholder: ':n' },
  { id: 'knex.raw', driver: 'knex', methods: ['raw'], sqlArgument: 0, applies: 'import-or-receiver', receiver: DB_HANDLE, evidence: 'built', layout: 'values-array', placeholder: '?' },
  {
    id: 'knex.clause-raw', driver: 'knex', sqlArgument: 0, applies: 'always', evidence: 'built', layout: 'values-array', placeholder: '?',
    methods: ['whereRaw', 'andWhereRaw', 'orWhereRaw', 'havingRaw', 'orHavingRaw', 'orderByRaw', 'groupByRaw', 'joinRaw', 'fromRaw'],
  },
  { id: 'sequelize.query', driver: 'sequelize', methods: ['query'], sqlArgument: 0, applies: 'import-or-receiver', receiver: /^sequelize$/i, evidence: 'sql', layout: 'sequelize-options', placeholder: '?' },
  { id: 'sequelize.literal', driver: 'sequelize', methods: ['literal'], sqlArgument: 0, applies: 'import-or-receiver', receiver: /^sequelize$/i, bare: true, evidence: 'built', layout: 'none' },
  { id: 'typeorm.query', driver: 'typeorm', methods: ['query'], sqlArgument: 0, applies: 'import', evidence: 'sql', layout: 'values-array', placeholder: 'dialect' },
  {
    id: 'typeorm.where', driver: 'typeorm', sqlArgument: 0, applies: 'import-or-receiver', chain: /createQueryBuilder|QueryBuilder\b/, receiver: /^(qb|queryBuilder|builder)$/i,
    evidence: 'sql', layout: 'typeorm-named', placeholder: ':name',
    methods: ['where', 'andWhere', 'orWhere', 'having', 'andHaving', 'orHaving'],
  },
  { id: 'prisma.unsafe', driver: 'prisma', methods: ['$queryRawUnsafe', '$executeRawUnsafe'], sqlArgument: 0, applies: 'always', evidence: 'built', layout: 'prisma-tagged' },
  { id: 'prisma.raw-call', driver: 'prisma', methods: ['$queryRaw', '$executeRaw'], sqlArgument: 0, applies: 'always', evidence: 'built', layout: 'prisma-tagged' },
  { id: 'prisma.raw-helper', driver: 'prisma', methods: ['raw'], sqlArgument: 0, applies: 'import-or-receiver', receiver: /^Prisma$/, evidence: 'built', layout: 'none' },
  { id: 'drizzle.raw', driver: 'drizzle', methods: ['raw'], sqlArgument: 0, applies: 'import-or-receiver', receiver: /^sql$/i, evidence: 'built', layout: 'none' },
  { id: 'mongodb.where', driver: 'mongodb', methods: ['$where'], sqlArgument: 0, applies: 'always', evidence: 'built', layout: 'none' },
  {
    id: 'generic.query', driver: 'unknown', sqlArgument: 0, applies: 'always', evidence: 'statement', layout: 'values-array', placeholder: 'dialect', bare: true,
    methods: ['query', 'execute', 'all', 'get', 'run', 'each', 'exec', 'prepare', 'one', 'any', 'none', 'many', 'oneOrNone', 'manyOrNone', 'unsafe', 'raw'],
  },
];

/** The method names of each table of rows read so far (rows are constant data): every analysed file asks for the same table. */
const methodNamesOf = new WeakMap<readonly SinkEntry[], readonly string[]>();

/** Every method name some row lists, for the text pre-filter. */
export function sinkMethodNames(entries: readonly SinkEntry[] = SINKS): readonly string[] {
  let names = methodNamesOf.get(entries);
  if (!names) {
    names = [...new Set(entries.flatMap((entry) => entry.methods))];
    methodNamesOf.set(entries, names);
  }
  return names;
}

/**
 * Methods whose name alone says little (`get`, `all`, `exec`): a call with a plain identifier as SQL argument
 * is examined only when the file imports a SQL driver or the receiver is named like a database handle.
 */
export const COMMON_METHOD_NAMES: ReadonlySet<string> = new Set(['get', 'all', 'run', 'each', 'exec', 'map', 'raw', 'where', 'having', 'stream', 'result', 'literal']);

/** Generic method names: on an object not known to be a database handle, the text must start like a SQL statement. */
export const GENERIC_QUERY_METHODS: ReadonlySet<string> = new Set([
  'query', 'execute', 'run', 'get', 'all', 'each', 'exec', 'prepare', 'one', 'any', 'none', 'many', 'oneOrNone', 'manyOrNone',
  'result', 'multi', 'multiResult', 'map', 'stream', 'batch',
]);

/** How a database handle is usually created or reached, seen in a receiver's initializer or call chain. */
export const DB_HANDLE_ORIGIN = /\b(?:createConnection|createPool|getConnection|getManager|createQueryRunner|connect|request|promise|transaction)\s*\(|\bnew\s+(?:\w+\.)*(?:Pool|Client|Sequelize|Database|ConnectionPool|Request|PrismaClient)\b|\b(?:pgp|knex|postgres|mysql|sqlite)\s*\(/;

export const DB_HANDLE_NAME = /(^|_)(db|database|conn|connection|con|client|pool|sqlite|stmt|statement|knex|trx|tx|sequelize|manager|queryRunner|dataSource|repo|repository)$/i;

export interface CallShape {
  method: string;
  /** Last name segment of the receiver: `db` for `this.db.query`, `''` for calls like `pool.request().query`. */
  receiver: string;
  /** Source text of the whole callee before the method. */
  chain: string;
  bare: boolean;
}

export interface SinkMatch {
  entry: SinkEntry;
  /** Every row of an imported driver that claims the call (`entry` first); more than one makes a rewrite a guess unless they agree. */
  claims: readonly SinkEntry[];
}

/** The table row a call matches, preferring a driver the file imports over the generic row. */
export function matchSink(call: CallShape, importedDrivers: ReadonlySet<DriverId>, entries: readonly SinkEntry[] = SINKS): SinkMatch | undefined {
  const matches = entries.filter((entry) => {
    if (!entry.methods.includes(call.method)) return false;
    if (call.bare && !entry.bare) return false;
    if (call.bare && entry.applies !== 'always' && !importedDrivers.has(entry.driver)) return false;
    switch (entry.applies) {
      case 'always': return true;
      case 'import': return importedDrivers.has(entry.driver);
      case 'import-or-receiver':
        return importedDrivers.has(entry.driver) || (entry.receiver?.test(call.receiver) ?? false) || (entry.chain?.test(call.chain) ?? false);
    }
  });
  const specific = matches.filter((m) => m.driver !== 'unknown');
  if (specific.length > 0) return { entry: specific[0], claims: specific };
  return matches[0] ? { entry: matches[0], claims: [matches[0]] } : undefined;
}
