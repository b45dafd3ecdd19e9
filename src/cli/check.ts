import fs = require('fs');
import path = require('path');
import { findStep, killAllChildren, loadTrack, runStep, stepReportText, type TrackStep } from '../track';
import type { CheckArgs } from './args';
import type { CliIo } from './main';

/** walkthroughs/track beside the CLI (dist/cli.js is one folder below it; the compiled tests a few more). */
function findTrackFolder(): string | undefined {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'walkthroughs', 'track');
    if (fs.existsSync(path.join(candidate, 'track.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function listSteps(steps: readonly TrackStep[]): string {
  return `${steps.map((s) => `${String(s.number).padStart(2)}  ${s.id.padEnd(16)} ${s.title}`).join('\n')}\n\nbackend-guide check STEP [DIR] runs a step's checks on the project in DIR.\n`;
}

/** `backend-guide check`: 0 when every check of the step passed, 1 when one failed, 2 for bad usage. */
export async function checkCommand(args: CheckArgs, io: CliIo): Promise<number> {
  const folder = findTrackFolder();
  if (!folder) {
    io.stderr('backend-guide: the project track (walkthroughs/track) is not installed beside the CLI\n');
    return 2;
  }
  const steps = loadTrack(folder);
  if (args.step === undefined) {
    io.stdout(listSteps(steps));
    return 0;
  }
  const step = findStep(steps, args.step);
  if (!step) {
    io.stderr(`backend-guide: no step '${args.step}'; the steps are ${steps.map((s) => s.id).join(', ')}\n`);
    return 2;
  }
  const dir = path.resolve(io.cwd, args.dir);
  if (!fs.existsSync(path.join(dir, 'package.json')) && step.number > 1) {
    io.stderr(`backend-guide: ${args.dir} has no package.json: pass the folder of the project to check\n`);
    return 2;
  }
  // the learner's app runs in a process group of its own, which Ctrl+C in the terminal does not reach
  const interrupted = (signal: NodeJS.Signals) => {
    killAllChildren();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const report = await runStep(step, dir, { node: process.execPath });
    io.stdout(args.json ? `${JSON.stringify(report, null, 2)}\n` : `Step ${step.number}: ${step.title}\n\n${stepReportText(report)}`);
    return report.passed ? 0 : 1;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}
