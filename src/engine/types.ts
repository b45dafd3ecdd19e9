/** Public data types of the analysis engine. Nothing here may depend on `vscode`. */
import type { ReplayableQuery } from './replay/query';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
/** A configured severity: a severity, or `off` to disable the rule. */
export type SeverityOrOff = Severity | 'off';

/** A 0-based line/character position; characters count UTF-16 code units, as VS Code does. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * A `Range` as four numbers, as project facts keep ranges: facts hold one for every route registration and every
 * cross-file call of a project, and a `Range` is three objects (in V8 120 bytes, against 80 for a list of four small
 * numbers) and 60 to 80 characters of JSON between threads and in the cache (against about 15). `rangeOfLines`
 * (text.ts) gives the `Range` back.
 */
export type LineRange = readonly [startLine: number, startCharacter: number, endLine: number, endCharacter: number];

/** A replacement of `range` (offsets `startOffset`..`endOffset` of the original text) by `newText`. */
export interface TextEdit {
  range: Range;
  startOffset: number;
  endOffset: number;
  newText: string;
}

export interface Fix {
  /** What the fix does, shown as the code action title. */
  title: string;
  edits: TextEdit[];
  /** True when the fix is the one an editor may apply on its own ("preferred" code action). */
  preferred?: boolean;
}

export interface RelatedLocation {
  message: string;
  range: Range;
  /** Absent when the location is in the same file. */
  fileName?: string;
}

export interface Finding {
  ruleId: string;
  messageId: string;
  message: string;
  severity: Severity;
  range: Range;
  /** Guide anchor, `<chapter>#<section>`, for example `security#sql-injection`. */
  guideAnchor: string;
  fixes: Fix[];
  related: RelatedLocation[];
  /** Commands an editor may offer beside the fixes, run only after the user confirms (for example installing a package). */
  commands?: FindingCommand[];
  /** An SQL finding's query as text, for replaying an attack on it in an in-process database (`src/engine/replay/`). */
  replay?: ReplayableQuery;
  /**
   * `false` when the finding's line starts inside a string, template literal or JSX text, so a comment above
   * it (a next-line suppression) would land in that text: an editor offers only the file-level one then.
   */
  lineCommentFits?: false;
}

/** A command offered with a finding. `installPackage` arguments: `[packageName, packageDir]`. */
export interface FindingCommand {
  title: string;
  command: 'installPackage';
  arguments: string[];
}

export type LanguageId = 'javascript' | 'javascriptreact' | 'typescript' | 'typescriptreact' | 'python' | 'php' | 'java' | 'ruby';

export interface CweOwaspRef {
  /** For example `CWE-89` or `OWASP A05:2025`. */
  id: string;
  url: string;
}

export interface RuleMeta {
  id: string;
  description: string;
  defaultSeverity: Severity;
  languages: readonly LanguageId[];
  references: readonly CweOwaspRef[];
  /** Message templates by message id; `{{name}}` placeholders are filled from report data. */
  messages: Readonly<Record<string, string>>;
  guideAnchor: string;
  /**
   * `file`: the rule reads only the analysed file, and the editor re-runs it on every (debounced) keystroke.
   * `project`: it also reads facts about other files (apps, routers, middleware order); the editor re-runs it
   * when typing pauses, as its result rarely changes with one keystroke and it costs more. The CLI runs both.
   */
  scope: RuleScope;
}

export type RuleScope = 'file' | 'project';
