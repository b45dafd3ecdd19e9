import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import type { FileFacts } from '../engine/project';
import { readRegularBytes } from '../files/project-files';
import type { PackageJson } from './project';
import { relativePath, type FileReport } from './scan';

/**
 * The CLI's `--cache`: what a scan learnt about each file, kept between runs, like ESLint's `.eslintcache`.
 *
 * A file's facts are reused when its content is the same (its hash); its report is reused when, in
 * addition, the facts of the whole project are the same as when the report was made (the project digest):
 * a finding in one file can depend on another file (the auth middleware of a router, the driver a module
 * exports), so any change to any file's facts makes every report be made again, while an edit that leaves
 * the facts as they were re-analyses only the edited file. The cache as a whole is valid for one engine
 * build, one configuration and one project root (its key); anything else starts it afresh.
 *
 * Reading never throws: a missing, foreign or damaged cache file is an empty cache.
 *
 * Each file's facts are kept as bytes of their own and read only when asked for: they are most of the cache,
 * and a rescan of an unchanged project needs none of them (only the `routes` command reads the project).
 */

/** The cache file ESLint users expect beside the project: `.backendguide-cache` in the current folder. */
export const DEFAULT_CACHE_FILE = '.backendguide-cache';

/** A cache file larger than this is not read (a cache of 15,000 files takes a few tens of MB). */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

/** What is kept of a report: everything but where it is shown from (`relative` follows the current folder). */
type KeptReport = Omit<FileReport, 'relative'>;

interface CachedFile {
  hash: string;
  /** The file's facts, serialized (`v8.serialize`). */
  facts?: Uint8Array;
  report?: KeptReport;
  /** The file gives no report (not a language the engine reads), as opposed to a report not kept. */
  noReport?: boolean;
}

/** What an unchanged project's rescan takes from the cache alone. */
export interface UnchangedScan {
  /** How many files have facts. */
  factCount: number;
  /** The files' facts, read from the cache when called. */
  facts(): Array<[string, FileFacts]>;
  reports: FileReport[];
}

/** The version of the cache's layout: a file of another layout is an empty cache. */
const FORMAT = 2;

interface CacheData {
  format: typeof FORMAT;
  key: string;
  /** The project digest the reports were made against. */
  digest: string;
  /** The digest of the package.json files that went into `digest` (see `unchangedScan`). */
  packagesDigest?: string;
  /** In the order of the scan, which the project digest follows. */
  files: Map<string, CachedFile>;
}

/** A content hash of a text (SHA-1: a collision would hide a change, which a 53-bit hash makes merely unlikely). */
export function contentHash(text: string): string {
  return crypto.createHash('sha1').update(text).digest('base64');
}

/**
 * The digest of a project's facts and package.json files: reports made against the same digest still hold.
 * Taken over canonical JSON (maps and sets as lists), since the structured-clone bytes of equal facts differ
 * once they have been through the cache (string representations are not kept). A file's text hash is left
 * out: it names the text, not what other files can learn from it.
 */
export function projectDigest(facts: ReadonlyArray<[string, FileFacts]>, packages: readonly PackageJson[]): string {
  const canonical = (key: string, value: unknown) => {
    if (key === 'textHash') return undefined;
    return value instanceof Map ? { map: [...value] } : value instanceof Set ? { set: [...value] } : value;
  };
  return crypto.createHash('sha1').update(JSON.stringify(facts, canonical)).update(JSON.stringify(packages)).digest('base64');
}

/** The digest of the package.json files alone: with every file's content as cached, it decides whether the project digest still holds. */
function packagesDigestOf(packages: readonly PackageJson[]): string {
  return crypto.createHash('sha1').update(JSON.stringify(packages)).digest('base64');
}

/** The part of the key that names this engine build: its version and the code that runs. */
export function engineKey(version: string, codeFile: string): string {
  try {
    return `${version}:${crypto.createHash('sha1').update(fs.readFileSync(codeFile)).digest('base64')}`;
  } catch {
    return `${version}:unknown-build`;
  }
}

function isCacheData(value: unknown): value is CacheData {
  const data = value as Partial<CacheData> | null;
  return typeof data === 'object' && data !== null && typeof data.format === 'number' && typeof data.key === 'string'
    && typeof data.digest === 'string' && data.files instanceof Map;
}

export class ScanCache {
  /** Whether this run changed what the cache holds (an unchanged rescan does not write it again). */
  private changed = false;

  private constructor(private readonly location: string, private data: CacheData, readonly note?: string) {}

  /** The cache at `location` for `key`; empty (with a note saying why, when it was there but unusable) otherwise. */
  static load(location: string, key: string): ScanCache {
    const empty: CacheData = { format: FORMAT, key, digest: '', files: new Map() };
    if (!fs.existsSync(location)) return new ScanCache(location, empty);
    try {
      const size = fs.lstatSync(location).size;
      if (size > MAX_CACHE_BYTES) return new ScanCache(location, empty, `the cache ${location} is larger than ${MAX_CACHE_BYTES / 1024 / 1024} MB; starting a new one`);
      const read = readRegularBytes(location);
      if ('error' in read) return new ScanCache(location, empty, `the cache ${location} ${read.error}; starting a new one`);
      const data: unknown = v8.deserialize(read.bytes);
      if (!isCacheData(data)) return new ScanCache(location, empty, `the cache ${location} is not a Backend Guide cache; starting a new one`);
      // another engine build, configuration, project or layout: nothing in it holds
      return new ScanCache(location, data.format === FORMAT && data.key === key ? data : empty);
    } catch (error) {
      return new ScanCache(location, empty, `the cache ${location} cannot be read (${error instanceof Error ? error.message : String(error)}); starting a new one`);
    }
  }

  /** The content hash each cached file had, for the files whose facts are cached. */
  knownHashes(files: readonly string[]): Map<string, string> {
    const known = new Map<string, string>();
    for (const file of files) {
      const entry = this.data.files.get(file);
      if (entry?.facts) known.set(file, entry.hash);
    }
    return known;
  }

  facts(file: string, hash: string): FileFacts | undefined {
    const entry = this.data.files.get(file);
    return entry?.hash === hash && entry.facts ? factsOf(entry.facts) : undefined;
  }

  /**
   * The file's report, when its content and the whole project's facts are as they were when it was made, and
   * so are the texts of the files whose deferred facts its analysis read (`textHashOf` gives their facts' hash now).
   */
  report(file: string, hash: string, digest: string, textHashOf: (file: string) => string | undefined): KeptReport | undefined {
    if (digest !== this.data.digest) return undefined;
    const entry = this.data.files.get(file);
    const report = entry?.hash === hash ? entry.report : undefined;
    return report?.textsRead?.some(([other, textHash]) => textHashOf(other) !== textHash) ? undefined : report;
  }

  /**
   * Everything a scan of `files` would give, when every file is as the cache knows it, the project's facts
   * are as they were and every report was kept; `undefined` as soon as anything differs. Reads and hashes
   * every file, and parses none. The project digest is not taken again: facts follow from a file's content
   * (under the cache's key), so the same files in the same order with the same contents, and the same
   * package.json files, make the same digest as the one the reports were made against.
   */
  unchangedScan(files: readonly string[], packages: readonly PackageJson[], displayRoot: string): UnchangedScan | undefined {
    if (files.length !== this.data.files.size || this.data.packagesDigest !== packagesDigestOf(packages)) return undefined;
    const facts: Array<[string, Uint8Array]> = [];
    const reports: FileReport[] = [];
    let i = 0;
    for (const [file, entry] of this.data.files) {
      if (file !== files[i++] || (!entry.report && !entry.noReport)) return undefined;
      const read = readRegularBytes(file);
      if ('error' in read || contentHash(read.bytes.toString('utf8')) !== entry.hash) return undefined;
      if (entry.facts) facts.push([file, entry.facts]);
      if (entry.report) reports.push({ ...entry.report, relative: relativePath(displayRoot, file) });
    }
    return { factCount: facts.length, facts: () => facts.map(([file, bytes]) => [file, factsOf(bytes)]), reports };
  }

  /**
   * Replaces the cache by this scan's files, given in the scan's order, and the package.json files the
   * project digest was taken with. Reports of files whose time budget ran out or whose rules failed are not
   * kept: another run may finish them.
   */
  update(digest: string, files: ReadonlyArray<{ file: string; hash: string; facts?: FileFacts; report?: FileReport }>, packages: readonly PackageJson[]): void {
    const kept = new Map<string, CachedFile>();
    for (const { file, hash, facts, report } of files) {
      const complete = report && !report.timedOut?.length && !report.failed?.length;
      kept.set(file, { hash, facts: facts && v8.serialize(facts), report: complete ? withoutDisplayPath(report) : undefined, noReport: report ? undefined : true });
    }
    this.data = { format: FORMAT, key: this.data.key, digest, packagesDigest: packagesDigestOf(packages), files: kept };
    this.changed = true;
  }

  /** Writes the cache (to a temporary file first, so that an interrupted write leaves the old one); returns an error, if any. */
  save(): string | undefined {
    if (!this.changed) return undefined;
    const temporary = path.join(path.dirname(this.location), `.${path.basename(this.location)}.${process.pid}.tmp`);
    try {
      fs.writeFileSync(temporary, v8.serialize(this.data));
      fs.renameSync(temporary, this.location);
      return undefined;
    } catch (error) {
      try { fs.rmSync(temporary, { force: true }); } catch { /* nothing left to clean */ }
      return `cannot write the cache ${this.location} (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    }
  }
}

function factsOf(bytes: Uint8Array): FileFacts {
  return v8.deserialize(bytes) as FileFacts;
}

function withoutDisplayPath(report: FileReport): KeptReport {
  const { relative: _relative, ...kept } = report;
  return kept;
}
