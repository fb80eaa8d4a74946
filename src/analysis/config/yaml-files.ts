/**
 * The YAML kinds: compose files (`services.*.environment`, `build.args`, `command`, `entrypoint`),
 * GitHub Actions workflows (`env` at workflow, job, container, service and step level; `run` steps
 * with the shell that runs them), GitLab CI (`variables` at top and job level; `before_script` and
 * `script` as one shell session) and Yarn 2+'s `.yarnrc.yml` (`enableStrictSsl`, `caFilePath`, also
 * per host under `networkSettings`). Parsed with the `yaml` package, whose node ranges give exact
 * offsets; a scalar's characters are aligned with its source (quotes, escapes, block indentation),
 * so a finding inside a multi-line `run: |` is reported on its own line.
 */
import { createRequire } from 'node:module';
import type { Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { judgeEnvSetting } from '../../policy/env.js';
import { disablesStrictSsl, replacesRegistryRoots } from '../../policy/tools.js';
import { analyzeArgv, analyzeShellScript, type ShellOptions, type SourceWord } from '../shell/commands.js';
import { envVerdictFinding, type ConfigFinding } from '../shell/findings.js';
import { compose, MappedTextBuilder, sourceRange, type MappedText } from '../shell/mapped-text.js';
import { tokenize, type Word } from '../shell/tokenize.js';
import type { ConfigFileKind } from './kinds.js';

// The yaml package is loaded on the first YAML file, not when the plugin is imported (most lint
// runs, JS only, never need it; it costs about 45 ms of CPU to load).
let yamlModule: typeof import('yaml') | undefined;
const Y = (): typeof import('yaml') => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
const isAlias = (n: unknown): n is import('yaml').Alias => Y().isAlias(n);
const isMap = (n: unknown): n is YAMLMap => Y().isMap(n);
const isPair = (n: unknown): n is Pair => Y().isPair(n);
const isScalar = (n: unknown): n is Scalar => Y().isScalar(n);
const isSeq = (n: unknown): n is YAMLSeq => Y().isSeq(n);

export type YamlKind = Extract<ConfigFileKind, 'compose' | 'github-actions' | 'gitlab-ci' | 'yarnrc-yml'>;

export interface ParsedYaml {
  readonly text: string;
  readonly documents: readonly Document.Parsed[];
  readonly error: { readonly message: string; readonly offset: number } | undefined;
}

export function parseYaml(text: string): ParsedYaml {
  const docs = Y().parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false });
  const documents = Array.isArray(docs) ? docs : [];
  const first = documents.flatMap((d) => d.errors)[0];
  return { text, documents, error: first ? { message: first.message.split('\n')[0] ?? first.message, offset: first.pos[0] } : undefined };
}

type AnyNode = Node | null | undefined;

class Walker {
  readonly out: ConfigFinding[] = [];
  private readonly seen = new Set<string>();
  constructor(
    readonly text: string,
    readonly doc: Document.Parsed,
  ) {}

  resolve(node: unknown): AnyNode {
    let n = node as AnyNode;
    for (let k = 0; k < 8 && n && isAlias(n); k++) n = n.resolve(this.doc) as AnyNode;
    return n;
  }

  get(map: AnyNode, key: string): AnyNode {
    const m = this.resolve(map);
    if (!isMap(m)) return undefined;
    for (const item of m.items) if (isScalar(item.key) && item.key.value === key) return this.resolve(item.value);
    return undefined;
  }

  pairs(map: AnyNode): Pair<Scalar, AnyNode>[] {
    const m = this.resolve(map);
    if (!isMap(m)) return [];
    return m.items.filter((p): p is Pair<Scalar, AnyNode> => isScalar(p.key) && typeof p.key.value === 'string');
  }

  items(seq: AnyNode): AnyNode[] {
    const s = this.resolve(seq);
    return isSeq(s) ? s.items.map((i) => this.resolve(i)) : [];
  }

  push(f: ConfigFinding): void {
    const key = `${f.kind}:${f.range[0]}:${f.range[1]}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.out.push(f);
  }

  /** A scalar's value as a string setting: plain scalars by their text (`0` is "0", `false` is "false"). */
  settingValue(node: AnyNode): string | undefined {
    if (!isScalar(node) || !node.range) return undefined;
    if (node.value === null) return undefined;
    if (node.type === 'PLAIN') return this.text.slice(node.range[0], node.range[1]);
    return typeof node.value === 'string' ? node.value : undefined;
  }

  /** The text of a string scalar, each character mapped to its place in the file. */
  mapped(node: AnyNode): MappedText | undefined {
    if (!isScalar(node) || !node.range || typeof node.value !== 'string') return undefined;
    return alignScalar(node.value, this.text, node.range[0], node.range[1], node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
  }

  /** Lines to delete to remove `node` (a pair or a sequence item) from its block collection. */
  removalOf(start: number, valueEnd: number): readonly [number, number] | undefined {
    let end = valueEnd;
    while (end > start && /\s/.test(this.text[end - 1]!)) end--;
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    if (this.text.slice(lineStart, start).trim() !== '' && this.text.slice(lineStart, start).trim() !== '-') return undefined;
    let lineEnd = this.text.indexOf('\n', end);
    if (lineEnd < 0) lineEnd = this.text.length;
    if (!/^\s*(?:#.*)?$/.test(this.text.slice(end, lineEnd))) return undefined;
    return [lineStart, Math.min(lineEnd + 1, this.text.length)];
  }

  /** `env:`-style maps and `KEY=value` lists (compose `environment`, `build.args`). */
  env(node: AnyNode, parent: Pair | undefined): void {
    const n = this.resolve(node);
    const only = (isMap(n) || isSeq(n)) && n.items.length === 1;
    const parentRemoval = (): readonly [number, number] | undefined => {
      const pk = parent?.key as AnyNode;
      return pk?.range && n?.range ? this.removalOf(pk.range[0], n.range[1]) : undefined;
    };
    if (isMap(n)) {
      for (const p of this.pairs(n)) {
        const value = this.settingValue(p.value);
        if (value === undefined || value.includes('$')) continue;
        const verdict = judgeEnvSetting(String(p.key.value), value);
        const keyRange = p.key.range;
        const valueRange = (p.value as AnyNode)?.range;
        if (!verdict || !keyRange || !valueRange) continue;
        const removal = only ? parentRemoval() : this.removalOf(keyRange[0], valueRange[1]);
        this.push(envVerdictFinding(verdict, [keyRange[0], valueRange[1]], removal, this.text));
      }
    } else if (isSeq(n)) {
      for (const item of n.items) {
        const i = this.resolve(item);
        if (!isScalar(i) || typeof i.value !== 'string' || !i.range) continue;
        const m = /^([^=]+)=(.*)$/s.exec(i.value);
        if (!m || m[2]!.includes('$')) continue;
        const verdict = judgeEnvSetting(m[1]!, m[2]!);
        if (!verdict) continue;
        const removal = only ? parentRemoval() : this.removalOf(i.range[0], i.range[1]);
        this.push(envVerdictFinding(verdict, [i.range[0], i.range[1]], removal, this.text));
      }
    }
  }

  script(node: AnyNode, options: ShellOptions): void {
    const m = this.mapped(node);
    if (m) for (const f of analyzeShellScript(m, options)) this.push(f);
  }

  /** compose `command:`/`entrypoint:`: a list is the argument vector; a string is split into words without a shell. */
  argv(node: AnyNode): void {
    const n = this.resolve(node);
    let words: SourceWord[] = [];
    if (isSeq(n)) {
      for (const item of this.items(n)) {
        const value =
          isScalar(item) && item.range
            ? (this.mapped(item) ??
              (item.value !== null && typeof item.value !== 'object'
                ? alignScalar(String(item.value), this.text, item.range[0], item.range[1], false)
                : undefined))
            : undefined;
        words.push({ range: item?.range ? [item.range[0], item.range[1]] : [0, 0], value });
      }
    } else {
      const m = this.mapped(n);
      if (!m) return;
      const { tokens, error } = tokenize(m.text, { operators: false });
      if (error) return;
      words = tokens
        .filter((t): t is Word => t.kind === 'word')
        .map((w) => ({ range: sourceRange(m, w.start, w.end), value: w.value ? compose(w.value, m) : undefined }));
    }
    for (const f of analyzeArgv(words)) this.push(f);
  }
}

function compose_(w: Walker, root: AnyNode): void {
  for (const svc of w.pairs(w.get(root, 'services'))) {
    const service = w.resolve(svc.value);
    const envPair = pairOf(w, service, 'environment');
    if (envPair) w.env(envPair.value as AnyNode, envPair);
    const build = w.get(service, 'build');
    const argsPair = pairOf(w, build, 'args');
    if (argsPair) w.env(argsPair.value as AnyNode, argsPair);
    for (const key of ['command', 'entrypoint']) {
      const c = w.get(service, key);
      if (c) w.argv(c);
    }
  }
}

function pairOf(w: Walker, map: AnyNode, key: string): Pair | undefined {
  const m = w.resolve(map);
  if (!isMap(m)) return undefined;
  return (m as YAMLMap).items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

function envAt(w: Walker, map: AnyNode, key = 'env'): void {
  const p = pairOf(w, map, key);
  if (p) w.env(p.value as AnyNode, p);
}

function shellOf(w: Walker, node: AnyNode): string | undefined {
  const s = w.get(w.get(w.get(node, 'defaults'), 'run'), 'shell');
  return isScalar(s) && typeof s.value === 'string' ? s.value : undefined;
}

function githubActions(w: Walker, root: AnyNode): void {
  envAt(w, root);
  const workflowShell = shellOf(w, root);
  for (const jobPair of w.pairs(w.get(root, 'jobs'))) {
    const job = w.resolve(jobPair.value);
    envAt(w, job);
    envAt(w, w.get(job, 'container'));
    for (const svc of w.pairs(w.get(job, 'services'))) envAt(w, w.resolve(svc.value));
    const runsOn = w.get(job, 'runs-on');
    const runsOnText = runsOn?.range ? w.text.slice(runsOn.range[0], runsOn.range[2]) : '';
    const strategy = w.get(job, 'strategy');
    const strategyRange = strategy?.range;
    const maybeWindows =
      /windows/i.test(runsOnText) || (/\$\{\{/.test(runsOnText) && !!strategyRange && /windows/i.test(w.text.slice(strategyRange[0], strategyRange[2])));
    const jobShell = shellOf(w, job) ?? workflowShell;
    for (const step of w.items(w.get(job, 'steps'))) {
      envAt(w, step);
      const run = w.get(step, 'run');
      if (!run) continue;
      const stepShell = w.get(step, 'shell');
      const shell = (isScalar(stepShell) && typeof stepShell.value === 'string' ? stepShell.value : undefined) ?? jobShell;
      // Default: bash on Linux and macOS runners, pwsh on Windows.
      const program = (shell ?? (maybeWindows ? 'pwsh' : 'bash')).trim().split(/\s+/)[0] ?? '';
      if (program === 'bash' || program === 'sh') w.script(run, { githubEnv: true });
      else if (program === 'cmd') w.script(run, { githubEnv: true, cmd: true });
    }
  }
}

const GITLAB_KEYWORDS = new Set([
  'default',
  'include',
  'stages',
  'variables',
  'workflow',
  'image',
  'services',
  'cache',
  'before_script',
  'after_script',
  'spec',
  'pages',
]);

function gitlabVariables(w: Walker, map: AnyNode): void {
  const p = pairOf(w, map, 'variables');
  if (!p) return;
  const vars = w.resolve(p.value as AnyNode);
  // `NAME: { value: "0", description: … }` is the expanded form.
  for (const v of w.pairs(vars)) {
    const inner = w.resolve(v.value);
    if (isMap(inner)) {
      const value = w.get(inner, 'value');
      const text = w.settingValue(value);
      const verdict = text === undefined || text.includes('$') ? undefined : judgeEnvSetting(String(v.key.value), text);
      if (verdict && v.key.range && value?.range) w.push(envVerdictFinding(verdict, [v.key.range[0], value.range[1]], undefined, w.text));
    }
  }
  w.env(vars, p);
}

/** The lines of a GitLab script (a string, or a list of strings and nested lists) as one script. */
function gitlabScript(w: Walker, nodes: AnyNode[]): MappedText | undefined {
  const b = new MappedTextBuilder();
  const add = (n: AnyNode): void => {
    const r = w.resolve(n);
    if (isSeq(r)) for (const i of (r as YAMLSeq).items) add(i as AnyNode);
    else {
      const m = w.mapped(r);
      if (!m) return;
      for (let k = 0; k < m.text.length; k++) b.push(m.text[k]!, m.offsets[k]!);
      b.push('\n', m.offsets[m.text.length] ?? 0);
    }
  };
  for (const n of nodes) if (n) add(n);
  return b.length > 0 ? b.finish(0) : undefined;
}

function gitlabCi(w: Walker, root: AnyNode): void {
  gitlabVariables(w, root);
  const defaults = w.get(root, 'default');
  for (const job of w.pairs(root)) {
    const name = String(job.key.value);
    if (GITLAB_KEYWORDS.has(name)) continue;
    const j = w.resolve(job.value);
    if (!isMap(j)) continue;
    gitlabVariables(w, j);
    const before = w.get(j, 'before_script') ?? w.get(defaults, 'before_script') ?? w.get(root, 'before_script');
    const script = gitlabScript(w, [before, w.get(j, 'script')]);
    if (script) for (const f of analyzeShellScript(script)) w.push(f);
    const after = gitlabScript(w, [w.get(j, 'after_script')]);
    if (after) for (const f of analyzeShellScript(after)) w.push(f);
  }
}

function yarnrcYml(w: Walker, root: AnyNode): void {
  const check = (map: AnyNode): void => {
    for (const p of w.pairs(map)) {
      const key = String(p.key.value);
      const value = w.settingValue(p.value);
      const vr = (p.value as AnyNode)?.range;
      if (value === undefined || !p.key.range || !vr) continue;
      const range: [number, number] = [p.key.range[0], vr[1]];
      const setting = `${key}: ${value}`;
      const removal = w.removalOf(range[0], range[1]);
      if (disablesStrictSsl('yarn', key, value)) w.push({ kind: 'strict-ssl', range, data: { setting, tool: 'yarn' }, ...(removal ? { removal } : {}) });
      else if (key === 'caFilePath' && replacesRegistryRoots('yarn', key, value)) w.push({ kind: 'replaced-roots', range, data: { setting, tool: 'yarn' } });
    }
  };
  check(root);
  for (const host of w.pairs(w.get(root, 'networkSettings'))) check(host.value);
}

export function yamlFindings(kind: YamlKind, parsed: ParsedYaml): ConfigFinding[] {
  const out: ConfigFinding[] = [];
  for (const doc of parsed.documents) {
    const w = new Walker(parsed.text, doc);
    const root = w.resolve(doc.contents);
    if (kind === 'compose') compose_(w, root);
    else if (kind === 'github-actions') githubActions(w, root);
    else if (kind === 'gitlab-ci') gitlabCi(w, root);
    else yarnrcYml(w, root);
    out.push(...w.out);
  }
  return out.sort((a, b) => a.range[0] - b.range[0]);
}

/**
 * Maps each character of a scalar's `value` to the source `[start, end)`: equal characters are
 * matched in order, skipping what the value does not contain (quotes, escapes, indentation, the
 * line breaks of folding); a character that cannot be found keeps the current place. A block
 * scalar's content starts after its header line.
 */
export function alignScalar(value: string, text: string, start: number, end: number, block: boolean): MappedText {
  let p = start;
  if (block) {
    const nl = text.indexOf('\n', start);
    p = nl < 0 || nl >= end ? end : nl + 1;
  }
  const b = new MappedTextBuilder();
  for (const c of value) {
    let q = p;
    while (q < end && text[q] !== c && (/\s/.test(text[q]!) || text[q] === '"' || text[q] === "'" || text[q] === '\\')) q++;
    if (q < end && text[q] === c) {
      b.push(c, q);
      p = q + 1;
    } else if ((c === ' ' || c === '\n') && q < end) {
      // Folding: a line break (and indentation) became this blank.
      b.push(c, p);
      p = q;
    } else b.push(c, Math.min(p, Math.max(start, end - 1)));
  }
  return b.finish(p);
}
