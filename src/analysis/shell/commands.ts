/**
 * What a shell script or a program's argument vector does to TLS: environment assignments that
 * reach a process (`VAR=0 cmd`, `export VAR=0` before a command, `env VAR=0 cmd`,
 * `cross-env VAR=0 cmd`, cmd.exe's `set VAR=0&&`, `echo VAR=0 >> $GITHUB_ENV`), `node`'s own TLS
 * flags, and the commands that switch verification off in npm, Yarn, pnpm, git, curl and wget.
 *
 * Two entry points: `analyzeShellScript` for text a shell runs (package.json scripts, Dockerfile
 * `RUN` in shell form, CI `run:`/`script:`), and `analyzeArgv` for a program started without a
 * shell (Dockerfile exec form, compose `command:`), where `VAR=0 node` is a program named `VAR=0`
 * and sets nothing. `sh -c '…'` and `bash -c '…'` in either are analysed as the script they run.
 */
import { judgeEnvSetting, weakCipherListFlag, weakTlsFlag, type EnvVerdict } from '../../policy/env.js';
import {
  CURL_INSECURE_LONG,
  CURL_INSECURE_SHORT,
  CURL_LONG_WITH_VALUE,
  CURL_SHORT_WITH_VALUE,
  WGET_NO_CHECK,
  disablesStrictSsl,
  gitFalse,
  isGitSslVerifyKey,
  replacesRegistryRoots,
  type PackageManager,
} from '../../policy/tools.js';
import type { ConfigFinding } from './findings.js';
import { compose, sourceRange, type MappedText } from './mapped-text.js';
import { tokenize, type Redirect, type Token, type Word } from './tokenize.js';

/** One argument as a program receives it, with where it is written in the file. */
export interface SourceWord {
  /** File offsets of the word as written. */
  readonly range: readonly [number, number];
  /** The value, mapped to file offsets; undefined when not known statically. */
  readonly value: MappedText | undefined;
  /** File offsets of the word and the blanks next to it: removing them drops just this word. */
  readonly removal?: readonly [number, number];
}

export interface ShellOptions {
  /**
   * The script may run under Windows cmd.exe (npm runs scripts with cmd.exe on Windows), so
   * `set VAR=0&& cmd` sets `VAR` to `0` (cmd keeps everything up to the `&&`, blanks included).
   */
  readonly cmd?: boolean;
  /** The script is a GitHub Actions step: `echo VAR=0 >> $GITHUB_ENV` sets VAR for later steps. */
  readonly githubEnv?: boolean;
}

const MAX_DEPTH = 4;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);
/** Node options that take their value as the next word when written without `=` (`node --help`, Node 20). */
const NODE_OPTIONS_WITH_VALUE = new Set([
  '-C',
  '-e',
  '-p',
  '-r',
  '--allow-fs-read',
  '--allow-fs-write',
  '--build-snapshot-config',
  '--conditions',
  '--cpu-prof-dir',
  '--cpu-prof-interval',
  '--cpu-prof-name',
  '--diagnostic-dir',
  '--disable-proto',
  '--disable-warning',
  '--dns-result-order',
  '--env-file',
  '--env-file-if-exists',
  '--eval',
  '--experimental-default-type',
  '--experimental-loader',
  '--experimental-policy',
  '--experimental-sea-config',
  '--heap-prof-dir',
  '--heap-prof-interval',
  '--heap-prof-name',
  '--heapsnapshot-near-heap-limit',
  '--heapsnapshot-signal',
  '--icu-data-dir',
  '--import',
  '--input-type',
  '--inspect-port',
  '--inspect-publish-uid',
  '--loader',
  '--max-http-header-size',
  '--network-family-autoselection-attempt-timeout',
  '--openssl-config',
  '--policy-integrity',
  '--print',
  '--redirect-warnings',
  '--report-dir',
  '--report-filename',
  '--report-signal',
  '--require',
  '--secure-heap',
  '--secure-heap-min',
  '--snapshot-blob',
  '--test-concurrency',
  '--test-name-pattern',
  '--test-reporter',
  '--test-reporter-destination',
  '--test-shard',
  '--test-timeout',
  '--title',
  '--tls-cipher-list',
  '--tls-keylog',
  '--trace-event-categories',
  '--trace-event-file-pattern',
  '--unhandled-rejections',
  '--use-largepages',
  '--v8-pool-size',
  '--watch-path',
]);

const text = (w: SourceWord | undefined): string | undefined => w?.value?.text;

/** The program a word names: its file name without the directory and a Windows extension. */
function programName(w: SourceWord | undefined): string | undefined {
  const t = text(w);
  if (t === undefined) return undefined;
  return t.replace(/^.*[/\\]/, '').replace(/\.(?:exe|cmd|bat)$/i, '');
}

/** The finding of an environment verdict on `word` (`NAME=value`, the value starting at `valueStart`). */
function envFinding(verdict: EnvVerdict, word: SourceWord, valueStart: number, removal: boolean): ConfigFinding {
  const base = removal && word.removal ? { removal: word.removal } : {};
  if (verdict.kind === 'node-options') {
    // Point at the flag inside the value when it can be found there.
    const value = word.value;
    const at = value ? value.text.indexOf(verdict.flag, valueStart) : -1;
    const end = value && at >= 0 ? at + (/^\S*/.exec(value.text.slice(at))?.[0].length ?? verdict.flag.length) : -1;
    const range = value && at >= 0 ? sourceRange(value, at, end) : word.range;
    return { kind: 'node-options', range, data: { flag: verdict.flag, effect: verdict.effect }, ...base };
  }
  if (verdict.kind === 'reject-unauthorized') return { kind: 'reject-unauthorized', range: word.range, data: {}, ...base };
  if (verdict.kind === 'strict-ssl') return { kind: 'strict-ssl', range: word.range, data: { setting: verdict.setting, tool: verdict.tool }, ...base };
  return { kind: 'git-ssl-verify', range: word.range, data: { setting: verdict.setting }, ...base };
}

/** `NAME=value` as a program (env, cross-env) reads it from its arguments. */
function argAssignment(word: SourceWord): { name: string; value: string; valueStart: number } | undefined {
  const t = text(word);
  const m = t === undefined ? null : ASSIGNMENT.exec(t);
  return m && t !== undefined ? { name: m[1] as string, value: t.slice(m[0].length), valueStart: m[0].length } : undefined;
}

function judgeArgAssignment(word: SourceWord, out: ConfigFinding[]): void {
  const a = argAssignment(word);
  const verdict = a && judgeEnvSetting(a.name, a.value);
  if (a && verdict) out.push(envFinding(verdict, word, a.valueStart, true));
}

/**
 * What a program started with `words` (program first) does, as far as it is known: the findings
 * go to `out`. Without a shell: quoting has already been removed from the words.
 */
export function analyzeArgv(words: readonly SourceWord[], depth = 0): ConfigFinding[] {
  const out: ConfigFinding[] = [];
  analyzeCommand(words, out, depth);
  return out;
}

function analyzeCommand(words: readonly SourceWord[], out: ConfigFinding[], depth: number): void {
  if (words.length === 0 || depth > MAX_DEPTH) return;
  const name = programName(words[0]);
  const rest = words.slice(1);
  switch (name) {
    case 'env':
      return analyzeEnv(rest, out, depth);
    case 'cross-env':
    case 'cross-env-shell': {
      let i = 0;
      while (i < rest.length && argAssignment(rest[i] as SourceWord)) judgeArgAssignment(rest[i++] as SourceWord, out);
      return analyzeCommand(rest.slice(i), out, depth + 1);
    }
    case 'exec':
    case 'nohup':
    case 'time':
      return analyzeCommand(skipOptions(rest, new Set()), out, depth + 1);
    case 'command': {
      const t = text(rest[0]);
      if (t === '-v' || t === '-V') return;
      return analyzeCommand(skipOptions(rest, new Set()), out, depth + 1);
    }
    case 'nice':
      return analyzeCommand(skipOptions(rest, new Set(['-n', '--adjustment'])), out, depth + 1);
    case 'sudo': {
      let r = skipOptions(rest, new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-R', '-r', '-t', '-T', '-U']));
      while (r.length > 0 && argAssignment(r[0] as SourceWord)) {
        judgeArgAssignment(r[0] as SourceWord, out);
        r = r.slice(1);
      }
      return analyzeCommand(r, out, depth + 1);
    }
    case 'npx':
      return analyzeCommand(skipOptions(rest, new Set(['-p', '--package', '--cache', '--userconfig'])), out, depth + 1);
    case 'node':
    case 'nodejs':
      return analyzeNode(rest, out);
    case 'npm':
    case 'pnpm':
    case 'yarn':
      return analyzePackageManager(name, rest, out, depth);
    case 'git':
      return analyzeGit(rest, out);
    case 'curl':
      return analyzeCurl(rest, out);
    case 'wget':
      for (const w of rest) {
        const t = text(w);
        if (t === '--') break;
        if (t === WGET_NO_CHECK) out.push({ kind: 'wget-insecure', range: w.range, data: { flag: t }, ...(w.removal ? { removal: w.removal } : {}) });
      }
      return;
    default:
      if (name !== undefined && SHELLS.has(name)) analyzeShellArgs(rest, out, depth);
  }
}

/** Drops leading `-x` options (and the value of those in `withValue`) and a `--`. */
function skipOptions(words: readonly SourceWord[], withValue: ReadonlySet<string>): readonly SourceWord[] {
  let i = 0;
  while (i < words.length) {
    const t = text(words[i]);
    if (t === undefined) return [];
    if (t === '--') return words.slice(i + 1);
    if (!t.startsWith('-') || t === '-') break;
    i += withValue.has(t) ? 2 : 1;
  }
  return words.slice(i);
}

function analyzeEnv(words: readonly SourceWord[], out: ConfigFinding[], depth: number): void {
  let i = 0;
  while (i < words.length) {
    const t = text(words[i]);
    if (t === undefined) return;
    if (t === '--') {
      i++;
      break;
    }
    if (t === '-S' || t.startsWith('--split-string')) return;
    if (t.startsWith('-') && t !== '-') {
      i += t === '-u' || t === '--unset' || t === '-C' || t === '--chdir' ? 2 : 1;
      continue;
    }
    if (t === '-') {
      i++;
      continue;
    }
    break;
  }
  while (i < words.length && argAssignment(words[i] as SourceWord)) judgeArgAssignment(words[i++] as SourceWord, out);
  analyzeCommand(words.slice(i), out, depth + 1);
}

/** `sh -c 'script'`, `bash -ec "script"`: the script's own findings. */
function analyzeShellArgs(words: readonly SourceWord[], out: ConfigFinding[], depth: number): void {
  let command = false;
  for (let i = 0; i < words.length; i++) {
    const t = text(words[i]);
    if (t === undefined) return;
    if (t === '--' || (!t.startsWith('-') && !t.startsWith('+'))) {
      const script = command ? words[t === '--' ? i + 1 : i] : undefined;
      if (script?.value) out.push(...analyzeShellScript(script.value, {}, depth + 1));
      return;
    }
    if (/^-[A-Za-z]*c[A-Za-z]*$/.test(t)) command = true;
    if (t === '-o' || t === '+o') i++;
  }
}

/** `node [options] [script] [args]`: Node's options stop at the script (or `--`); `-e`/`-p` take code and go on. */
function analyzeNode(words: readonly SourceWord[], out: ConfigFinding[]): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as SourceWord;
    const t = text(w);
    if (t === undefined || t === '--' || !t.startsWith('-') || t === '-') return;
    const removal = w.removal ? { removal: w.removal } : {};
    const hit = weakTlsFlag(t) ?? weakCipherListFlag(t);
    if (hit) {
      out.push({ kind: 'node-flag', range: w.range, data: { flag: hit.flag, effect: hit.effect }, ...removal });
      continue;
    }
    if (NODE_OPTIONS_WITH_VALUE.has(t)) {
      const value = words[i + 1];
      const v = text(value);
      // `--tls-cipher-list LIST`, `--tls-keylog FILE`: the flag and its value, as two words.
      const joined = v === undefined ? undefined : (weakTlsFlag(`${t}=${v}`) ?? weakCipherListFlag(`${t}=${v}`));
      if (joined && value) {
        const end = value.range[1];
        const both = w.removal && value.removal ? { removal: [w.removal[0], value.removal[1]] as const } : {};
        out.push({ kind: 'node-flag', range: [w.range[0], end], data: { flag: joined.flag, effect: joined.effect }, ...both });
      }
      i++;
    }
  }
}

/**
 * `npm config set strict-ssl false`, `npm set strict-ssl=false`, `yarn config set strict-ssl false`
 * (Yarn 1), `yarn config set enableStrictSsl false` (Yarn 2+), `pnpm config set strict-ssl false`,
 * and npm's and pnpm's `--strict-ssl=false` / `--no-strict-ssl` on any command; `npm exec`/`pnpm
 * exec`/`pnpm dlx` run their command.
 */
function analyzePackageManager(tool: PackageManager, words: readonly SourceWord[], out: ConfigFinding[], depth: number): void {
  const positional: SourceWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as SourceWord;
    const t = text(w);
    if (t === undefined) return;
    if (t === '--') {
      if (positional.length > 0 && ['exec', 'x', 'dlx'].includes(text(positional[0]) ?? '')) analyzeCommand(words.slice(i + 1), out, depth + 1);
      break;
    }
    if (tool !== 'yarn' && (t === '--strict-ssl=false' || t === '--no-strict-ssl')) {
      out.push({ kind: 'strict-ssl', range: w.range, data: { setting: t, tool }, ...(w.removal ? { removal: w.removal } : {}) });
      continue;
    }
    if (t.startsWith('-')) continue;
    positional.push(w);
    if (tool !== 'npm' && positional.length === 1 && (t === 'exec' || t === 'dlx')) return analyzeCommand(words.slice(i + 1), out, depth + 1);
  }
  const sub = positional.map(text);
  const setAt = sub[0] === 'config' && sub[1] === 'set' ? 2 : tool === 'npm' && sub[0] === 'set' ? 1 : -1;
  if (setAt < 0) return;
  const args = positional.slice(setAt);
  for (let i = 0; i < args.length; i++) {
    const w = args[i] as SourceWord;
    const t = text(w) ?? '';
    const eq = t.indexOf('=');
    let key: string;
    let value: string | undefined;
    let range = w.range;
    if (tool !== 'yarn' && eq > 0) {
      key = t.slice(0, eq);
      value = t.slice(eq + 1);
    } else {
      key = t;
      const v = args[i + 1];
      value = text(v);
      if (v) range = [w.range[0], v.range[1]];
      i++;
    }
    if (value === undefined) continue;
    const setting = `${tool} config set ${key} ${value}`;
    if (disablesStrictSsl(tool, key, value)) out.push({ kind: 'strict-ssl', range, data: { setting, tool } });
    else if (replacesRegistryRoots(tool, key, value)) out.push({ kind: 'replaced-roots', range, data: { setting, tool } });
    if (tool === 'yarn') break;
  }
}

/** `git config [--global…] http.sslVerify false`, `git config set …`, and `git -c http.sslVerify=false <command>`. */
function analyzeGit(words: readonly SourceWord[], out: ConfigFinding[]): void {
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i] as SourceWord;
    const t = text(w);
    if (t === undefined) return;
    if (t === '-c') {
      const v = words[i + 1];
      const kv = text(v);
      const eq = kv?.indexOf('=') ?? -1;
      if (v && kv !== undefined && eq > 0 && isGitSslVerifyKey(kv.slice(0, eq)) && gitFalse(kv.slice(eq + 1))) {
        out.push({ kind: 'git-ssl-verify', range: [w.range[0], v.range[1]], data: { setting: `git -c ${kv}` } });
      }
      i++;
      continue;
    }
    if (t === '-C' || t === '--git-dir' || t === '--work-tree' || t === '--namespace') {
      i++;
      continue;
    }
    if (!t.startsWith('-')) break;
  }
  if (text(words[i]) !== 'config') return;
  const positional: SourceWord[] = [];
  for (let j = i + 1; j < words.length; j++) {
    const w = words[j] as SourceWord;
    const t = text(w);
    if (t === undefined) return;
    if (/^--(?:get|unset|remove|rename|list|edit|get-regexp|get-all|get-urlmatch|show)/.test(t) || t === '-l' || t === '-e') return;
    if (t === '-f' || t === '--file' || t === '--blob' || t === '--type' || t === '--default' || t === '--comment') {
      j++;
      continue;
    }
    if (t.startsWith('-')) continue;
    positional.push(w);
  }
  const args = text(positional[0]) === 'set' ? positional.slice(1) : positional;
  const [keyWord, valueWord] = args;
  const key = text(keyWord);
  const value = text(valueWord);
  if (args.length === 2 && keyWord && valueWord && key !== undefined && value !== undefined && isGitSslVerifyKey(key) && gitFalse(value)) {
    out.push({ kind: 'git-ssl-verify', range: [keyWord.range[0], valueWord.range[1]], data: { setting: `git config ${key} ${value}` } });
  }
}

/** `curl -k`, `curl -sSk`, `curl --insecure`; the last of `--insecure`/`--no-insecure` wins. */
function analyzeCurl(words: readonly SourceWord[], out: ConfigFinding[]): void {
  let last: { w: SourceWord; flag: string; whole: boolean } | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as SourceWord;
    const t = text(w);
    if (t === undefined) continue;
    if (t === CURL_INSECURE_LONG) last = { w, flag: t, whole: true };
    else if (t === '--no-insecure') last = undefined;
    else if (t.startsWith('--')) {
      if (CURL_LONG_WITH_VALUE.has(t)) i++;
    } else if (/^-[A-Za-z0-9#:]+$/.test(t)) {
      for (let k = 1; k < t.length; k++) {
        const c = t[k] as string;
        if (c === CURL_INSECURE_SHORT) last = { w, flag: '-k', whole: t === '-k' };
        if (CURL_SHORT_WITH_VALUE.has(c)) {
          if (k === t.length - 1) i++;
          break;
        }
      }
    }
  }
  if (last)
    out.push({ kind: 'curl-insecure', range: last.w.range, data: { flag: last.flag }, ...(last.whole && last.w.removal ? { removal: last.w.removal } : {}) });
}

interface SimpleCommand {
  readonly assignments: readonly Word[];
  readonly words: readonly Word[];
  readonly redirects: readonly Redirect[];
  /** Input index where the command's terminator starts (or the end of the input). */
  readonly end: number;
  /** `(` before it opens a subshell; `)` after closes one. */
  readonly opens: number;
  readonly closes: number;
}

const RESERVED_TRANSPARENT = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}', 'esac', 'time']);

function splitCommands(tokens: readonly Token[], inputLength: number): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let assignments: Word[] = [];
  let words: Word[] = [];
  let redirects: Redirect[] = [];
  let opens = 0;
  const flush = (end: number, closes: number): void => {
    if (assignments.length > 0 || words.length > 0 || redirects.length > 0 || opens > 0 || closes > 0) {
      commands.push({ assignments, words, redirects, end, opens, closes });
    }
    assignments = [];
    words = [];
    redirects = [];
    opens = 0;
  };
  for (const t of tokens) {
    if (t.kind === 'op') {
      if (t.op === '(') {
        flush(t.start, 0);
        opens++;
      } else flush(t.start, t.op === ')' ? 1 : 0);
      continue;
    }
    if (t.kind === 'redirect') {
      redirects.push(t);
      continue;
    }
    if (words.length === 0 && assignments.length === 0 && !t.quoted && RESERVED_TRANSPARENT.has(t.raw)) continue;
    if (words.length === 0 && t.assignment) assignments.push(t);
    else words.push(t);
  }
  flush(inputLength, 0);
  return commands;
}

/** Builtins that run no program, so an exported variable reaches nothing through them. */
const NO_CHILD = new Set(['export', 'unset', 'set', 'readonly', 'declare', 'typeset', 'local', 'true', ':', 'cd', 'echo', 'shift']);

/**
 * The findings of a shell script (`script` maps its text to file offsets). A script the shell
 * would refuse (an unterminated quote) has none.
 */
export function analyzeShellScript(script: MappedText, options: ShellOptions = {}, depth = 0): ConfigFinding[] {
  if (depth > MAX_DEPTH) return [];
  const input = script.text;
  const { tokens, error } = tokenize(input);
  if (error) return [];
  const out: ConfigFinding[] = [];
  const toSource = (w: Word, withRemoval = true): SourceWord => {
    let removal: [number, number] | undefined;
    if (withRemoval) {
      let end = w.end;
      while (end < input.length && (input[end] === ' ' || input[end] === '\t')) end++;
      let start = w.start;
      if (end === w.end) while (start > 0 && (input[start - 1] === ' ' || input[start - 1] === '\t')) start--;
      removal = end > w.end || start < w.start ? sourceRange(script, start, end) : undefined;
    }
    return { range: sourceRange(script, w.start, w.end), value: w.value ? compose(w.value, script) : undefined, ...(removal ? { removal } : {}) };
  };

  interface Scope {
    readonly exported: Map<string, true>;
    readonly unexported: Map<string, ConfigFinding>;
    /** Exported settings that no program has received yet. */
    readonly pending: { readonly name: string; readonly finding: ConfigFinding }[];
    allexport: boolean;
  }
  const scopes: Scope[] = [{ exported: new Map(), unexported: new Map(), pending: [], allexport: false }];
  const scope = (): Scope => scopes[scopes.length - 1] as Scope;
  const assignmentFinding = (w: Word, removal: boolean): ConfigFinding | undefined => {
    if (!w.assignment || !w.value) return undefined;
    const verdict = judgeEnvSetting(w.assignment.name, w.value.text.slice(w.assignment.valueStart));
    return verdict && envFinding(verdict, toSource(w, removal), w.assignment.valueStart, removal);
  };
  const runsProgram = (): void => {
    for (const s of scopes) out.push(...s.pending.splice(0).map((p) => p.finding));
  };

  for (const c of splitCommands(tokens, input.length)) {
    for (let k = 0; k < c.opens; k++) {
      const s = scope();
      scopes.push({ exported: new Map(s.exported), unexported: new Map(s.unexported), pending: [], allexport: s.allexport });
    }
    const name = c.words[0]?.value?.text;
    if (c.words.length === 0) {
      // `VAR=0` alone: a shell variable, exported only by `set -a` or an `export VAR` (before or after).
      for (const a of c.assignments) {
        const finding = assignmentFinding(a, false);
        const s = scope();
        s.unexported.delete(a.assignment?.name ?? '');
        if (!finding) continue;
        const varName = a.assignment?.name ?? '';
        if (s.allexport || s.exported.has(varName)) s.pending.push({ name: varName, finding });
        else s.unexported.set(varName, finding);
      }
    } else if (name === 'export' && c.assignments.length === 0) {
      for (const w of c.words.slice(1)) {
        const s = scope();
        if (w.assignment) {
          s.exported.set(w.assignment.name, true);
          const finding = assignmentFinding(w, false);
          if (finding) s.pending.push({ name: w.assignment.name, finding });
        } else if (w.value && /^[A-Za-z_][A-Za-z0-9_]*$/.test(w.value.text)) {
          s.exported.set(w.value.text, true);
          const earlier = s.unexported.get(w.value.text);
          if (earlier) s.pending.push({ name: w.value.text, finding: earlier });
          s.unexported.delete(w.value.text);
        }
      }
    } else if (name === 'unset') {
      for (const w of c.words.slice(1)) {
        const v = w.value?.text;
        if (v === undefined) continue;
        for (const s of scopes) {
          s.unexported.delete(v);
          const keep = s.pending.filter((p) => p.name !== v);
          s.pending.splice(0, s.pending.length, ...keep);
        }
      }
    } else if (name === 'set' && c.assignments.length === 0) {
      const arg = c.words[1];
      const flag = arg?.value?.text;
      if (flag === '-a' || (flag === '-o' && c.words[2]?.value?.text === 'allexport')) scope().allexport = true;
      else if (flag === '+a' || (flag === '+o' && c.words[2]?.value?.text === 'allexport')) scope().allexport = false;
      else if (options.cmd && arg) cmdSet(arg, c.end);
    } else {
      if (!NO_CHILD.has(name ?? '')) runsProgram();
      for (const a of c.assignments) {
        const finding = assignmentFinding(a, true);
        if (finding) out.push(finding);
      }
      if (options.githubEnv) githubEnv(c);
      analyzeCommand(
        c.words.map((w) => toSource(w)),
        out,
        depth,
      );
    }
    for (let k = 0; k < c.closes && scopes.length > 1; k++) scopes.pop();
  }
  return out;

  /** cmd.exe's `set NAME=value` / `set "NAME=value"`: the value runs to the operator, blanks included. */
  function cmdSet(arg: Word, end: number): void {
    const raw = input.slice(arg.start, end);
    const m = /^"([A-Za-z_][A-Za-z0-9_]*)=(.*)"[^"]*$/s.exec(raw) ?? /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(raw);
    if (!m) return;
    const verdict = judgeEnvSetting(m[1] as string, m[2] as string);
    if (!verdict) return;
    const word: SourceWord = { range: sourceRange(script, arg.start, arg.end), value: undefined };
    scope().pending.push({ name: m[1] as string, finding: envFinding(verdict, word, 0, false) });
  }

  /** `echo "NAME=value" >> $GITHUB_ENV`: the variable is set for the job's later steps. */
  function githubEnv(c: SimpleCommand): void {
    if (c.words[0]?.value?.text !== 'echo' || c.words.length !== 2) return;
    if (!c.redirects.some((r) => r.op === '>>' && /^"?\$\{?GITHUB_ENV\}?"?$/.test(r.target?.raw ?? ''))) return;
    const w = c.words[1] as Word;
    const t = w.value?.text;
    const m = t === undefined ? null : ASSIGNMENT.exec(t);
    if (!m || t === undefined) return;
    const verdict = judgeEnvSetting(m[1] as string, t.slice(m[0].length));
    if (verdict) out.push(envFinding(verdict, toSource(w, false), m[0].length, false));
  }
}
