/**
 * The versions of a library the linted code runs with, as the nearest package.json (from the linted
 * file's directory up) declares them: `dependencies`, `optionalDependencies`, `peerDependencies` and
 * `devDependencies`. Used for options a library stopped reading (puppeteer 23 and
 * `ignoreHTTPSErrors`): such an option is inert only when every range written for the library admits
 * only the new versions. A package.json that does not name the library, a range semver cannot read
 * (`workspace:*`, a git URL, `latest`) or an unreadable file proves nothing.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { semver } from './lazy-semver.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies', 'devDependencies'] as const;

interface Manifest {
  readonly mtimeMs: number;
  /** Every range written for each dependency name, over the four fields; undefined for unreadable JSON. */
  readonly ranges: ReadonlyMap<string, readonly string[]> | undefined;
}
const manifestCache = new Map<string, Manifest>();

function rangesOf(file: string): ReadonlyMap<string, readonly string[]> | undefined {
  const { mtimeMs } = statSync(file);
  const hit = manifestCache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.ranges;
  let ranges: Map<string, string[]> | undefined;
  try {
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
    ranges = new Map();
    for (const field of FIELDS) {
      const deps = pkg?.[field];
      if (!deps || typeof deps !== 'object') continue;
      for (const [name, range] of Object.entries(deps as Record<string, unknown>)) {
        const list = ranges.get(name) ?? [];
        // A non-string entry is unreadable: it counts as a range that proves nothing.
        list.push(typeof range === 'string' ? range : '');
        ranges.set(name, list);
      }
    }
  } catch {
    ranges = undefined;
  }
  manifestCache.set(file, { mtimeMs, ranges });
  return ranges;
}

function nearestManifest(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const file = join(d, 'package.json');
    try {
      if (statSync(file).isFile()) return file;
    } catch {
      // none here
    }
    if (dirname(d) === d) return undefined;
  }
}

/** The ranges the nearest package.json writes for `name` (empty when it names it nowhere, undefined without a readable one). */
export function dependencyRanges(context: AnyContext, name: string): readonly string[] | undefined {
  const file = isAbsolute(context.filename) ? context.filename : resolve(context.cwd, context.filename);
  const manifest = nearestManifest(dirname(file));
  const ranges = manifest ? rangesOf(manifest) : undefined;
  return ranges ? (ranges.get(name) ?? []) : undefined;
}

/** True when the nearest package.json names `name` and every range it writes admits only `version` (`M.m.p`) or later. */
export function dependencyAtLeast(context: AnyContext, name: string, version: string): boolean {
  const ranges = dependencyRanges(context, name);
  if (!ranges || ranges.length === 0) return false;
  const { minVersion, satisfies, validRange } = semver();
  return ranges.every((range) => {
    if (range.trim() === '' || validRange(range) === null) return false;
    const min = minVersion(range);
    // A prerelease minimum (`^23.0.0-rc.1`) is below the release, as semver compares it.
    return min !== null && satisfies(min.version, `>=${version}`);
  });
}
