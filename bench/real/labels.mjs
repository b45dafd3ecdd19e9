// Our triage of the benchmark's findings and the known real problems, and how findings are matched to them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HERE, slug } from './repos.mjs';

export const VERDICTS = ['tp', 'fp', 'debatable'];

/** `bench/real/labels/<owner>+<name>.json`: `{ repo, commit, findings: [...], known: [...] }`. */
export function labelFile(repo) {
  return path.join(HERE, 'labels', `${slug(repo.name)}.json`);
}

export function loadLabels(repo) {
  const file = labelFile(repo);
  const empty = { repo: repo.name, commit: repo.commit, findings: [], known: [] };
  if (!fs.existsSync(file)) return empty;
  const data = { ...empty, ...JSON.parse(fs.readFileSync(file, 'utf8')) };
  if (data.commit !== repo.commit) throw new Error(`${file} labels commit ${data.commit}, the manifest pins ${repo.commit}`);
  for (const f of data.findings) {
    if (!VERDICTS.includes(f.verdict)) throw new Error(`${file}: ${f.path}:${f.line} has verdict '${f.verdict}'`);
    if (!f.reason || !f.shape) throw new Error(`${file}: ${f.path}:${f.line} needs a shape and a reason`);
  }
  return data;
}

const key = (rule, file, line) => `${rule}\u0000${file}\u0000${line}`;

/**
 * Matches a run's findings to the labels. A finding is labelled when an entry has its rule, path and line; a
 * known problem is found when a finding of its rule and path starts on one of its lines (`line`..`endLine`).
 */
export function score(labels, findings) {
  const verdicts = new Map(labels.findings.map((f) => [key(f.rule, f.path, f.line), f]));
  const labelled = findings.map((f) => ({ ...f, label: verdicts.get(key(f.rule, f.path, f.line)) }));
  const known = [...labels.known];
  for (const f of labels.findings) {
    if (f.verdict === 'tp' && !known.some((k) => k.rule === f.rule && k.path === f.path && f.line >= k.line && f.line <= (k.endLine ?? k.line))) {
      known.push({ rule: f.rule, path: f.path, line: f.line, reason: f.reason });
    }
  }
  // A finding about an app (the note that it checks no route) names its open routes as related locations.
  const at = (k, p, l) => p === k.path && l >= k.line && l <= (k.endLine ?? k.line);
  const knownFound = known.map((k) => ({
    ...k,
    found: findings.some((f) => f.rule === k.rule && (at(k, f.path, f.line) || (f.related ?? []).some((r) => at(k, r.path, r.line)))),
  }));
  return { labelled, known: knownFound };
}
