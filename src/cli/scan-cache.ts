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
 */

/** The cache file ESLint users expect beside the project: `.backendguide-cache` in the current folder. */
export const DEFAULT_CACHE_FILE = '.backendguide-cache';

/** A cache file larger than this is not read (a cache of 15,000 files takes a few tens of MB). */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

/** What is kept of a report: everything but where it is shown from (`relative` follows the current folder). */
type KeptReport = Omit<FileReport, 'relative'>;

interface CachedFile {
  hash: string;
  facts?: FileFacts;
  report?: KeptReport;
  /** The file gives no report (not a language the engine reads), as opposed to a report not kept. */
  noReport?: boolean;
}

/** What an unchanged project's rescan takes from the cache alone. */
export interface UnchangedScan {
  facts: Array<[string, FileFacts]>;
  reports: FileReport[];
}

interface CacheData {
  format: 1;
  key: string;
  /** The project digest the reports were made against. */
  digest: string;
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
  return typeof data === 'object' && data !== null && data.format === 1 && typeof data.key === 'string'
    && typeof data.digest === 'string' && data.files instanceof Map;
}

export class ScanCache {
  /** Whether this run changed what the cache holds (an unchanged rescan does not write it again). */
  private changed = false;

  private constructor(private readonly location: string, private data: CacheData, readonly note?: string) {}

  /** The cache at `location` for `key`; empty (with a note saying why, when it was there but unusable) otherwise. */
  static load(location: string, key: string): ScanCache {
    const empty: CacheData = { format: 1, key, digest: '', files: new Map() };
    if (!fs.existsSync(location)) return new ScanCache(location, empty);
    try {
      const size = fs.lstatSync(location).size;
      if (size > MAX_CACHE_BYTES) return new ScanCache(location, empty, `the cache ${location} is larger than ${MAX_CACHE_BYTES / 1024 / 1024} MB; starting a new one`);
      const read = readRegularBytes(location);
      if ('error' in read) return new ScanCache(location, empty, `the cache ${location} ${read.error}; starting a new one`);
      const data: unknown = v8.deserialize(read.bytes);
      if (!isCacheData(data)) return new ScanCache(location, empty, `the cache ${location} is not a Backend Guide cache; starting a new one`);
      // another engine build, configuration or project: nothing in it holds
      return new ScanCache(location, data.key === key ? data : empty);
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
    return entry?.hash === hash ? entry.facts : undefined;
  }

  /** The file's report, when its content and the whole project's facts are as they were when it was made. */
  report(file: string, hash: string, digest: string): KeptReport | undefined {
    if (digest !== this.data.digest) return undefined;
    const entry = this.data.files.get(file);
    return entry?.hash === hash ? entry.report : undefined;
  }

  /**
   * Everything a scan of `files` would give, when every file is as the cache knows it, the project's facts
   * are as they were and every report was kept; `undefined` as soon as anything differs. Reads and hashes
   * every file, and parses none.
   */
  unchangedScan(files: readonly string[], packages: readonly PackageJson[], displayRoot: string): UnchangedScan | undefined {
    const facts: Array<[string, FileFacts]> = [];
    const reports: FileReport[] = [];
    for (const file of files) {
      const entry = this.data.files.get(file);
      if (!entry || (!entry.report && !entry.noReport)) return undefined;
      const read = readRegularBytes(file);
      if ('error' in read || contentHash(read.bytes.toString('utf8')) !== entry.hash) return undefined;
      if (entry.facts) facts.push([file, entry.facts]);
      if (entry.report) reports.push({ ...entry.report, relative: relativePath(displayRoot, file) });
    }
    return projectDigest(facts, packages) === this.data.digest ? { facts, reports } : undefined;
  }

  /**
   * Replaces the cache by this scan's files. Reports of files whose time budget ran out or whose rules
   * failed are not kept: another run may finish them.
   */
  update(digest: string, files: ReadonlyArray<{ file: string; hash: string; facts?: FileFacts; report?: FileReport }>): void {
    const kept = new Map<string, CachedFile>();
    for (const { file, hash, facts, report } of files) {
      const complete = report && !report.timedOut?.length && !report.failed?.length;
      kept.set(file, { hash, facts, report: complete ? withoutDisplayPath(report) : undefined, noReport: report ? undefined : true });
    }
    this.data = { format: 1, key: this.data.key, digest, files: kept };
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

function withoutDisplayPath(report: FileReport): KeptReport {
  const { relative: _relative, ...kept } = report;
  return kept;
}
