import type { ProjectFacts } from '../../project';
import { driverOfModule, type ImportFacts } from './imports';
import { DRIVER_MODULES, type DriverId } from './sinks';

/**
 * Which SQL driver a query goes to, for the placeholders of the quick fix: most projects create the pool in
 * one module (`db.js`) and query it from others, so the file with the query often imports no driver. The
 * first source that names a driver decides, from the closest evidence to the broadest:
 * 1. the project module the call's database handle is imported from (`const { pool } = require('../db')`),
 *    or the modules behind it (`db/index.js` re-exporting `db/pool.js`);
 * 2. the file's own imports;
 * 3. when the handle is not imported (a parameter, `this.db`), the project modules the file imports;
 * 4. the dependencies of the nearest package.json.
 * A source naming several drivers is no answer, and neither is nothing: then `sql.driver` in
 * `.backendguide.yaml` decides, or no fix is offered.
 */

/** How many imports deep the modules behind a handle are followed (`routes → db/index → db/pool`). */
const MAX_MODULE_DEPTH = 3;

/** Which drivers may answer: those whose placeholders a query method takes, or any that speaks SQL. */
export type DriverFilter = (driver: DriverId) => boolean;

/** Any SQL driver, query builder or ORM: a handle from a project with knex and pg may be either. */
export const ANY_SQL_DRIVER: DriverFilter = (driver) => driver !== 'mongodb' && driver !== 'unknown';

function configuredDriver(configured: string | undefined): DriverId | undefined {
  if (configured === undefined) return undefined;
  // the driver id (`pg`, `mysql`) or its npm module (`mysql2`, `better-sqlite3`)
  return Object.hasOwn(DRIVER_MODULES, configured) ? configured as DriverId : driverOfModule(configured);
}

/** The SQL drivers of one analysed file's project; what a module leads to is looked up once per project snapshot. */
export class ProjectDrivers {
  private readonly behindModule: Map<string, readonly DriverId[]>;
  private packageDrivers: readonly DriverId[] | undefined;

  constructor(
    private readonly fileName: string,
    private readonly project: ProjectFacts | undefined,
    private readonly imports: ImportFacts,
    private readonly configured: string | undefined,
  ) {
    // depends on the snapshot alone, not on the analysed file: shared by every file and keystroke until it changes
    this.behindModule = project?.memo('sql-drivers-behind-module', () => new Map<string, readonly DriverId[]>()) ?? new Map();
  }

  /**
   * The one driver a call on `handle` (the first name of the receiver, `pool` in `pool.query`; the function
   * for a bare call) goes to, among those `accept` lets answer; `ownFile` filters the file's own imports.
   */
  driverFor(handle: string | undefined, accept: DriverFilter, ownFile: DriverFilter): DriverId | undefined {
    const handleModule = handle === undefined ? undefined : this.imports.moduleOf(handle);
    const sources: (() => Iterable<DriverId>)[] = [
      () => (handleModule === undefined ? [] : this.driversBehind(this.projectFile(handleModule))),
      () => [...this.imports.drivers].filter(ownFile),
      // a handle imported from a package (not a project file) says nothing about the file's other imports
      () => (handleModule === undefined ? this.importedModuleDrivers() : []),
      () => this.dependencyDrivers(),
    ];
    const configured = configuredDriver(this.configured);
    const settled = configured !== undefined && accept(configured) ? configured : undefined;
    for (const source of sources) {
      const named = new Set([...source()].filter(accept));
      if (named.size > 0) return named.size === 1 ? named.values().next().value : settled;
    }
    return settled;
  }

  /**
   * Every driver the answers rest on, as text, for the editor's per-statement memory: when another file or
   * package.json changes what a module imports, remembered fixes must be made again.
   */
  evidenceKey(): string {
    if (!this.project) return '';
    const modules = this.imports.moduleNames().map((name) => `${name}=${this.driversBehind(this.projectFile(name)).join(',')}`);
    return `${modules.join(';')}|${this.dependencyDrivers().join(',')}`;
  }

  private importedModuleDrivers(): DriverId[] {
    return this.imports.moduleNames().flatMap((name) => this.driversBehind(this.projectFile(name)));
  }

  private projectFile(moduleName: string): string | undefined {
    return this.project?.resolveImport(this.fileName, moduleName);
  }

  /** The drivers the nearest modules behind `file` import: `file`'s own, else those of the modules it imports, level by level. */
  private driversBehind(file: string | undefined): readonly DriverId[] {
    if (!file || !this.project) return [];
    const known = this.behindModule.get(file);
    if (known) return known;
    const { files } = this.project;
    const seen = new Set([file]);
    let level = [file];
    let found: DriverId[] = [];
    for (let depth = 0; depth < MAX_MODULE_DEPTH && level.length > 0 && found.length === 0; depth++) {
      found = [...new Set(level.flatMap((f) => files.get(f)?.sqlDrivers ?? []))];
      const next: string[] = [];
      for (const from of level) {
        const facts = files.get(from);
        for (const source of [...(facts?.imports ?? []).map((i) => i.source), ...(facts?.reexportAll ?? [])]) {
          const resolved = this.project.resolveImport(from, source);
          if (resolved && !seen.has(resolved)) { seen.add(resolved); next.push(resolved); }
        }
      }
      level = next;
    }
    this.behindModule.set(file, found);
    return found;
  }

  private dependencyDrivers(): readonly DriverId[] {
    if (this.packageDrivers) return this.packageDrivers;
    const dependencies = this.project?.packageFor(this.fileName)?.dependencies ?? [];
    this.packageDrivers = [...new Set([...dependencies].map(driverOfModule).filter((d): d is DriverId => d !== undefined))].sort();
    return this.packageDrivers;
  }
}
