/** Every command the extension contributes, in one table; package.json lists the same ids (a test checks it). */
export const COMMANDS = {
  showOutput: 'backendGuide.showOutput',
  analyzeActiveFile: 'backendGuide.analyzeActiveFile',
  openGuide: 'backendGuide.openGuide',
  installPackage: 'backendGuide.installPackage',
  showGuideView: 'backendGuide.showGuideView',
  takeQuiz: 'backendGuide.takeQuiz',
  resetProgress: 'backendGuide.resetProgress',
  createSampleProject: 'backendGuide.createSampleProject',
  createFlaskSampleProject: 'backendGuide.createFlaskSampleProject',
  runSample: 'backendGuide.runSample',
  openSampleFile: 'backendGuide.openSampleFile',
  openPlayground: 'backendGuide.openPlayground',
  openWalkthrough: 'backendGuide.openWalkthrough',
  refreshRoutes: 'backendGuide.refreshRoutes',
  replayInjection: 'backendGuide.replayInjection',
  trackStartStep: 'backendGuide.track.startStep',
  trackCheckStep: 'backendGuide.track.checkStep',
  trackShowSolution: 'backendGuide.track.showSolution',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
