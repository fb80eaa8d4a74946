/**
 * Type-checks many small programs at once with the TypeScript API (one Program, virtual files,
 * every file a module), against @types/node and the package's own runtime types.
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface VirtualFile {
  readonly name: string; // e.g. 'case-3-input.ts'
  readonly text: string;
}

export interface CheckResult {
  readonly syntax: readonly string[];
  readonly semantic: readonly string[];
}

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  allowJs: true,
  checkJs: true,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: ['node'],
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  paths: {
    'eslint-plugin-tlsguard/runtime': [`${root}src/runtime/index.ts`],
    'tlsguard-runtime': [`${root}src/runtime/index.ts`],
  },
};

function format(d: ts.Diagnostic): string {
  return `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
}

/** Diagnostics per virtual file. */
export function typecheck(files: readonly VirtualFile[]): Map<string, CheckResult> {
  const dir = `${root}test/.virtual/`;
  const byPath = new Map(files.map((f) => [dir + f.name, f.text]));
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = byPath.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    return getSourceFile(fileName, languageVersion, onError, shouldCreate);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => byPath.has(fileName) || fileExists(fileName);
  // The virtual directory need not exist on disk: module resolution between virtual files asks for it.
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (name) => `${name.replace(/\/?$/, '/')}` === dir || (directoryExists ? directoryExists(name) : true);
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => byPath.get(fileName) ?? readFile(fileName);
  const program = ts.createProgram([...byPath.keys()], options, host);
  const out = new Map<string, CheckResult>();
  for (const f of files) {
    const sf = program.getSourceFile(dir + f.name);
    if (!sf) throw new Error(`virtual file missing: ${f.name}`);
    out.set(f.name, {
      syntax: program.getSyntacticDiagnostics(sf).map(format),
      semantic: program.getSemanticDiagnostics(sf).map(format),
    });
  }
  return out;
}

/** Diagnostics in `after` that `before` does not have (as a multiset of messages). */
export function newDiagnostics(before: readonly string[], after: readonly string[]): string[] {
  const remaining = [...before];
  const added: string[] = [];
  for (const d of after) {
    const i = remaining.indexOf(d);
    if (i >= 0) remaining.splice(i, 1);
    else added.push(d);
  }
  return added;
}
