import fs = require('fs');
import { checksumMatches, newChecksum } from './cache-checksum';
import { nodeCrypto } from './lazy-builtins';

/**
 * The bytes of the CLI's cache file (see `scan-cache.ts` for what it means). Reading never throws past
 * `readCacheIndex`, whose caller turns an error into an empty cache with a note.
 *
 * Layout 6, all text: a header line; a line per file (`[file, hash, textHash, noReport, stamp]`, a tab,
 * its report); then a line per file with facts (its facts, in the same order, an empty line when it has none);
 * then a trailer line giving where the two sections end and a checksum of each (see `cache-checksum.ts`). The
 * first section, the index, is all a rescan of an unchanged project needs, and about a tenth of the file (1,000
 * files: 0.36 of 3.9 MB): the facts are read, and checked, only when a scan needs them. Reading the whole file
 * cost a rescan of the bench corpus about 30 ms, as much as the rest of the cache's work: 15 ms to read 3.9 MB
 * (most of it faulting in the fresh memory they go to), 8 ms for its SHA-1, the rest finding its lines. Layout 5
 * took SHA-1s of the sections and of the package.json files (the header's `packages` now); 4 had the facts of a
 * file on its line and one SHA-1 of the whole; 3 had no stamps; 1 and 2 were `v8.serialize` bytes.
 */
export const FORMAT = 6;

/** What a file's stat says of its content: size, times of the last change of content and of the inode, inode number. */
export type Stamp = [size: number, mtimeMs: number, ctimeMs: number, ino: number];

/** Plain JSON (see `plain-json.ts`), as written this run or as bytes of the cache file it was read from. */
export type Encoded = string | Buffer;

export interface CachedFile {
  hash: string;
  /** The file's facts as plain JSON with an empty text hash, decoded only when asked for; read with the facts section. */
  facts?: Encoded;
  /**
   * The facts' text hash, kept out of `facts` so that they can go into the project digest as they are. Present
   * exactly when the file has facts, so it tells which do before the facts section is read.
   */
  textHash?: string;
  /** The file's report, decoded only when asked for. */
  report?: Encoded;
  /** The file gives no report (not a language the engine reads), as opposed to a report not kept. */
  noReport?: boolean;
  /** The file's stat when its content had `hash`, when that can stand for the content (see `scan-cache.ts`). */
  stamp?: Stamp;
}

export interface CacheHeader {
  backendGuideCache: typeof FORMAT;
  key: string;
  /** The project digest the reports were made against. */
  digest: string;
  /**
   * The package.json files that went into `digest`, as JSON text: compared as they are, so a rescan of an unchanged
   * project takes no hash of them.
   */
  packages?: string;
}

/** Where a cache file's facts section lies, to be read when first needed (see `readFactsSection`). */
export interface FactsSection {
  location: string;
  /** The file's size and inode when its index was read: another file in its place is not read as its facts. */
  size: number;
  ino: number;
  start: number;
  end: number;
  /** The facts section's checksum (see `cache-checksum.ts`). */
  sum: string;
}

export interface CacheData {
  header: CacheHeader;
  /** In the order of the scan, which the project digest follows. */
  files: Map<string, CachedFile>;
  /** The facts not read yet, when they come from a cache file. */
  unreadFacts?: FactsSection;
}

interface Trailer {
  index: number;
  indexSum: string;
  factsSum: string;
}

/** The first byte of `v8.serialize` output: a cache of an earlier layout, replaced without a word. */
const V8_SERIALIZED = 0xff;
const TAB = 9;
const LINE = 10;
/** The trailer is under a hundred bytes; a file whose last line is longer is not a cache. */
const TAIL_BYTES = 512;

/** The SHA-1 of a text (as UTF-8) or of bytes, in base64: files' content hashes, the project digest and the engine key. */
export function sha1(data: string | Buffer): string {
  return nodeCrypto().createHash('sha1').update(data).digest('base64');
}

function readAt(fd: number, start: number, end: number): Buffer {
  const bytes = Buffer.allocUnsafe(Math.max(0, end - start));
  let done = 0;
  while (done < bytes.length) {
    const read = fs.readSync(fd, bytes, done, bytes.length - done, start + done);
    if (read === 0) throw new Error('cut short while read');
    done += read;
  }
  return bytes;
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function isTrailer(value: unknown, size: number): value is Trailer {
  const t = value as Partial<Trailer> | undefined;
  return typeof t === 'object' && t !== null && Number.isSafeInteger(t.index) && t.index! >= 0 && t.index! < size
    && typeof t.indexSum === 'string' && typeof t.factsSum === 'string';
}

function isHeader(value: unknown): value is Omit<CacheHeader, 'backendGuideCache'> & { backendGuideCache: number } {
  const h = value as Partial<CacheHeader> | undefined;
  return typeof h === 'object' && h !== null && typeof h.backendGuideCache === 'number' && typeof h.key === 'string' && typeof h.digest === 'string';
}

/** What the first line of `bytes` is: the header of a cache of this layout, a cache of an earlier layout, or no cache. */
function headerOf(bytes: Buffer): CacheHeader | 'older' | 'foreign' {
  if (bytes[0] === V8_SERIALIZED) return 'older';
  const end = bytes.indexOf(LINE);
  const header = parseJson(end < 0 ? bytes : bytes.subarray(0, end));
  if (!isHeader(header)) return 'foreign';
  return header.backendGuideCache === FORMAT ? (header as CacheHeader) : 'older';
}

/**
 * The index of the cache file at `location` (its facts left unread: see `readFactsSection`); `undefined` when it
 * is not a cache, `null` when it is one of an earlier layout. Throws when it is a cache of this layout but damaged.
 */
export function readCacheIndex(location: string): CacheData | undefined | null {
  const fd = fs.openSync(location, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile()) throw new Error('not a regular file');
    const size = stats.size;
    const tailStart = Math.max(0, size - TAIL_BYTES);
    const tail = readAt(fd, tailStart, size);
    const last = tail.lastIndexOf(LINE);
    const trailer = last < 0 ? undefined : parseJson(tail.subarray(last + 1));
    const factsEnd = tailStart + last;
    const whole = isTrailer(trailer, size) && trailer.index < factsEnd ? trailer : undefined;
    // without a trailer of this layout, the first line tells a cache cut short from one of another layout or none
    const index = readAt(fd, 0, whole ? whole.index : Math.min(size, 64 * 1024));
    const header = headerOf(index);
    if (header === 'older') return null;
    if (header === 'foreign') return undefined;
    if (!whole || !checksumMatches(index, whole.indexSum)) throw new Error('damaged or cut short');
    let end = index.indexOf(LINE);
    if (end < 0) end = index.length;
    const files = new Map<string, CachedFile>();
    for (let start = end + 1; start < index.length; start = end + 1) {
      end = index.indexOf(LINE, start);
      if (end < 0) end = index.length;
      const reportAt = index.indexOf(TAB, start);
      if (reportAt < 0 || reportAt > end) throw new Error('a damaged line');
      // read by index, not destructured: destructuring runs the iterator protocol (objects for every line) until V8 optimises it
      const row = JSON.parse(index.toString('utf8', start, reportAt)) as [string, string, string | null, number, Stamp | null];
      const file = row[0], hash = row[1], textHash = row[2], noReport = row[3], stamp = row[4];
      if (typeof file !== 'string' || typeof hash !== 'string') throw new Error('a damaged line');
      files.set(file, {
        hash,
        textHash: textHash ?? undefined,
        report: reportAt + 1 < end ? index.subarray(reportAt + 1, end) : undefined,
        noReport: noReport === 1 || undefined,
        stamp: Array.isArray(stamp) && stamp.length === 4 && stamp.every((n) => typeof n === 'number') ? stamp : undefined,
      });
    }
    return {
      header, files,
      unreadFacts: { location, size, ino: stats.ino, start: whole.index + 1, end: factsEnd, sum: whole.factsSum },
    };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Gives each of `files` its facts from the cache file's facts section; an error (in words) when the section is
 * damaged or the file is no longer the one whose index was read, and then no file is given facts.
 */
export function readFactsSection(section: FactsSection, files: ReadonlyMap<string, CachedFile>): string | undefined {
  let bytes: Buffer;
  try {
    const fd = fs.openSync(section.location, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    try {
      const stats = fs.fstatSync(fd);
      if (stats.size !== section.size || stats.ino !== section.ino) return 'was replaced while in use';
      bytes = readAt(fd, section.start, section.end);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
  if (!checksumMatches(bytes, section.sum)) return 'is damaged';
  const parts: Buffer[] = [];
  if (files.size) {
    for (let start = 0; ; ) {
      const end = bytes.indexOf(LINE, start);
      parts.push(bytes.subarray(start, end < 0 ? bytes.length : end));
      if (end < 0) break;
      start = end + 1;
    }
  }
  if (parts.length !== files.size) return 'is damaged';
  let i = 0;
  for (const entry of files.values()) {
    const facts = parts[i++];
    if ((entry.textHash !== undefined) !== facts.length > 0) return 'is damaged';
  }
  i = 0;
  for (const entry of files.values()) {
    const facts = parts[i++];
    if (facts.length) entry.facts = facts;
  }
  return undefined;
}

/** Writes `data` (every file's facts in memory) to the open file `fd` in chunks of about a megabyte: the cache is never one string in memory. */
export function writeCache(fd: number, data: CacheData): void {
  const CHUNK = 1 << 20;
  let sum = newChecksum();
  let written = 0;
  let pending: string[] = [];
  let pendingLength = 0;
  const out = (part: Encoded) => {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    sum.update(bytes);
    fs.writeSync(fd, bytes);
    written += bytes.length;
  };
  const flush = () => {
    if (pendingLength) out(pending.join(''));
    pending = [];
    pendingLength = 0;
  };
  const write = (part: Encoded) => {
    if (typeof part === 'string') {
      pending.push(part);
      pendingLength += part.length;
      if (pendingLength >= CHUNK) flush();
    } else {
      flush();
      out(part);
    }
  };
  write(JSON.stringify(data.header));
  for (const [file, entry] of data.files) {
    write(`\n${JSON.stringify([file, entry.hash, entry.textHash ?? null, entry.noReport ? 1 : 0, entry.stamp ?? null])}\t`);
    if (entry.report) write(entry.report);
  }
  flush();
  const index = written;
  const indexSum = sum.digest();
  fs.writeSync(fd, '\n');
  sum = newChecksum();
  let first = true;
  for (const entry of data.files.values()) {
    if (!first) write('\n');
    first = false;
    if (entry.facts?.length) write(entry.facts);
  }
  flush();
  fs.writeSync(fd, `\n${JSON.stringify({ index, indexSum, factsSum: sum.digest() } satisfies Trailer)}`);
}
