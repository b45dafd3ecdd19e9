import path = require('path');
import { pathToFileURL } from 'url';
import type * as Sarif from 'sarif';
import { lessonAsText } from '../../engine/lesson';
import type { Rule } from '../../engine/rule';
import { describeSyntaxError } from '../../engine/syntax-errors';
import type { Finding, Position, Range, Severity } from '../../engine/types';
import type { FileReport } from '../scan';
import { ruleGaps } from './summary';
import { relativePath } from '../relative-path';

const LEVEL: Readonly<Record<Severity, Sarif.Result.level>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function region(range: Range): Sarif.Region {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/**
 * Each path segment percent-encoded on its own: `encodeURI` keeps `#` and `?` (read as fragment and query)
 * and a first segment like `c:` or `http:` would make the reference absolute.
 */
function artifact(root: string, file: string): Sarif.ArtifactLocation {
  return { uri: relativePath(root, file).split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

/** A rule with its lesson (Markdown), when the guide could be read. */
export interface RuleWithLesson {
  rule: Rule;
  lesson?: string;
}

/**
 * The rule's lesson goes in `help`, which code scanning shows beside each result: the reader learns why
 * where they are, without a link to follow (the guide ships inside the extension, not on the web).
 */
function describeRule({ rule, lesson }: RuleWithLesson): Sarif.ReportingDescriptor {
  const refs = rule.meta.references.map((r) => `[${r.id}](${r.url})`).join(', ');
  const markdown = lesson ?? `${rule.meta.description}\n\nReferences: ${refs}.`;
  return {
    id: rule.meta.id,
    name: rule.meta.id.replace(/(^|-)([a-z])/g, (_m, _dash, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.meta.description },
    fullDescription: { text: rule.meta.description },
    help: { text: lessonAsText(markdown), markdown },
    defaultConfiguration: { level: LEVEL[rule.meta.defaultSeverity] },
    properties: { tags: ['security', ...rule.meta.references.map((r) => r.id)] },
  };
}

function result(root: string, report: FileReport, finding: Finding, ruleIndex: number): Sarif.Result {
  const sarifResult: Sarif.Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: artifact(root, report.file), region: region(finding.range) } }],
  };
  if (finding.related.length) {
    sarifResult.relatedLocations = finding.related.map((r, id) => ({
      id,
      message: { text: r.message },
      physicalLocation: { artifactLocation: artifact(root, r.fileName ?? report.file), region: region(r.range) },
    }));
  }
  if (finding.fixes.length) {
    sarifResult.fixes = finding.fixes.map((fix) => ({
      description: { text: fix.title },
      artifactChanges: [{ artifactLocation: artifact(root, report.file), replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })) }],
    }));
  }
  return sarifResult;
}

/** A notification for a file analysed only partly, pointing at its first syntax error. */
function partlyAnalysed(root: string, report: FileReport, at: Position): Sarif.Notification {
  return {
    level: 'warning',
    message: { text: `analysed partly: ${describeSyntaxError(at)}` },
    locations: [{ physicalLocation: { artifactLocation: artifact(root, report.file), region: { startLine: at.line + 1, startColumn: at.character + 1 } } }],
  };
}

/** A SARIF 2.1.0 log with one run; artifact URIs are relative to the scan root (`SRCROOT`). */
export function formatSarif(reports: readonly FileReport[], rules: readonly RuleWithLesson[], root: string, toolVersion: string): string {
  const ruleIndex = new Map(rules.map((r, i) => [r.rule.meta.id, i]));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Backend Guide', semanticVersion: toolVersion, version: toolVersion, rules: rules.map(describeRule) } },
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(root + path.sep).href } },
      results: reports.flatMap((report) => report.findings.map((f) => result(root, report, f, ruleIndex.get(f.ruleId) ?? -1))),
      invocations: [{
        executionSuccessful: !reports.some((r) => r.failed?.length),
        toolExecutionNotifications: [...reports.filter((r) => r.skipped).map((r) => ({
          level: 'note' as const,
          message: { text: `skipped: ${r.skipped}` },
          locations: [{ physicalLocation: { artifactLocation: artifact(root, r.file) } }],
        })), ...reports.flatMap((r) => (r.syntaxError ? [partlyAnalysed(root, r, r.syntaxError)] : [])),
        ...reports.flatMap((r) => ruleGaps(r).map((gap) => ({
          level: gap.level,
          message: { text: `analysed partly: ${gap.text}` },
          locations: [{ physicalLocation: { artifactLocation: artifact(root, r.file) } }],
        })))],
      }],
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
