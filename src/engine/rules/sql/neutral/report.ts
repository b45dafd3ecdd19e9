import type { BuildKind } from '../../../model/sql';
import type { SqlFrontEnd } from '../../../languages/front-ends';
import type { RelatedSpec, ReportDescriptor, RuleContext } from '../../../rule';
import { shorten } from '../message-parts';
import { sqlOptions } from '../options';
import { judgeModel, type SqlVerdict } from './judge';

/** How each way of building a string reads in a message, unless the language names it its own way. */
const BUILD_NAMES: Readonly<Record<BuildKind, string>> = {
  concatenation: 'string concatenation',
  interpolation: 'string interpolation',
  format: 'a format call',
  'percent-format': '`%` formatting',
  join: '`join`',
  append: 'appending',
};
const BUILD_ORDER: readonly BuildKind[] = ['interpolation', 'concatenation', 'percent-format', 'format', 'append', 'join'];

export function describeBuilds(built: readonly BuildKind[], names: Readonly<Partial<Record<BuildKind, string>>> = {}): string {
  const ordered = BUILD_ORDER.filter((kind) => built.includes(kind)).slice(0, 2);
  return ordered.length > 0 ? ordered.map((kind) => names[kind] ?? BUILD_NAMES[kind]).join(' and ') : 'string building';
}

/**
 * The report of one verdict with the rule's message ids (`concatenated`, `identifier`): the SQL text is
 * underlined where the call holds it; text assembled earlier (an assignment before the call) underlines
 * the call and points at the assembly as a related location.
 */
export function sqlReport(verdict: SqlVerdict, names?: Readonly<Partial<Record<BuildKind, string>>>): ReportDescriptor {
  const { sink, flagged } = verdict;
  const inCall = sink.sql.startOffset >= sink.startOffset && sink.sql.endOffset <= sink.endOffset;
  const related: RelatedSpec[] = inCall ? [] : [{ message: 'The SQL text is assembled here.', startOffset: sink.sql.startOffset, endOffset: sink.sql.endOffset }];
  return {
    startOffset: inCall ? sink.sql.startOffset : sink.startOffset,
    endOffset: inCall ? sink.sql.endOffset : sink.endOffset,
    messageId: verdict.identifiersOnly ? 'identifier' : 'concatenated',
    data: { how: describeBuilds(sink.sql.built, names), value: shorten(flagged[0].source), sink: sink.api },
    related,
  };
}

/** Runs a language's front end on the file, judges its model, and reports each verdict with its fix. */
export function reportFromFrontEnd(context: RuleContext, frontEnd: SqlFrontEnd): void {
  const run = frontEnd.sqlModel(context);
  if (run.model.cutShort) context.ranOutOfTime?.(run.model.cutShort);
  for (const verdict of judgeModel(run.model, { storedValues: sqlOptions(context.config).storedValues })) {
    const fix = verdict.sink.hasParameters ? undefined : run.fixFor(verdict.sink);
    context.report({ ...sqlReport(verdict, frontEnd.buildNames), fixes: fix ? [fix] : [] });
  }
}
