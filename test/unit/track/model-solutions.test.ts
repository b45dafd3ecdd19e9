import * as assert from 'assert';
import * as fs from 'fs';
import { runStep, stepReportText } from '../../../src/track';
import { projectOf, STEPS } from './track-project';

describe('project track: every model solution passes its own step', function () {
  // the tests step runs the learner's whole test file in a child Node: a cap, not a measure
  this.timeout(180_000);

  for (const trackStep of STEPS) {
    it(`${trackStep.number}. ${trackStep.id}: all checks pass`, async () => {
      const dir = projectOf(trackStep.id);
      try {
        const report = await runStep(trackStep, dir, { node: process.execPath });
        assert.ok(report.passed, stepReportText(report));
        assert.ok(report.checks.length >= 2, 'a step has at least two checks');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
