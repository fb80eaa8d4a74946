/**
 * Whether the text report is coloured: `--color` / `--no-color` first (the last one given wins),
 * then `FORCE_COLOR` (`0` or `false`: off; any other value, also empty: on; it overrides `NO_COLOR`,
 * as in Node), then `NO_COLOR` (any non-empty value: off), then `TERM=dumb` (off), then whether
 * stdout is a terminal.
 */
export function useColor(flag: boolean | undefined, env: Readonly<Record<string, string | undefined>>, stdoutIsTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stdoutIsTTY;
}
