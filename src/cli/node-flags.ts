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
 * The V8 flags that make the running V8 wait eight times as long as by default before it optimises a function, as
 * `[flag, value]`. V8 11 (Node 20) measures how much bytecode a function ran (`--interrupt-budget`, 67,584 by
 * default). V8 12 and later (Node 22, 24 and 26) count calls instead (`--invocation-count-for-turbofan`, 3,000, and
 * `--invocation-count-for-maglev`, 400) and have no interrupt budget: setting it there printed "Error: unrecognized
 * flag" to stderr, twice, on every run.
 */
export function laterOptimisation(v8Version: string = process.versions.v8): Array<[flag: string, value: number]> {
  if (Number(v8Version.split('.')[0]) <= 11) return [['--interrupt-budget', 8 * 67_584]];
  return [['--invocation-count-for-turbofan', 8 * 3_000], ['--invocation-count-for-maglev', 8 * 400]];
}
