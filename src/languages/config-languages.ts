/**
 * ESLint languages for the config files that have none of their own: env files, Dockerfiles,
 * YAML (compose, GitHub Actions, GitLab CI, .yarnrc.yml), .npmrc and .yarnrc. package.json uses
 * @eslint/json's language. Each parses the whole file into one root node, `ConfigFile`, that carries
 * the parsed file; `tlsguard/no-insecure-tls-config` listens to it. A file that does not parse is
 * one parse error (ESLint reports it as a fatal message for that file, and lints the others).
 *
 * Lines and columns are 1-based (as in @eslint/json). Inline directives are read from `#` comments
 * (`;` too in .npmrc) that fill a line, or end one after a blank: `# eslint-disable-next-line
 * tlsguard/no-insecure-tls-config -- why`, `# eslint-disable` … `# eslint-enable`,
 * `… # eslint-disable-line`, and `# eslint rule: off` configuration comments.
 */
import { ConfigCommentParser, Directive, TextSourceCodeBase, VisitNodeStep } from '@eslint/plugin-kit';
import {
  configFileKind,
  parseDockerfile,
  parseYaml,
  type ConfigFileKind,
  type ConfigLanguage,
  type ParsedDockerfile,
  type ParsedYaml,
} from '../analysis/config/index.js';

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface ConfigFileNode {
  readonly type: 'ConfigFile';
  /** undefined for a YAML file that is not one of the known kinds: nothing in it is judged. */
  readonly kind: ConfigFileKind | undefined;
  readonly range: [number, number];
  readonly loc: { readonly start: Position; readonly end: Position };
  readonly text: string;
  readonly dockerfile?: ParsedDockerfile;
  readonly yaml?: ParsedYaml;
}

interface FileLike {
  readonly body: string | Uint8Array;
  readonly path: string;
}

type ParseResult = { ok: true; ast: ConfigFileNode } | { ok: false; errors: { message: string; line: number; column: number }[] };

function position(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** A comment that may hold an ESLint directive. */
export interface ConfigComment {
  readonly type: 'Comment';
  /** The text after the comment character. */
  readonly value: string;
  readonly range: [number, number];
  readonly loc: { readonly start: Position; readonly end: Position };
}

const commentParser = new ConfigCommentParser();
const DIRECTIVE = /(?:^[ \t]*|[ \t])[#;]([ \t]*eslint(?:-disable|-enable|-disable-line|-disable-next-line)?(?:[ \t].*)?)$/;

/** Comments that start with `eslint` (the only ones ESLint reads) and fill or end a line. */
function directiveComments(text: string, semicolon: boolean): ConfigComment[] {
  const out: ConfigComment[] = [];
  let lineNo = 0;
  let start = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    const body = line.replace(/\r$/, '');
    const m = DIRECTIVE.exec(body);
    if (m && (semicolon || body[m.index + m[0].indexOf(m[1]!) - 1] === '#')) {
      const value = m[1]!;
      const at = start + body.length - value.length - 1;
      const column = at - start + 1;
      out.push({
        type: 'Comment',
        value,
        range: [at, start + body.length],
        loc: { start: { line: lineNo, column }, end: { line: lineNo, column: body.length + 1 } },
      });
    }
    start += line.length + 1;
  }
  return out;
}

export class ConfigSourceCode extends TextSourceCodeBase<{
  LangOptions: Record<string, unknown>;
  RootNode: ConfigFileNode;
  SyntaxElementWithLoc: ConfigFileNode;
  ConfigNode: never;
}> {
  readonly visitorKeys = { ConfigFile: [] };
  private comments: ConfigComment[] | undefined;
  constructor({ text, ast }: { text: string; ast: ConfigFileNode }) {
    super({ text, ast });
  }

  getInlineConfigNodes(): ConfigComment[] {
    this.comments ??= directiveComments(this.text, this.ast.kind === 'npmrc');
    return this.comments;
  }

  getDisableDirectives(): { problems: { ruleId: null; message: string; loc: ConfigComment['loc'] }[]; directives: Directive[] } {
    const directives: Directive[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const { label, value, justification } = commentParser.parseDirective(comment.value) ?? { label: '', value: '', justification: '' };
      if (label === 'eslint-disable' || label === 'eslint-enable' || label === 'eslint-disable-line' || label === 'eslint-disable-next-line') {
        directives.push(new Directive({ type: label.slice('eslint-'.length) as 'disable', node: comment, value, justification }));
      }
    }
    return { problems: [], directives };
  }

  applyInlineConfig(): {
    configs: { config: { rules: Record<string, unknown> }; loc: ConfigComment['loc'] }[];
    problems: { ruleId: null; message: string; loc: ConfigComment['loc'] }[];
  } {
    const configs: { config: { rules: Record<string, unknown> }; loc: ConfigComment['loc'] }[] = [];
    const problems: { ruleId: null; message: string; loc: ConfigComment['loc'] }[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (parsed?.label !== 'eslint') continue;
      const result = commentParser.parseJSONLikeConfig(parsed.value);
      if (result.ok) configs.push({ config: { rules: result.config as Record<string, unknown> }, loc: comment.loc });
      else problems.push({ ruleId: null, message: result.error.message, loc: comment.loc });
    }
    return { configs, problems };
  }
  override *traverse(): Iterable<VisitNodeStep> {
    yield new VisitNodeStep({ target: this.ast, phase: 1, args: [this.ast, undefined] });
    yield new VisitNodeStep({ target: this.ast, phase: 2, args: [this.ast, undefined] });
  }
}

const KIND_OF_LANGUAGE: Record<Exclude<ConfigLanguage, 'json' | 'yaml'>, ConfigFileKind> = {
  dotenv: 'dotenv',
  dockerfile: 'dockerfile',
  npmrc: 'npmrc',
  yarnrc: 'yarnrc',
};

const YAML_KINDS: readonly ConfigFileKind[] = ['compose', 'github-actions', 'gitlab-ci', 'yarnrc-yml'];

function makeLanguage(language: Exclude<ConfigLanguage, 'json'>) {
  return {
    fileType: 'text' as const,
    lineStart: 1 as const,
    columnStart: 1 as const,
    nodeTypeKey: 'type',
    visitorKeys: { ConfigFile: [] },
    defaultLanguageOptions: {},
    /** YAML only: `{ kind: 'compose' | 'github-actions' | 'gitlab-ci' | 'yarnrc-yml' }` when the file name does not tell. */
    validateLanguageOptions(options: Record<string, unknown>): void {
      for (const key of Object.keys(options)) {
        if (key !== 'kind' || language !== 'yaml') throw new TypeError(`Unexpected language option "${key}" for tlsguard/${language}.`);
      }
      if (options.kind !== undefined && !YAML_KINDS.includes(options.kind as ConfigFileKind)) {
        throw new TypeError(`Key "languageOptions": Key "kind": expected one of ${YAML_KINDS.join(', ')}.`);
      }
    },
    parse(file: FileLike, context?: { languageOptions?: Record<string, unknown> }): ParseResult {
      const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
      const root = {
        type: 'ConfigFile' as const,
        range: [0, text.length] as [number, number],
        loc: { start: { line: 1, column: 1 }, end: position(text, text.length) },
        text,
      };
      const fail = (message: string, offset: number): ParseResult => {
        const at = position(text, offset);
        return { ok: false, errors: [{ message, line: at.line, column: at.column }] };
      };
      if (language === 'dockerfile') {
        const dockerfile = parseDockerfile(text);
        if (dockerfile.error) return fail(`Dockerfile: ${dockerfile.error.message}`, dockerfile.error.offset);
        return { ok: true, ast: { ...root, kind: 'dockerfile', dockerfile } };
      }
      if (language === 'yaml') {
        const yaml = parseYaml(text);
        if (yaml.error) return fail(`YAML: ${yaml.error.message}`, yaml.error.offset);
        const option = context?.languageOptions?.kind as ConfigFileKind | undefined;
        const byName = configFileKind(file.path)?.kind;
        const kind = option ?? (byName && YAML_KINDS.includes(byName) ? byName : undefined);
        return { ok: true, ast: { ...root, kind, yaml } };
      }
      return { ok: true, ast: { ...root, kind: KIND_OF_LANGUAGE[language] } };
    },
    createSourceCode(file: FileLike, parsed: { ast: ConfigFileNode }): ConfigSourceCode {
      return new ConfigSourceCode({ text: parsed.ast.text, ast: parsed.ast });
    },
  };
}

/** The plugin's languages, by name (`tlsguard/dotenv`, …). */
export const languages = {
  dotenv: makeLanguage('dotenv'),
  dockerfile: makeLanguage('dockerfile'),
  yaml: makeLanguage('yaml'),
  npmrc: makeLanguage('npmrc'),
  yarnrc: makeLanguage('yarnrc'),
};
