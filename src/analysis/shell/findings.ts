import type { EnvVerdict } from '../../policy/env.js';

/** What the config-file analysis finds: settings that turn TLS verification off or weaken TLS. */

export type ConfigFindingKind =
  /** `NODE_TLS_REJECT_UNAUTHORIZED=0` reaching a process. */
  | 'reject-unauthorized'
  /** A weak TLS flag inside `NODE_OPTIONS` (data: `flag`, `effect`). */
  | 'node-options'
  /** A weak TLS flag on `node`'s own command line (data: `flag`, `effect`). */
  | 'node-flag'
  /** npm/Yarn/pnpm registry verification off (data: `setting`, `tool`). */
  | 'strict-ssl'
  /** git's `http.sslVerify` off or `GIT_SSL_NO_VERIFY` (data: `setting`). */
  | 'git-ssl-verify'
  /** `curl -k` / `--insecure` (data: `flag`). */
  | 'curl-insecure'
  /** `wget --no-check-certificate` (data: `flag`). */
  | 'wget-insecure'
  /** A package manager's registry CA list replaced (data: `setting`, `tool`); strict only. */
  | 'replaced-roots';

export interface ConfigFinding {
  readonly kind: ConfigFindingKind;
  /** Offsets in the file: what is reported. */
  readonly range: readonly [number, number];
  readonly data: Readonly<Record<string, string>>;
  /**
   * Offsets in the file whose removal takes the setting away and leaves the rest working (the
   * word with the blanks after it, the line of an env file...). Absent where no such edit is safe.
   */
  readonly removal?: readonly [number, number];
}

/**
 * The finding of an environment verdict, reported at `range` (with the file's `text`, a flag in
 * `NODE_OPTIONS` is reported at the flag itself when it is written inside the range).
 */
export function envVerdictFinding(
  verdict: EnvVerdict,
  range: readonly [number, number],
  removal: readonly [number, number] | undefined,
  text?: string,
): ConfigFinding {
  const r = removal ? { removal } : {};
  if (verdict.kind === 'node-options' && text !== undefined) {
    const at = text.indexOf(verdict.flag, range[0]);
    if (at >= 0 && at < range[1]) {
      let end = at + verdict.flag.length;
      while (end < range[1] && !/[\s"'`]/.test(text[end] ?? ' ')) end++;
      return { kind: verdict.kind, range: [at, end], data: { flag: verdict.flag, effect: verdict.effect }, ...r };
    }
  }
  switch (verdict.kind) {
    case 'reject-unauthorized':
      return { kind: verdict.kind, range, data: {}, ...r };
    case 'node-options':
      return { kind: verdict.kind, range, data: { flag: verdict.flag, effect: verdict.effect }, ...r };
    case 'strict-ssl':
      return { kind: verdict.kind, range, data: { setting: verdict.setting, tool: verdict.tool }, ...r };
    case 'git-ssl-verify':
      return { kind: verdict.kind, range, data: { setting: verdict.setting }, ...r };
  }
}
