/**
 * package.json `scripts`: each value is a command line that npm, pnpm and Yarn run with a shell
 * (`sh -c` on POSIX, cmd.exe on Windows, so cmd's `set VAR=0&&` counts too).
 */
import { analyzeShellScript } from '../shell/commands.js';
import type { ConfigFinding } from '../shell/findings.js';
import { decodeJsonString } from './json-string.js';

export interface ScriptSource {
  /** The JSON string literal as written, with its quotes. */
  readonly raw: string;
  /** Its offset in the file. */
  readonly start: number;
}

export function packageScriptFindings(scripts: readonly ScriptSource[]): ConfigFinding[] {
  const out: ConfigFinding[] = [];
  for (const s of scripts) {
    const m = decodeJsonString(s.raw, s.start);
    if (m) out.push(...analyzeShellScript(m, { cmd: true }));
  }
  return out;
}
