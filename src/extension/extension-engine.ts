/**
 * What the extension takes from the engine (the grammars, the project index, the rules, the route table, the
 * in-thread analysis and the project track's checks), bundled apart from the extension itself
 * (dist/extension-engine.js) and loaded on first use through the code cache (`engine()` in `engine-loader.ts`):
 * activation registers commands, views and providers, and needs none of it. Its first user is usually the workspace
 * index, which starts indexing once activation has returned.
 */
export { Grammars } from '../engine/parser';
export { ProjectIndex } from '../engine/project';
export { ruleById } from '../engine/registry';
export { projectRoutes } from '../engine/rules/auth/route-report';
export { AnalysisSession } from '../analysis-worker/session';
export { runStep } from '../track/run-step';
