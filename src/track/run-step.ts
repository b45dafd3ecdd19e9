import crypto = require('crypto');
import fs = require('fs');
import os = require('os');
import path = require('path');
import { entryOf, startApp, type RunningApp } from './app-process';
import { runFileCheck } from './file-checks';
import { runScenario, type ScenarioHost } from './http-scenario';
import { runNodeTests } from './node-tests';
import { gradeRules, type GradedFinding } from './rule-grading';
import type { Grammars } from '../engine/parser';
import type { CheckResult, HttpCheck, StepReport, TrackCheck, TrackStep } from './types';

export interface RunOptions {
  /** The Node executable that runs the learner's code. */
  node: string;
  /** The grammars the rules parse with (the extension's own); the process-wide ones by default. */
  grammars?: Grammars;
}

/** The environment the learner's app and tests get: their own database file and a secret for signing tokens. */
function appEnvironment(scratch: string): Record<string, string> {
  return {
    DATABASE_FILE: path.join(scratch, 'app.db'),
    JWT_SECRET: crypto.randomBytes(32).toString('hex'),
    NODE_ENV: 'development',
  };
}

const passed = (check: TrackCheck): CheckResult => ({ id: check.id, title: check.title, status: 'passed', lesson: check.lesson });

function failed(check: TrackCheck, request: string, got: string, expected: string): CheckResult {
  return { id: check.id, title: check.title, status: 'failed', request, got, expected, hint: check.hint, lesson: check.lesson };
}

/** The app of a step's HTTP checks: started on first use, restarted on demand and after a crash, always stopped at the end. */
class AppSession {
  private app: RunningApp | undefined;

  constructor(private readonly projectDir: string, private readonly env: Record<string, string>, private readonly options: RunOptions) {}

  get entry(): string {
    return entryOf(this.projectDir);
  }

  /** The running app, started if needed; a string says why it could not start. */
  async ensure(): Promise<RunningApp | string> {
    if (this.app && !this.app.exited) return this.app;
    await this.stop();
    const outcome = await startApp({ cwd: this.projectDir, entry: this.entry, node: this.options.node, env: this.env });
    if (outcome.kind === 'failed') return outcome.reason;
    this.app = outcome.app;
    return this.app;
  }

  async stop(): Promise<void> {
    const app = this.app;
    this.app = undefined;
    await app?.stop();
  }
}

async function runHttpCheck(check: HttpCheck, session: AppSession, databaseFile: string): Promise<CheckResult> {
  const started = await session.ensure();
  if (typeof started === 'string') return failed(check, `starting the app (node ${session.entry})`, started, `the app to listen on the port in process.env.PORT`);
  let app = started;
  const host: ScenarioHost = {
    baseUrl: () => app.baseUrl,
    databaseFile,
    restart: async () => {
      await session.stop();
      const again = await session.ensure();
      if (typeof again === 'string') return again;
      app = again;
      return undefined;
    },
  };
  const vars = new Map([['run', crypto.randomBytes(4).toString('hex')], ['password', `Pw-${crypto.randomBytes(9).toString('base64url')}`]]);
  const failure = await runScenario(check.steps, host, vars);
  if (!failure) return passed(check);
  // a request that found no server: the app crashed, and its last output says why
  const got = app.exited ? `${failure.got}\nThe app exited; its output ended with:\n${app.outputTail().trim()}` : failure.got;
  return failed(check, failure.request, got, failure.expected);
}

function describeFinding(found: GradedFinding): string {
  const where = `${found.file}:${found.finding.range.start.line + 1}`;
  const silenced = found.silenced ? ' (a backend-guide-disable or backend-guide-public comment hides it in the editor, but a hidden finding is not a fixed one)' : '';
  return `${where} ${found.finding.ruleId}: ${found.finding.message}${silenced}`;
}

/**
 * Runs every check of a step against the learner's project and says which passed. The step passes only when
 * all do. Never leaves the learner's app running, whatever happens.
 */
export async function runStep(step: TrackStep, projectDir: string, options: RunOptions): Promise<StepReport> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-guide-check-'));
  const env = appEnvironment(scratch);
  const session = new AppSession(projectDir, env, options);
  const results: CheckResult[] = [];
  let graded: GradedFinding[] | undefined;
  try {
    for (const check of step.checks) {
      switch (check.kind) {
        case 'http':
          results.push(await runHttpCheck(check, session, env.DATABASE_FILE));
          break;
        case 'rules': {
          graded ??= await gradeRules(projectDir, step.checks.flatMap((c) => (c.kind === 'rules' ? c.rules : [])), options.grammars);
          const mine = graded.filter((f) => check.rules.includes(f.finding.ruleId));
          results.push(mine.length ? failed(check, `backend-guide rules ${check.rules.join(', ')} (suppressions ignored)`, mine.map(describeFinding).join('\n'), 'no finding') : passed(check));
          break;
        }
        case 'file': {
          const failure = runFileCheck(projectDir, check);
          results.push(failure ? failed(check, failure.request, failure.got, failure.expected) : passed(check));
          break;
        }
        case 'node-tests': {
          await session.stop();
          const run = await runNodeTests(projectDir, options.node, env);
          const ok = !run.error && run.failed === 0 && run.passed >= check.minPassing;
          results.push(ok ? passed(check) : failed(check, 'node --test', run.error ?? `${run.passed} passed, ${run.failed} failed\n${run.tail}`, `at least ${check.minPassing} passing tests and none failing`));
          break;
        }
      }
    }
  } finally {
    await session.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return { step: step.id, title: step.title, passed: results.every((r) => r.status === 'passed'), checks: results };
}
