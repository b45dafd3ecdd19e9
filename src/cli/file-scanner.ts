import type { Tree } from '@vscode/tree-sitter-wasm';
import { rulesThatMayReport } from '../engine/analyze';
import type { EngineConfig } from '../engine/config';
import { isJavaScriptFamily, languageOfFileName } from '../engine/languages';
import { sharedGrammars, type Grammars } from '../engine/parser';
import { ProjectIndex, type FileFacts, type ProjectFacts } from '../engine/project';
import { parsedFactsOfText } from '../engine/project/project-index';
import { analyzeFile, type FileReport, type ScanOptions } from './scan';

export interface SourceFile {
  file: string;
  text: string;
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
 * One thread's share of a scan: first the project facts of its files, then, once the facts of every file
 * are known, the analysis of the same files. It holds the texts between the two passes and, within
 * `keptTreeChars`, the trees the facts pass parsed; each is dropped once its file is analysed.
 */
export class FileScanner {
  private readonly texts = new Map<string, string>();
  private readonly trees = new Map<string, Tree>();
  private keptChars = 0;
  private readonly grammars: Grammars;

  constructor(private readonly settings: ScannerSettings, grammars?: Grammars) {
    this.grammars = grammars ?? sharedGrammars();
  }

  /** The facts of the JavaScript-family files among `sources`, in their order; keeps every text for `analyze`. */
  async facts(sources: readonly SourceFile[]): Promise<Array<[string, FileFacts]>> {
    const { root, config } = this.settings;
    const withoutFacts = new ProjectIndex(root).facts();
    const out: Array<[string, FileFacts]> = [];
    for (const { file, text } of sources) {
      this.texts.set(file, text);
      const languageId = languageOfFileName(file);
      if (!languageId || !isJavaScriptFamily(languageId)) continue;
      const keep = this.keptChars + text.length <= this.settings.keptTreeChars
        && rulesThatMayReport(text, { languageId, fileName: file, config, project: withoutFacts }).length > 0;
      const { facts, tree } = await parsedFactsOfText(file, text, languageId, this.grammars, root, keep);
      if (tree) {
        this.trees.set(file, tree);
        this.keptChars += text.length;
      }
      out.push([file, facts]);
    }
    return out;
  }

  /** Reports of the files given to `facts`, in that order, analysed against the whole project's facts. */
  async analyze(project: ProjectFacts): Promise<FileReport[]> {
    const options: ScanOptions = { root: this.settings.root, displayRoot: this.settings.displayRoot, config: this.settings.config, grammars: this.grammars, project };
    const reports: FileReport[] = [];
    for (const [file, text] of this.texts) {
      const tree = this.trees.get(file);
      try {
        const report = await analyzeFile(file, text, options, tree);
        if (report) reports.push(report);
      } finally {
        tree?.delete();
        this.trees.delete(file);
      }
    }
    this.texts.clear();
    this.keptChars = 0;
    return reports;
  }

  /** Drops what is held (a scan that ends without its analysis: `routes`). */
  dispose(): void {
    for (const tree of this.trees.values()) tree.delete();
    this.trees.clear();
    this.texts.clear();
    this.keptChars = 0;
  }
}
