/**
 * The project track "Build a secure REST API from an empty folder": each step's checks, as the data in
 * walkthroughs/track/<step>/checks.json states them, and what running them found. No `vscode` import: the
 * CLI (`backend-guide check`), the extension and the unit tests share this core.
 */

/** What a response must look like. Every field is optional; each one given is checked. */
export interface ResponseExpectation {
  /** Accepted status codes. */
  status?: number[];
  /** The response is JSON (its content-type says application/json and the body parses). */
  json?: boolean;
  /** The JSON body is an array (of at most / exactly so many items when given). */
  array?: boolean;
  maxItems?: number;
  items?: number;
  /** Top-level fields of the JSON body and their `typeof` ("number", "string", "object", "array"). */
  fields?: Record<string, string>;
  /** Top-level fields that must hold exactly these values (after templates are filled). */
  equals?: Record<string, unknown>;
  /** Header name (lower case) to a pattern its value must match; `false`: the header must be absent. */
  headers?: Record<string, string | false>;
  /** Texts (templates allowed) the body must not contain: a password, a stack frame, another user's row. */
  bodyLacks?: string[];
}

/** One request of a scenario, or an action between requests. */
export interface ScenarioStep {
  method?: string;
  /** Path with `{{name}}` templates, e.g. `/notes/{{noteId}}`. */
  path?: string;
  headers?: Record<string, string>;
  /** Who sends it, for messages: "Ben, who does not own the note", "a forged alg:none token". */
  as?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is, with `contentType` (a malformed JSON body, for example). */
  rawBody?: string;
  contentType?: string;
  /** Sends a valid JSON note whose body text makes the request this many bytes long (a size limit's test). */
  oversizedBody?: number;
  expect?: ResponseExpectation;
  /** Variables to keep from the JSON body: name to a dotted path (`id`, `data.0.id`). */
  save?: Record<string, string>;
  /** Stop the app and start it again on the same database file (persistence, migrations run twice). */
  restart?: boolean;
  /** The database file must not contain this text (a template): a password stored as it was sent. */
  databaseLacks?: string;
}

interface CheckBase {
  id: string;
  /** What the check verifies, in one sentence. */
  title: string;
  /** What to do when it fails. */
  hint: string;
  /** Guide anchor (`chapter#section`) of the lesson that explains it. */
  lesson: string;
}

/** Starts the learner's app and sends the scenario's requests in order. */
export interface HttpCheck extends CheckBase {
  kind: 'http';
  steps: ScenarioStep[];
}

/** No finding of these rules anywhere in the project, with every suppression comment ignored. */
export interface RulesCheck extends CheckBase {
  kind: 'rules';
  rules: string[];
}

/** A pattern one of the project's files must (or must not) contain. */
export interface FilePattern {
  pattern: string;
  /** Regular expression flags; `m` by default. */
  flags?: string;
  /** Said when the pattern is (for `mustMatch`: is not) found. */
  message: string;
}

/** Files of the project: how many match a glob, and what one file must or must not contain. */
export interface FileCheck extends CheckBase {
  kind: 'file';
  /** Project-relative path, or a folder and a file-name pattern (`migrations/*.sql`). */
  path: string;
  minCount?: number;
  mustMatch?: FilePattern[];
  mustNotMatch?: FilePattern[];
}

/** The learner's own tests (`node --test`) pass, with at least so many tests. */
export interface NodeTestsCheck extends CheckBase {
  kind: 'node-tests';
  minPassing: number;
}

export type TrackCheck = HttpCheck | RulesCheck | FileCheck | NodeTestsCheck;

export interface TrackStep {
  id: string;
  /** 1-based position in the track. */
  number: number;
  title: string;
  /** Folder holding step.md, checks.json, solution/ and starter/. */
  folder: string;
  checks: TrackCheck[];
}

export type CheckStatus = 'passed' | 'failed';

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  /** For a failure: what was sent (`POST /notes`) or looked at (a file). */
  request?: string;
  /** For a failure: what came back or was found. */
  got?: string;
  /** For a failure: what was expected. */
  expected?: string;
  hint?: string;
  lesson: string;
}

export interface StepReport {
  step: string;
  title: string;
  passed: boolean;
  checks: CheckResult[];
}
