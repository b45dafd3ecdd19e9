import type { BuildKind, SqlFileModel, SqlSinkCall } from '../model/sql';
import type { FixSpec, RuleContext } from '../rule';
import type { LanguageId } from '../types';
import { javaSql } from './java/sql';
import { phpSql } from './php/sql';
import { pythonSql } from './python/sql';
import { rubySql } from './ruby/sql';

/**
 * Per-language front ends of the language-neutral backend model (`src/engine/model/`). A language that is not
 * in the JavaScript family registers here; `sql-concatenation` reads its SQL model and judges it with the
 * shared judgement (`src/engine/rules/sql/neutral/`).
 */

/** What a front end found in one file: the model, and a quick fix per flagged sink when one is certain. */
export interface SqlFrontEndRun {
  readonly model: SqlFileModel;
  /** The "Use a parameterized query" rewrite of a flagged sink, or `undefined` when it is not certain. */
  fixFor(sink: SqlSinkCall): FixSpec | undefined;
}

export interface SqlFrontEnd {
  /**
   * A look at the text alone: `false` when no sink call can be in it, so the file need not be parsed.
   * `extraSinks`: the project's own functions configured as sinks (`sql.extraSinks`), which `sqlModel` reads too.
   */
  mayHaveSql(text: string, extraSinks: readonly string[]): boolean;
  /** The file's SQL model. Never throws; stops early (fewer sinks) when `context.timeLeftMs()` runs out. Reads `sql.extraSinks` from `context.config`. */
  sqlModel(context: RuleContext): SqlFrontEndRun;
  /** How the language's own ways of building strings read in a message (`an f-string`), where they differ. */
  readonly buildNames?: Readonly<Partial<Record<BuildKind, string>>>;
}

const SQL_FRONT_ENDS: Readonly<Partial<Record<LanguageId, SqlFrontEnd>>> = {
  python: pythonSql,
  php: phpSql,
  java: javaSql,
  ruby: rubySql,
};

/** The SQL front end of a language, or `undefined` (the JavaScript family has its own path). */
export function sqlFrontEndOf(languageId: LanguageId): SqlFrontEnd | undefined {
  return SQL_FRONT_ENDS[languageId];
}
