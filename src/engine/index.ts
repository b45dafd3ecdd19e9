/** The engine's public surface, used by the CLI, the extension and the tests. It never imports `vscode`. */
export { analyze, analyzeTree, effectiveSeverity, type AnalyzeOptions, type AnalysisResult } from './analyze';
export { defaultConfig, mergeConfig, readConfigText, CONFIG_FILE_NAME, type EngineConfig } from './config';
export { parseGuideAnchor, guideHeadings, guideChapterPath, slugify } from './guide';
export { languageOfFileName, isLanguageId, LANGUAGE_IDS } from './languages';
export { Grammars, sharedGrammars } from './parser';
export { allRules, ruleById } from './registry';
export { IncrementalDocument, type ContentChange } from './incremental';
export { suppressionEdit } from './suppressions';
export { LineIndex, applyTextEdits } from './text';
export type { Rule, RuleContext } from './rule';
export type * from './types';
