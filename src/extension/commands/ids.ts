/** Every command the extension contributes, in one table; package.json lists the same ids (a test checks it). */
export const COMMANDS = {
  showOutput: 'backendGuide.showOutput',
  analyzeActiveFile: 'backendGuide.analyzeActiveFile',
  openGuide: 'backendGuide.openGuide',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
