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
