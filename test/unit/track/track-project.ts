import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findStep, loadTrack, solutionFiles, writeFiles, type TrackStep } from '../../../src/track';

export const REPO = path.resolve(__dirname, '..', '..', '..', '..');
export const STEPS = loadTrack(path.join(REPO, 'walkthroughs', 'track'));

export function step(id: string): TrackStep {
  const found = findStep(STEPS, id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

/** A text edit of one file of a model solution: `find` must occur in it. */
export interface SolutionEdit {
  file: string;
  find: string | RegExp;
  replace: string;
}

/**
 * A temporary project holding a step's model solution with `edits` applied, its node_modules linked to the
 * repository's (which holds the packages the solutions use), so nothing is installed.
 */
export function projectOf(stepId: string, edits: readonly SolutionEdit[] = []): string {
  const files = solutionFiles(STEPS, step(stepId));
  for (const edit of edits) {
    const text = files.get(edit.file);
    if (text === undefined) throw new Error(`the solution of ${stepId} has no ${edit.file}`);
    const changed = text.replace(edit.find, edit.replace);
    if (changed === text) throw new Error(`${String(edit.find)} not found in ${edit.file}`);
    files.set(edit.file, changed);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bg-track-${stepId}-`));
  writeFiles(dir, files, true);
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}
