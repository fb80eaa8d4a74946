/**
 * After `--fix --fix-style factory`: the factory suggestions import the runtime package into
 * application code, so it must be a production dependency (a devDependency is gone after
 * `npm prune --omit=dev`, and the app then fails with ERR_MODULE_NOT_FOUND). For every changed
 * file that imports `tlsguard-runtime`, the nearest package.json gets it in `dependencies`, at
 * this release's exact version. The lockfile is the package manager's: it is left alone and a
 * line says how to update it. A project whose `runtimeModule` is its own wrapper imports the
 * wrapper, not the package, and is left alone.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
// Leaf modules only: the rule kit itself is inside the bundled plugin (dist/eslint-plugin.js).
import { DEFAULT_RUNTIME_MODULE } from '../rule-kit/runtime-module.js';
import { PACKAGE_VERSION } from '../rule-kit/version.js';

const importsOf = (specifier: string): RegExp => new RegExp(String.raw`(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)(['"])${specifier}\1`);
const IMPORTS_RUNTIME = importsOf(DEFAULT_RUNTIME_MODULE);
/** The plugin's re-export: works, but the plugin is a devDependency in most projects. */
const LEGACY_RUNTIME = 'eslint-plugin-tlsguard/runtime';
const IMPORTS_LEGACY = importsOf(LEGACY_RUNTIME);

/** The runtime package's version: the one installed beside the plugin, else this release's. */
export function runtimeVersion(): string {
  try {
    const file = createRequire(import.meta.url).resolve(`${DEFAULT_RUNTIME_MODULE}/package.json`);
    const version = (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version;
    if (typeof version === 'string') return version;
  } catch {
    // not installed beside the plugin (a linked checkout): the release versions are the same
  }
  return PACKAGE_VERSION;
}

/** The nearest package.json at or above `dir`, or undefined. */
function nearestPackageJson(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    const candidate = path.join(current, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}

const LOCKFILES: ReadonlyArray<readonly [string, string]> = [
  ['pnpm-lock.yaml', 'pnpm install'],
  ['yarn.lock', 'yarn install'],
  ['bun.lock', 'bun install'],
  ['bun.lockb', 'bun install'],
  ['package-lock.json', 'npm install'],
  ['npm-shrinkwrap.json', 'npm install'],
];

/** The install command of the package manager whose lockfile is nearest to `dir` (npm when none). */
function installCommand(dir: string): string {
  for (let current = dir; ; current = path.dirname(current)) {
    for (const [file, command] of LOCKFILES) if (existsSync(path.join(current, file))) return command;
    if (path.dirname(current) === current) return 'npm install';
  }
}

/**
 * Adds the runtime package to `dependencies` where `changedFiles` need it. Returns one line per
 * package.json touched (or that could not be), for the user.
 */
export function addRuntimeDependencies(changedFiles: Iterable<string>, root: string): string[] {
  const manifests = new Set<string>();
  const orphans: string[] = [];
  const legacy: string[] = [];
  for (const file of changedFiles) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (IMPORTS_LEGACY.test(text)) legacy.push(path.relative(root, file) || file);
    if (!IMPORTS_RUNTIME.test(text)) continue;
    const manifest = nearestPackageJson(path.dirname(file));
    if (manifest === undefined) orphans.push(path.relative(root, file) || file);
    else manifests.add(manifest);
  }
  const version = runtimeVersion();
  const lines: string[] = [];
  for (const manifest of manifests) lines.push(...addTo(manifest, version, root));
  if (orphans.length > 0) {
    lines.push(
      `${orphans.join(', ')} now import ${DEFAULT_RUNTIME_MODULE}, but no package.json was found above them: add "${DEFAULT_RUNTIME_MODULE}": "${version}" to the dependencies of the project that runs them`,
    );
  }
  if (legacy.length > 0) {
    lines.push(
      `${legacy.join(', ')} import ${LEGACY_RUNTIME} (settings.tlsguard.runtimeModule): that module is in the plugin, which is gone after \`npm prune --omit=dev\` when it is a devDependency. Set runtimeModule to ${DEFAULT_RUNTIME_MODULE} (or remove the setting) and add ${DEFAULT_RUNTIME_MODULE} to dependencies`,
    );
  }
  return lines;
}

function addTo(manifest: string, version: string, root: string): string[] {
  const shown = path.relative(root, manifest) || manifest;
  const text = readFileSync(manifest, 'utf8');
  let pkg: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    pkg = parsed as Record<string, unknown>;
  } catch (error) {
    return [`${shown} could not be read as JSON (${(error as Error).message}); add "${DEFAULT_RUNTIME_MODULE}": "${version}" to its dependencies by hand`];
  }
  if (pkg.name === DEFAULT_RUNTIME_MODULE) return [];
  const dependencies = objectField(pkg, 'dependencies');
  if (dependencies !== undefined && typeof dependencies[DEFAULT_RUNTIME_MODULE] === 'string') return [];
  const devDependencies = objectField(pkg, 'devDependencies');
  const fromDev = devDependencies?.[DEFAULT_RUNTIME_MODULE];
  const range = typeof fromDev === 'string' ? fromDev : version;
  if (devDependencies !== undefined && fromDev !== undefined) delete devDependencies[DEFAULT_RUNTIME_MODULE];
  pkg.dependencies = { ...(dependencies ?? {}), [DEFAULT_RUNTIME_MODULE]: range };

  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = JSON.stringify(pkg, null, indent).replace(/\n/g, eol);
  writeFileSync(manifest, /\r?\n$/.test(text) ? body + eol : body);
  const moved = fromDev !== undefined ? ' (moved from devDependencies)' : '';
  return [
    `added "${DEFAULT_RUNTIME_MODULE}": "${range}" to dependencies in ${shown}${moved}: the factory fixes import it at run time. ` +
      `The lockfile is not updated: run \`${installCommand(path.dirname(manifest))}\`.`,
  ];
}

function objectField(pkg: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const value = pkg[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
