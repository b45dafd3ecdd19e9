/**
 * Whether Node was started with the V8 flag `flag` (`--some-name`), on its command line or in NODE_OPTIONS, in
 * either spelling V8 takes (`-` or `_` between the words): a setting the user gave is theirs, and the CLI leaves it.
 */
export function flagGivenToNode(flag: string): boolean {
  const spellings = [flag, `--${flag.slice(2).replace(/-/g, '_')}`];
  return [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((option) => spellings.some((spelling) => option.includes(spelling)));
}

/** Whether Node was given the V8 flag `flag` (`--some-switch`) either way: on, or off (`--no-some-switch`, `--nosome-switch`). */
export function switchGivenToNode(flag: string): boolean {
  const name = flag.slice(2);
  return [flag, `--no-${name}`, `--no${name}`].some(flagGivenToNode);
}

/**
 * Whether the running V8 has `--interrupt-budget`: V8 11 (Node 20) does; V8 12 and 13 (Node 22, 23 and 24) decide
 * when to optimise by counting invocations instead and have no such flag, so setting it there printed "Error:
 * unrecognized flag" to stderr, twice, on every run (checked with each of those Node versions).
 */
export function v8HasInterruptBudget(v8Version: string = process.versions.v8): boolean {
  return Number(v8Version.split('.')[0]) <= 11;
}
