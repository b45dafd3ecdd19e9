/** Context key a track step's walkthrough step waits for: `backendGuide.track.<camelCaseId>.passed`. No `vscode` import (unit tests read it). */
export function trackPassedKey(stepId: string): string {
  return `backendGuide.track.${stepId.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}.passed`;
}
