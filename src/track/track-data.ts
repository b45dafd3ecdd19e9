import fs = require('fs');
import path = require('path');
import type { TrackCheck, TrackStep } from './types';

/** The track's folder inside the extension (or the repository): walkthroughs/track. */
export function trackFolder(extensionRoot: string): string {
  return path.join(extensionRoot, 'walkthroughs', 'track');
}

interface TrackIndex {
  steps: Array<{ id: string; title: string }>;
}

/** The steps of the track in order, each with its checks, read from walkthroughs/track (track.json and <step>/checks.json). */
export function loadTrack(folder: string): TrackStep[] {
  const index = JSON.parse(fs.readFileSync(path.join(folder, 'track.json'), 'utf8')) as TrackIndex;
  return index.steps.map((entry, i) => {
    const stepFolder = path.join(folder, entry.id);
    const checks = JSON.parse(fs.readFileSync(path.join(stepFolder, 'checks.json'), 'utf8')) as { checks: TrackCheck[] };
    return { id: entry.id, number: i + 1, title: entry.title, folder: stepFolder, checks: checks.checks };
  });
}

/** A step by its id or its number (`4` or `database`). */
export function findStep(steps: readonly TrackStep[], idOrNumber: string): TrackStep | undefined {
  return steps.find((s) => s.id === idOrNumber || String(s.number) === idOrNumber);
}

/** Project-relative paths (with `/`) to file contents, of every file under `dir`. */
function filesUnder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (current: string) => {
    if (!fs.existsSync(current)) return;
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const abs = path.join(current, entry.name);
      if (entry.isDirectory()) visit(abs);
      else files.set(path.relative(dir, abs).split(path.sep).join('/'), fs.readFileSync(abs, 'utf8'));
    }
  };
  visit(dir);
  return files;
}

/** The files a step's model solution adds or changes (its solution/ folder). */
export function ownSolutionFiles(step: TrackStep): Map<string, string> {
  return filesUnder(path.join(step.folder, 'solution'));
}

/**
 * The model solution of a step as whole files. Each step's solution/ folder holds only what the step adds or
 * changes, so step N's project is the solutions of steps 1..N laid over each other.
 */
export function solutionFiles(steps: readonly TrackStep[], step: TrackStep): Map<string, string> {
  const files = new Map<string, string>();
  for (const s of steps.slice(0, step.number)) for (const [file, text] of ownSolutionFiles(s)) files.set(file, text);
  return files;
}

/** What a learner starts the step from: the previous step's solution, with the step's own starter files over it. */
export function starterFiles(steps: readonly TrackStep[], step: TrackStep): Map<string, string> {
  const previous = steps[step.number - 2];
  const files = previous ? solutionFiles(steps, previous) : new Map<string, string>();
  for (const [file, text] of filesUnder(path.join(step.folder, 'starter'))) files.set(file, text);
  return files;
}

/** Writes files under `root`, making folders as needed; files already there are left alone unless `overwrite`. Returns what was written. */
export function writeFiles(root: string, files: ReadonlyMap<string, string>, overwrite: boolean): string[] {
  const written: string[] = [];
  for (const [relative, text] of files) {
    const target = path.join(root, ...relative.split('/'));
    if (!overwrite && fs.existsSync(target)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    written.push(relative);
  }
  return written;
}
