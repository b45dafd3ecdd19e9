import type { Tree } from '@vscode/tree-sitter-wasm';
import { resultBeforeFacts } from '../engine/analyze';
import type { EngineConfig } from '../engine/config';
import { hasProjectFacts, languageOfFileName } from '../engine/languages';
import { sharedGrammars, type Grammars } from '../engine/parser';
import { ProjectIndex, type FileFacts, type ProjectFacts } from '../engine/project';
import { parsedFactsOfText } from '../engine/project/project-index';
import { SharedStrings } from '../engine/project/shared-strings';
import { claimBatch, type FileBatches } from './file-batches';
import { readingFromDisk } from './project';
import { contentHash } from './scan-cache';
import { ReadAhead } from './read-ahead';
import { relativePath } from './relative-path';
import { analyzeFile, reportOfResult, type FileReport, type ScanOptions } from './scan';

/** A file that could not be read, and why. */
export interface UnreadableFile {
  file: string;
  error: string;
}

/**
 * What the facts pass found: the facts of the files it parsed, the content hash of every file it read, and
 * the files whose content had the hash the caller already knew (their facts are the caller's, not parsed again).
 */
export interface FactsPass {
  facts: Array<[string, FileFacts]>;
  /** The files this thread analyses itself: those whose trees it kept, and those it knows the report of already. */
  kept: string[];
  unreadable: UnreadableFile[];
  hashes: Array<[string, string]>;
  unchanged: string[];
}

/** What a scanner is told once: plain data, so that a worker thread receives it as it is. */
export interface ScannerSettings {
  root: string;
  displayRoot: string;
  config: EngineConfig;
  /**
   * Characters of text whose trees the scanner keeps from the facts pass for the analysis (so that those
   * files are parsed once). A tree takes several times its text in WASM memory, which never shrinks, so this
   * bounds the scanner's peak memory; 0 parses again every file the analysis reads.
   */
  keptTreeChars: number;
}

/**
 * Kept trees pay when they spare a real share of the analysis' parses. Each thread keeps trees within `cap`
 * characters, and the WebAssembly memory they take (about 29 bytes per character) is never given back; when the
 * threads' caps together cover less than a quarter of the project's text, the parses they spare are a few percent
 * of the scan while the memory is the same, so no tree is kept (every file is parsed again for its analysis).
 */
export function keptTreeBudget(cap: number, threads: number, projectBytes: number): number {
  return cap * Math.max(1, threads) * 4 >= projectBytes ? cap : 0;
}

/**
 * One thread's share of a scan: first the project facts of its files, then, once the facts of every file
 * are known, the analysis of the same files. A file no rule can report in, whatever the other files hold, is
 * settled in the facts pass: its report is made there, and it is not read again. Between the two passes the
 * thread holds those reports and the trees the facts pass parsed within `keptTreeChars` (with their texts);
 * other files are read again for the analysis, so the texts of a large project are never all in memory at once.
 */
export class FileScanner {
  private files: string[] = [];
  private readonly kept = new Map<string, { text: string; tree: Tree }>();
  /** The reports of files no rule can report in, known from the facts pass (see `resultBeforeFacts`). */
  private readonly settled = new Map<string, FileReport>();
  private keptChars = 0;
  private readonly grammars: Grammars;
  /** An empty project: what `rulesThatMayReport` reads before any file's facts are known. */
  private withoutFacts: ProjectFacts | undefined;

  /**
   * @param strings The thread's table of shared strings: the facts this scanner extracts keep one copy of
   * each name (see `SharedStrings`); facts received from other threads go through the same table.
   */
  constructor(private readonly settings: ScannerSettings, grammars?: Grammars, private readonly strings = new SharedStrings()) {
    this.grammars = grammars ?? sharedGrammars();
  }

  /**
   * The facts of the batches of `work` this thread claims (see `FileBatches`), one at a time until none is
   * left; as `facts`, over every batch claimed. `claimed`, when given, gets each batch's facts as soon as they
   * are known, and the next batch waits for it.
   */
  async claimedFacts(work: FileBatches, known?: ReadonlyMap<string, string>, claimed?: (facts: FactsPass['facts']) => Promise<void>): Promise<FactsPass> {
    const pass: FactsPass = { facts: [], kept: [], unreadable: [], hashes: [], unchanged: [] };
    for (let batch = claimBatch(work); batch; batch = claimBatch(work)) {
      const part = await this.facts(batch, known);
      await claimed?.(part.facts);
      pass.facts.push(...part.facts);
      pass.kept.push(...part.kept);
      pass.unreadable.push(...part.unreadable);
      pass.hashes.push(...part.hashes);
      pass.unchanged.push(...part.unchanged);
    }
    return pass;
  }

  /**
   * Reads `files` and returns the facts of the source files the engine reads, in their order, and those that
   * could not be read. With `known` (content hashes from a cache), every file's hash is returned too, and a file
   * whose content still has its known hash is not parsed for facts.
   */
  async facts(files: readonly string[], known?: ReadonlyMap<string, string>): Promise<FactsPass> {
    const { root, config } = this.settings;
    const withoutFacts = (this.withoutFacts ??= new ProjectIndex(root).facts());
    const pass: FactsPass = { facts: [], kept: [], unreadable: [], hashes: [], unchanged: [] };
    const sources = new ReadAhead(files);
    for (const file of files) {
      const read = sources.read(file);
      if ('error' in read) {
        pass.unreadable.push({ file, error: read.error });
        continue;
      }
      this.files.push(file);
      const { text } = read;
      if (known) {
        const hash = contentHash(text);
        pass.hashes.push([file, hash]);
        if (known.get(file) === hash) {
          pass.unchanged.push(file);
          continue;
        }
      }
      const languageId = languageOfFileName(file);
      if (!languageId || !hasProjectFacts(languageId)) continue;
      // what few rules read (call arguments, text returns) is read again from the file when asked: `deferred-calls.ts`
      const { facts: fileFacts, tree } = await parsedFactsOfText(file, text, languageId, this.grammars, root, true, true);
      pass.facts.push([file, this.strings.share(fileFacts)]);
      // a file no rule can report in, whatever the other files hold, has its report now: it is not read again
      const settled = resultBeforeFacts(text, { languageId, fileName: file, config, project: withoutFacts }, tree && { tree, facts: fileFacts });
      if (settled) {
        this.settled.set(file, reportOfResult(file, text, languageId, settled, this.settings));
        pass.kept.push(file);
        tree?.delete();
      } else if (tree && this.keptChars + text.length <= this.settings.keptTreeChars) {
        this.kept.set(file, { text, tree });
        this.keptChars += text.length;
        pass.kept.push(file);
      } else {
        tree?.delete();
      }
    }
    return pass;
  }

  /**
   * Reports, analysed against the whole project's facts, of the files read by `facts` in that order; or, with
   * `others` (the files no thread kept a tree of, in batches every thread claims from), of the files whose trees
   * this thread kept and then of the batches it claims. Files in `reused` (whose reports the caller has from a
   * cache) are left out.
   */
  async analyze(facts: ProjectFacts, reused?: ReadonlySet<string>, others?: FileBatches): Promise<FileReport[]> {
    // the files whose deferred facts each file's analysis reads: its report holds while their texts do
    const textsRead = new Set<string>();
    const project = await readingFromDisk(facts, this.grammars, (file) => textsRead.add(file));
    const options: ScanOptions = { root: this.settings.root, displayRoot: this.settings.displayRoot, config: this.settings.config, grammars: this.grammars, project };
    const reports: FileReport[] = [];
    const analyzeOne = async (file: string, sources: ReadAhead) => {
      const kept = this.kept.get(file);
      const settled = this.settled.get(file);
      this.kept.delete(file);
      this.settled.delete(file);
      try {
        if (reused?.has(file)) return;
        if (settled) {
          reports.push(settled);
          return;
        }
        const read = kept ?? sources.read(file);
        textsRead.clear();
        const report: FileReport | undefined = 'error' in read
          ? { file, relative: relativePath(options.displayRoot, file), findings: [], skipped: read.error, notes: [] }
          : await analyzeFile(file, read.text, options, kept?.tree);
        if (report && textsRead.size > 0) report.textsRead = [...textsRead].sort().map((other) => [other, facts.files.get(other)?.textHash ?? '']);
        if (report) reports.push(report);
      } finally {
        kept?.tree.delete();
      }
    };
    // the files read again (no tree kept, no report known) are read a few at a time, in the order they come
    const readAgain = (files: readonly string[]) => new ReadAhead(files.filter((file) => !this.kept.has(file) && !this.settled.has(file) && !reused?.has(file)));
    const mine = others ? this.files.filter((file) => this.kept.has(file) || this.settled.has(file)) : this.files;
    const sources = readAgain(mine);
    for (const file of mine) await analyzeOne(file, sources);
    if (others) {
      for (let batch = claimBatch(others); batch; batch = claimBatch(others)) {
        const claimed = readAgain(batch);
        for (const file of batch) await analyzeOne(file, claimed);
      }
    }
    this.dispose();
    return reports;
  }

  /** Drops what is held (also when a scan ends without its analysis: `routes`). */
  dispose(): void {
    for (const { tree } of this.kept.values()) tree.delete();
    this.kept.clear();
    this.settled.clear();
    this.files = [];
    this.keptChars = 0;
  }
}
