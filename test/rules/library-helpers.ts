/** Helpers for the library catalogue cases (`<rule>.libraries.cases.ts`). */
import { allAliases } from '../../src/analysis/index.js';

/**
 * The message data of a library alias report, from the catalogue row of `library` whose option
 * reads `option` (`{value}` in the row stands for the value as written). The case states the
 * library and the option the message must name; the rest of the sentence comes from the row.
 * `rule` picks between rows of both rules that read the same (pg's `uselibpqcompat=true&sslmode=…`).
 */
export function alias(
  library: string,
  option: string,
  rule?: 'certificate' | 'hostname',
): Record<'option' | 'library' | 'effect' | 'way', string> & { exposes?: string } {
  const row = allAliases().find((r) => {
    if (r.library !== library || (rule && r.rule !== rule)) return false;
    const [before, after] = r.option.split('{value}');
    return after === undefined ? r.option === option : option.startsWith(before!) && option.endsWith(after);
  });
  if (!row) throw new Error(`no catalogue alias row for ${library}: ${option}`);
  return { option, library, effect: row.effect, way: row.way, ...(row.exposes ? { exposes: row.exposes } : {}) };
}
