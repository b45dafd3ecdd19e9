import { isUtf8 } from 'buffer';
import fs = require('fs');
import path = require('path');
import type { FileFacts } from '../engine/project';
import { readRegularBytes } from '../files/project-files';
import { nodeCrypto } from './lazy-builtins';
import { fromPlainJson, toPlainJson } from './plain-json';
import type { PackageJson } from './project-manifests';
import { relativePath } from './relative-path';
import type { FileReport } from './scan';
import { FORMAT, readCacheIndex, readFactsSection, sha1, writeCache, type CacheData, type CachedFile, type Encoded, type Stamp } from './scan-cache-file';

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
 * Reading never throws: a missing, foreign or damaged cache file is an empty cache (a damaged facts section,
 * read only when needed, leaves every file to be parsed again; `note` says so).
 *
 * Each file's facts and report are kept as text of their own (see `plain-json.ts`) and decoded only when asked
 * for: facts are most of the cache, and a rescan of an unchanged project needs none of them, so they are not
 * even read then (see `scan-cache-file.ts`). The file is written and read a line per file, never as one string.
 */

/** The cache file ESLint users expect beside the project: `.backendguide-cache` in the current folder. */
export const DEFAULT_CACHE_FILE = '.backendguide-cache';

/** A cache file larger than this is not read (a cache of 15,000 files takes a few tens of MB). */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

/** What is kept of a report: everything but where it is shown from (`relative` follows the current folder). */
type KeptReport = Omit<FileReport, 'relative'>;

/**
 * A file whose content and inode have not changed for this long before a scan reads it has, while its stat
 * stays the same, the content that scan read: time stamps are at least this fine on every file system in use
 * (FAT's are 2 s), and a change of content or inode always moves the change time (`ctime`), which no program
 * can set back. A file changed later than this may change again within the same time stamp, so only its
 * content can tell (git's "racily clean" entries are the same problem).
 */
const STABLE_MS = 2000;

/** `file`'s stamp, when it has not changed since `STABLE_MS` before `since` (the start of the scan that read it). */
function stableStamp(file: string, since: number): Stamp | undefined {
  try {
    const stats = fs.statSync(file);
    if (!stats.isFile() || stats.mtimeMs >= since - STABLE_MS || stats.ctimeMs >= since - STABLE_MS) return undefined;
    return [stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino];
  } catch {
    return undefined;
  }
}

/** Whether `file` still has the stamp it had when its content was cached. */
function sameStamp(file: string, stamp: Stamp): boolean {
  const stats = fs.statSync(file, { throwIfNoEntry: false });
  return !!stats && stats.isFile() && stats.size === stamp[0] && stats.mtimeMs === stamp[1] && stats.ctimeMs === stamp[2] && stats.ino === stamp[3];
}

/** What an unchanged project's rescan takes from the cache alone. */
export interface UnchangedScan {
  /** How many files have facts. */
  factCount: number;
  /**
   * The files' facts, read from the cache file when called; throws, saying why, when they can no longer be read
   * (the file was damaged or replaced since its index was read).
   */
  facts(): Array<[string, FileFacts]>;
  reports: FileReport[];
}

/** A content hash of a text (SHA-1: a collision would hide a change, which a 53-bit hash makes merely unlikely). */
export function contentHash(text: string): string {
  return sha1(text);
}

/**
 * `contentHash` of the text these bytes decode to, without decoding them when they are valid UTF-8 (the text
 * then encodes back to the same bytes): the check of an unchanged project reads every file.
 */
export function contentHashOfBytes(bytes: Buffer): string {
  return sha1(isUtf8(bytes) ? bytes : bytes.toString('utf8'));
}

/**
 * A file's facts as they go into the cache and the project digest: plain JSON with the text hash emptied
 * (in place, so that the keys keep their order and facts read back share their shape with fresh ones). The
 * digest leaves the text hash out because it names the text, not what other files can learn from it.
 */
function encodeFacts(facts: FileFacts): string {
  return toPlainJson({ ...facts, textHash: '' });
}

function decoded<T>(encoded: Encoded): T {
  return fromPlainJson<T>(typeof encoded === 'string' ? encoded : encoded.toString('utf8'));
}

function decodeFacts(encoded: Encoded, textHash: string | undefined): FileFacts {
  const facts = decoded<FileFacts>(encoded);
  facts.textHash = textHash ?? '';
  return facts;
}

const decodeReport = (encoded: Encoded): KeptReport => decoded<KeptReport>(encoded);

/** The package.json files as the cache keeps them: with every file's content as cached, they decide whether the project digest still holds. */
function packagesText(packages: readonly PackageJson[]): string {
  return JSON.stringify(packages);
}

/** The part of the key that names this engine build: its version and the code that runs (files, or their SHA-1 when known). */
export function engineKey(version: string, code: ReadonlyArray<string | { hash: string }>): string {
  try {
    return `${version}:${code.map((file) => (typeof file === 'string' ? sha1(fs.readFileSync(file)) : file.hash)).join(':')}`;
  } catch {
    return `${version}:unknown-build`;
  }
}

export class ScanCache {
  /** Whether this run changed what the cache holds (an unchanged rescan does not write it again). */
  private changed = false;
  /** Facts this run read from the cache, by file: their encoded form goes into the digest and the cache again as it was. */
  private readonly given = new Map<string, { facts: FileFacts; encoded: Encoded }>();
  /** The facts' encoded form, by file, as the last `projectDigest` took it: `update` keeps it. */
  private encoded = new Map<string, Encoded>();

  /**
   * @param openedAt When the cache was opened, before the scan read any file (milliseconds since the epoch, as
   * file times are): files changed since `STABLE_MS` before it get no stamp (see `stableStamp`).
   */
  private constructor(private readonly location: string, private data: CacheData, private readonly openedAt: number, note?: string) {
    this.note = note;
  }

  /** Why the cache, or part of it, could not be used, when it was there: said once the scan is done (its facts are read only when needed). */
  note?: string;

  /**
   * The cache at `location` for `key`; empty (with a note saying why, when it was there but unusable) otherwise.
   * `now` is the clock the stamps are judged by (tests move it).
   */
  static load(location: string, key: string, now = Date.now()): ScanCache {
    const empty: CacheData = { header: { backendGuideCache: FORMAT, key, digest: '' }, files: new Map() };
    const opened = (data: CacheData, note?: string) => new ScanCache(location, data, now, note);
    if (!fs.existsSync(location)) return opened(empty);
    try {
      const size = fs.lstatSync(location).size;
      if (size > MAX_CACHE_BYTES) return opened(empty, `the cache ${location} is larger than ${MAX_CACHE_BYTES / 1024 / 1024} MB; starting a new one`);
      const data = readCacheIndex(location);
      if (data === undefined) return opened(empty, `the cache ${location} is not a Backend Guide cache; starting a new one`);
      // another engine build, configuration, project or layout: nothing in it holds
      return opened(data?.header.key === key ? data : empty);
    } catch (error) {
      return opened(empty, `the cache ${location} cannot be read (${error instanceof Error ? error.message : String(error)}); starting a new one`);
    }
  }

  /**
   * Reads the facts section of the cache file, when not read yet. When it cannot be, no file has facts (each is
   * parsed again) and the note says why.
   */
  private readFacts(): void {
    const section = this.data.unreadFacts;
    if (!section) return;
    this.data.unreadFacts = undefined;
    const problem = readFactsSection(section, this.data.files);
    if (!problem) return;
    for (const entry of this.data.files.values()) {
      entry.facts = undefined;
      entry.textHash = undefined;
    }
    this.note = `the cache ${this.location} ${problem}; its facts were made again`;
  }

  /** The content hash each cached file had, for the files whose facts are cached. */
  knownHashes(files: readonly string[]): Map<string, string> {
    this.readFacts();
    const known = new Map<string, string>();
    for (const file of files) {
      const entry = this.data.files.get(file);
      if (entry?.facts) known.set(file, entry.hash);
    }
    return known;
  }

  facts(file: string, hash: string): FileFacts | undefined {
    this.readFacts();
    const entry = this.data.files.get(file);
    if (entry?.hash !== hash || !entry.facts) return undefined;
    const facts = decodeFacts(entry.facts, entry.textHash);
    this.given.set(file, { facts, encoded: entry.facts });
    return facts;
  }

  /**
   * The digest of a project's facts and package.json files: reports made against the same digest still hold.
   * Taken over each file's encoded facts, in order (facts read from the cache as they were stored: the same
   * facts encode the same way), so a scan encodes each file's facts once, for the digest and the cache alike.
   */
  projectDigest(facts: ReadonlyArray<[string, FileFacts]>, packages: readonly PackageJson[]): string {
    const hash = nodeCrypto().createHash('sha1');
    this.encoded = new Map();
    for (const [file, fileFacts] of facts) {
      const given = this.given.get(file);
      const encoded = given?.facts === fileFacts ? given.encoded : encodeFacts(fileFacts);
      this.encoded.set(file, encoded);
      hash.update(JSON.stringify(file)).update('\n').update(encoded).update('\n');
    }
    return hash.update(JSON.stringify(packages)).digest('base64');
  }

  /**
   * The file's report, when its content and the whole project's facts are as they were when it was made, and
   * so are the texts of the files whose deferred facts its analysis read (`textHashOf` gives their facts' hash now).
   */
  report(file: string, hash: string, digest: string, textHashOf: (file: string) => string | undefined): KeptReport | undefined {
    if (digest !== this.data.header.digest) return undefined;
    const entry = this.data.files.get(file);
    const report = entry?.hash === hash && entry.report ? decodeReport(entry.report) : undefined;
    return report?.textsRead?.some(([other, textHash]) => textHashOf(other) !== textHash) ? undefined : report;
  }

  /**
   * Everything a scan of `files` would give, when every file is as the cache knows it, the project's facts
   * are as they were and every report was kept; `undefined` as soon as anything differs. Reads and hashes
   * every file whose stat is not as its stamp says (see `stableStamp`), and parses none. The project digest is not taken again: facts follow from a file's content
   * (under the cache's key), so the same files in the same order with the same contents, and the same
   * package.json files, make the same digest as the one the reports were made against.
   */
  unchangedScan(files: readonly string[], packages: readonly PackageJson[], displayRoot: string): UnchangedScan | undefined {
    if (files.length !== this.data.files.size || this.data.header.packages !== packagesText(packages)) return undefined;
    const restamped: Array<[CachedFile, Stamp | undefined]> = [];
    let i = 0;
    let same = true;
    // Every file is checked before any report is read back: the checks are system calls (a stat each), which take
    // about half as long made one after another as between other work. `forEach`, not `for...of`: no [file, entry]
    // pair made for each file.
    this.data.files.forEach((entry, file) => {
      if (!same) return;
      if (file !== files[i++] || (!entry.report && !entry.noReport)) {
        same = false;
        return;
      }
      if (!entry.stamp || !sameStamp(file, entry.stamp)) {
        const read = readRegularBytes(file);
        if ('error' in read || contentHashOfBytes(read.bytes) !== entry.hash) {
          same = false;
          return;
        }
        // read now, after the cache was opened: a file stable since then is not read next time
        restamped.push([entry, stableStamp(file, this.openedAt)]);
      }
    });
    if (!same) return undefined;
    const facts: Array<[string, CachedFile]> = [];
    const reports: FileReport[] = [];
    this.data.files.forEach((entry, file) => {
      if (entry.textHash !== undefined) facts.push([file, entry]);
      if (entry.report) reports.push({ ...decodeReport(entry.report), relative: relativePath(displayRoot, file) });
    });
    for (const [entry, stamp] of restamped) {
      if (!stamp) continue;
      entry.stamp = stamp;
      this.changed = true;
    }
    const cachedFacts = () => {
      this.readFacts();
      if (facts.some(([, entry]) => !entry.facts)) throw new Error(this.note);
      return facts.map(([file, entry]): [string, FileFacts] => [file, decodeFacts(entry.facts!, entry.textHash)]);
    };
    return { factCount: facts.length, facts: cachedFacts, reports };
  }

  /**
   * Replaces the cache by this scan's files, given in the scan's order, and the package.json files the
   * project digest was taken with (after `projectDigest`, whose encoded facts it keeps). Reports of files
   * whose time budget ran out or whose rules failed are not kept: another run may finish them.
   */
  update(digest: string, files: ReadonlyArray<{ file: string; hash: string; facts?: FileFacts; report?: FileReport }>, packages: readonly PackageJson[]): void {
    const kept = new Map<string, CachedFile>();
    for (const { file, hash, facts, report } of files) {
      const complete = report && !report.timedOut?.length && !report.failed?.length;
      kept.set(file, {
        hash,
        facts: facts && (this.encoded.get(file) ?? encodeFacts(facts)),
        textHash: facts?.textHash,
        report: complete ? toPlainJson(withoutDisplayPath(report)) : undefined,
        noReport: report ? undefined : true,
        // `hash` is of the content this scan read, after the cache was opened
        stamp: stableStamp(file, this.openedAt),
      });
    }
    this.data = { header: { backendGuideCache: FORMAT, key: this.data.header.key, digest, packages: packagesText(packages) }, files: kept };
    this.given.clear();
    this.encoded = new Map();
    this.changed = true;
  }

  /** Writes the cache (to a temporary file first, so that an interrupted write leaves the old one); returns an error, if any. */
  save(): string | undefined {
    if (!this.changed) return undefined;
    // (a rescan that only gave files their stamps writes the facts it did not need again)
    this.readFacts();
    const temporary = path.join(path.dirname(this.location), `.${path.basename(this.location)}.${process.pid}.tmp`);
    try {
      const fd = fs.openSync(temporary, 'w');
      try {
        writeCache(fd, this.data);
      } finally {
        fs.closeSync(fd);
      }
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
