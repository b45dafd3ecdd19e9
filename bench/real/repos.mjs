// The benchmark's repositories: the manifest, where their mirrors are, and extraction of the pinned commits.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = path.resolve(HERE, '..', '..');

/** Files the CLI reads: sources of every language the engine knows, and package manifests (npm, and Python's requirement files). */
const SOURCE_FILE = /(\.(c|m)?(j|t)sx?|\.py|\.php|\.java|\.rb|\/package\.json|^package\.json)$|(?:^|\/)(?:requirements[\w.-]*\.(?:txt|in)|pyproject\.toml|Pipfile|setup\.cfg)$/;

export function loadManifest() {
  return JSON.parse(fs.readFileSync(path.join(HERE, 'manifest.json'), 'utf8')).repos;
}

export function slug(name) {
  return name.replace('/', '+');
}

/** Where bare mirrors live: `$BENCH_REAL_MIRRORS/<owner>+<name>/repo` (default: ../.mirror beside the checkout). */
export function mirrorsRoot() {
  return path.resolve(process.env.BENCH_REAL_MIRRORS ?? path.join(PROJECT_ROOT, '..', '.mirror'));
}

/** Where pinned commits are extracted (outside the repository: third-party code is never committed). */
export function workRoot() {
  return path.resolve(process.env.BENCH_REAL_WORK ?? path.join(os.tmpdir(), 'backend-guide-real'));
}

export function mirrorOf(repo) {
  return path.join(mirrorsRoot(), slug(repo.name), 'repo');
}

function git(gitDir, args, input) {
  return execFileSync('git', [`--git-dir=${gitDir}`, ...args], { input, maxBuffer: 2 ** 31 });
}

/** True when the mirror holds the pinned commit. */
export function hasCommit(repo) {
  const dir = mirrorOf(repo);
  if (!fs.existsSync(dir)) return false;
  return spawnSync('git', [`--git-dir=${dir}`, 'cat-file', '-e', `${repo.commit}^{commit}`]).status === 0;
}

/**
 * Writes the pinned commit's source files into the work folder, once. Blobs a mirror lacks (snapshots drop
 * files of 4 MiB and more) are skipped and counted, never a reason to fail.
 */
export function extract(repo) {
  const target = path.join(workRoot(), `${slug(repo.name)}@${repo.commit.slice(0, 12)}`);
  const done = path.join(target, '.bench-extracted.json');
  if (fs.existsSync(done)) return { dir: target, ...JSON.parse(fs.readFileSync(done, 'utf8')) };
  fs.rmSync(target, { recursive: true, force: true });
  const dir = mirrorOf(repo);
  const listing = git(dir, ['ls-tree', '-r', '-z', repo.commit]).toString('utf8').split('\0').filter(Boolean);
  const blobs = [];
  for (const entry of listing) {
    const [meta, file] = [entry.slice(0, entry.indexOf('\t')), entry.slice(entry.indexOf('\t') + 1)];
    const [mode, type, sha] = meta.split(' ');
    if (type === 'blob' && mode !== '120000' && SOURCE_FILE.test(file)) blobs.push({ sha, file });
  }
  // One `cat-file --batch` for all blobs: "<sha> blob <size>\n<bytes>\n", or "<sha> missing\n".
  const batch = git(dir, ['cat-file', '--batch'], blobs.map((b) => b.sha).join('\n') + '\n');
  let at = 0;
  let written = 0;
  let missing = 0;
  for (const blob of blobs) {
    const eol = batch.indexOf(10, at);
    const header = batch.subarray(at, eol).toString('utf8').split(' ');
    at = eol + 1;
    if (header[1] !== 'blob') { missing++; continue; }
    const size = Number(header[2]);
    const out = path.join(target, blob.file);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, batch.subarray(at, at + size));
    at += size + 1;
    written++;
  }
  const info = { written, missing };
  fs.mkdirSync(target, { recursive: true });
  fs.writeFileSync(done, JSON.stringify(info));
  return { dir: target, ...info };
}
