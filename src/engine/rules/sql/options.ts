import { optionsSection, stringList, type EngineConfig } from '../../config';

/**
 * The `sql` section of `.backendguide.yaml`, read in one place:
 *
 * ```yaml
 * sql:
 *   driver: pg             # placeholder style of the fix when the project names no driver, or several
 *   extraSinks: [runSql]   # your own functions that send their first argument to the database
 *   includeTests: true     # also check tests, fixtures, migrations, seeds and maintenance scripts
 *   storedValues: true     # also flag values read back from the database or from configuration
 * ```
 */
export interface SqlOptions {
  readonly driver?: string;
  readonly extraSinks: readonly string[];
  readonly includeTests: boolean;
  readonly storedValues: boolean;
}

export function sqlOptions(config: EngineConfig): SqlOptions {
  const section = optionsSection(config, 'sql');
  return {
    driver: typeof section.driver === 'string' ? section.driver : undefined,
    extraSinks: stringList(section, 'extraSinks').filter((name) => /^[A-Za-z_$][\w$]*$/.test(name)),
    includeTests: section.includeTests === true,
    storedValues: section.storedValues === true,
  };
}
