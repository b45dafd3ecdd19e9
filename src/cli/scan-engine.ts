import type * as Check from './check';

/**
 * What the CLI's commands take from the engine, bundled apart from the commands themselves (dist/scan-engine.js)
 * and loaded on first use (see `engine` in `main.ts`): a rescan from `--cache` of an unchanged project, `--help` and
 * `--version` need none of it, and loading it is most of what such a run would otherwise cost. The scan threads
 * load the same bundle (`scan-thread.ts`), so one code cache serves them and the main thread.
 */
export { scanProject } from './parallel-scan';
export { serveScanRequests } from './scan-worker';
export { projectOfFacts } from './project';
export { projectRoutes } from '../engine/rules/auth/route-report';
export { allRules, ruleById } from '../engine/registry';
export { lessonOf } from './lessons';
export { formatSarif } from './formats/sarif';

/**
 * The `check` command. Its modules (child processes, sockets, the learning track) are loaded when it runs: the
 * scan threads load this bundle too, and would otherwise load them for nothing.
 */
export function checkCommand(...args: Parameters<typeof Check.checkCommand>): ReturnType<typeof Check.checkCommand> {
  return (require('./check') as typeof Check).checkCommand(...args);
}
