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
 * Launch configuration files the CLI reads (Dockerfile, Procfile, `*.yml`, ... beside a package.json or at the root,
 * or in their `docker/`, `.github/workflows/` ... folders; see src/engine/project/module-launchers.ts): mirrored here
 * so that the benchmark sees what names a module as a real checkout does.
 */
const LAUNCH_CONFIG_NAME = /^(?:Dockerfile[\w.-]*|[\w.-]+\.Dockerfile|Procfile[\w.-]*|Makefile|[\w.-]+\.(?:json|jsonc|json5|ya?ml|toml|sh|bash|service|conf)|\.[\w.-]+rc)$/i;
const LAUNCH_CONFIG_FOLDERS = ['', 'docker', 'deploy', 'deployment', 'ops', 'infra', 'bin', 'scripts', '.github/workflows', '.circleci', 'k8s', 'helm', 'config'];
const MAX_LAUNCH_CONFIG_BYTES = 64 * 1024;

/** The launch configuration files of a listing (`[{ file, size }]`): in the root or a package.json's folder, or the usual folders below them. */
function launchConfigsOf(entries) {
  const packageDirs = new Set(['', ...entries.filter((e) => /(?:^|\/)package\.json$/.test(e.file)).map((e) => path.posix.dirname(e.file)).map((d) => (d === '.' ? '' : d))]);
  const places = new Set([...packageDirs].flatMap((dir) => LAUNCH_CONFIG_FOLDERS.map((sub) => path.posix.join(dir, sub)).map((d) => (d === '.' ? '' : d))));
  return entries.filter((e) => {
    const dir = path.posix.dirname(e.file);
    return e.size <= MAX_LAUNCH_CONFIG_BYTES && !/(?:^|\/)\.backendguide\.ya?ml$/.test(e.file) && LAUNCH_CONFIG_NAME.test(path.posix.basename(e.file)) && !SOURCE_FILE.test(e.file) && places.has(dir === '.' ? '' : dir);
  });
}

/** Writes blobs (`[{ sha, file }]`) of a mirror under `target`; returns how many were written and how many the mirror lacks. */
function writeBlobs(dir, target, blobs) {
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
  return { written, missing };
}

/** The blobs of the pinned commit, with their paths and sizes. */
function listing(repo) {
  const entries = git(mirrorOf(repo), ['ls-tree', '-r', '-l', '-z', repo.commit]).toString('utf8').split('\0').filter(Boolean);
  const blobs = [];
  for (const entry of entries) {
    const [meta, file] = [entry.slice(0, entry.indexOf('\t')), entry.slice(entry.indexOf('\t') + 1)];
    const [mode, type, sha, size] = meta.split(/\s+/);
    if (type === 'blob' && mode !== '120000') blobs.push({ sha, file, size: Number(size) });
  }
  return blobs;
}

/**
 * Adds the launch configuration files to a folder extracted before they were part of the extraction: only new
 * files are written, so runs reading the folder meanwhile see the same sources.
 */
function addLaunchConfigs(repo, target, info) {
  const done = path.join(target, '.bench-extracted.json');
  const { written } = writeBlobs(mirrorOf(repo), target, launchConfigsOf(listing(repo)));
  const updated = { ...info, launchConfigs: written };
  fs.writeFileSync(done, JSON.stringify(updated));
  return updated;
}

/**
 * Writes the pinned commit's source files into the work folder, once. Blobs a mirror lacks (snapshots drop
 * files of 4 MiB and more) are skipped and counted, never a reason to fail.
 */
export function extract(repo) {
  const target = path.join(workRoot(), `${slug(repo.name)}@${repo.commit.slice(0, 12)}`);
  const done = path.join(target, '.bench-extracted.json');
  if (fs.existsSync(done)) {
    const info = JSON.parse(fs.readFileSync(done, 'utf8'));
    return { dir: target, ...(info.launchConfigs === undefined ? addLaunchConfigs(repo, target, info) : info) };
  }
  fs.rmSync(target, { recursive: true, force: true });
  const blobs = listing(repo);
  const sources = blobs.filter((b) => SOURCE_FILE.test(b.file));
  const { written, missing } = writeBlobs(mirrorOf(repo), target, sources);
  const configs = writeBlobs(mirrorOf(repo), target, launchConfigsOf(blobs));
  const info = { written, missing, launchConfigs: configs.written };
  fs.mkdirSync(target, { recursive: true });
  fs.writeFileSync(done, JSON.stringify(info));
  return { dir: target, ...info };
}
