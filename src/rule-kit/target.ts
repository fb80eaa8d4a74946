/**
 * The target runtime of a linted file: the Node versions the code runs on, as a semver range.
 *
 * 1. `settings.tlsguard.node` (a semver range, e.g. `'>=20.19'`);
 * 2. else `engines.node` of the nearest package.json that declares one, from the linted file's
 *    directory up to the filesystem root;
 * 3. else the Node release lines still supported (`SUPPORTED_NODE_RANGE`, as of
 *    `SUPPORTED_NODE_AS_OF`, 2026-12-01: 22, 24 and 26).
 *
 * Version-dependent verdicts (which cipher suites exist, the default security level,
 * `tls.DEFAULT_MIN_VERSION`, removed APIs) are decided from it, never from the Node that runs ESLint.
 * The range is turned into one Node version per major it admits plus every version where a fact
 * of src/policy/node-releases.ts changes, so each stretch of identical facts is looked at once.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { semver } from './lazy-semver.js';
import { isNodeRange, parseNodeRange, setAdmits, setMinVersion } from './node-range.js';
import { tlsguardSettingsOf } from './settings.js';
import {
  FACT_BOUNDARIES,
  NEWEST_KNOWN_MAJOR,
  OLDEST_MODELLED,
  SUPPORTED_NODE_RANGE,
  compareNodeVersions,
  nodeFacts,
  parseNodeVersion,
  type NodeFacts,
  type NodeTarget,
} from '../policy/index.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const OLDEST = parseNodeVersion(OLDEST_MODELLED);

/** One version per modelled major (10 .. newest known + 1, the "later" stand-in) and every fact boundary. */
const CANDIDATES: readonly string[] = [...Array.from({ length: NEWEST_KNOWN_MAJOR + 2 - OLDEST[0] }, (_, i) => `${OLDEST[0] + i}.0.0`), ...FACT_BOUNDARIES];

const rangeCache = new Map<string, readonly NodeFacts[]>();

/**
 * A valid range read once: the lowest version of each `||` alternative that admits any (as `M.m.p`)
 * and a membership test. The common forms are read without semver (node-range.ts); anything else
 * goes to semver.
 */
function readRange(range: string): { minima: string[]; admits: (v: string) => boolean } {
  const sets = parseNodeRange(range);
  if (sets) {
    const minima = sets.map(setMinVersion).filter((v): v is string => v !== undefined);
    return { minima, admits: (v) => sets.some((set) => setAdmits(set, v)) };
  }
  const r = new (semver().Range)(range);
  const minima: string[] = [];
  for (const comparators of r.set) {
    const min = semver().minVersion(new (semver().Range)(comparators.map((c) => c.value).join(' ') || '*'));
    if (min) minima.push(min.version);
  }
  return { minima, admits: (v) => semver().satisfies(v, r) };
}

/**
 * The modelled Node versions a valid semver range admits, lowest first: one per major and per
 * stretch of identical facts. Ranges admitting only Node < 10 (OpenSSL 1.0.2, not modelled) get
 * Node 10's facts.
 */
export function versionsOfRange(range: string): readonly NodeFacts[] {
  const hit = rangeCache.get(range);
  if (hit) return hit;
  const { minima, admits } = readRange(range);
  // The lowest version of each `||` alternative, so `^20.19 || >=22.12` is looked at where it starts.
  const candidates = new Set([...CANDIDATES, ...minima]);
  const admitted = [...candidates]
    .filter((v) => admits(v) && compareNodeVersions(parseNodeVersion(v), OLDEST) >= 0)
    .map((v) => parseNodeVersion(v))
    .sort(compareNodeVersions);
  const seen = new Set<string>();
  const out: NodeFacts[] = [];
  for (const v of admitted) {
    const facts = nodeFacts(v);
    const key = JSON.stringify({ ...facts, version: v[0] });
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(facts);
  }
  const result = Object.freeze(out.length > 0 ? out : [nodeFacts(OLDEST)]);
  if (rangeCache.size > 256) rangeCache.clear();
  rangeCache.set(range, result);
  return result;
}

/** A target from a range; throws a clear error for a range semver cannot read. */
export function targetOfRange(range: string, source: NodeTarget['source'], where: string): NodeTarget {
  if (!isNodeRange(range)) {
    throw new Error(`eslint-plugin-tlsguard: ${where} must be a semver range of Node.js versions (such as ">=20.19"), got ${JSON.stringify(range)}`);
  }
  return { versions: versionsOfRange(range), range, source };
}

interface PackageEngines {
  readonly mtimeMs: number;
  readonly engines: string | undefined;
}
const packageCache = new Map<string, PackageEngines>();

/** `engines.node` of the package.json at `file`, or undefined when it has none; throws on unreadable JSON. */
function enginesOf(file: string): string | undefined {
  const { mtimeMs } = statSync(file);
  const hit = packageCache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.engines;
  let pkg: unknown;
  try {
    pkg = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`eslint-plugin-tlsguard: cannot read ${file} for its engines.node (set settings.tlsguard.node to skip it): ${(e as Error).message}`, {
      cause: e,
    });
  }
  const node = (pkg as { engines?: { node?: unknown } } | null)?.engines?.node;
  const engines = typeof node === 'string' && node.trim() !== '' ? node : undefined;
  packageCache.set(file, { mtimeMs, engines });
  return engines;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The nearest package.json (from `dir` up) that declares `engines.node`, with its range. */
export function nearestEngines(dir: string): { file: string; range: string } | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const file = join(d, 'package.json');
    if (isFile(file)) {
      const range = enginesOf(file);
      if (range !== undefined) return { file, range };
    }
    if (dirname(d) === d) return undefined;
  }
}

/** True when every Node version the target range admits is `version` (`M.m.p`) or later (the range's own minimum, below the modelled versions too). */
export function targetAtLeast(context: AnyContext, version: string): boolean {
  const { minima } = readRange(nodeTarget(context).range);
  const floor = parseNodeVersion(version);
  // A prerelease minimum (semver's reading of `>=20.0.0-rc.1`) is below any release, as semver compares it.
  return minima.length > 0 && minima.every((v) => !v.includes('-') && compareNodeVersions(parseNodeVersion(v), floor) >= 0);
}

/** The target runtime of the file being linted (see the module comment). */
export function nodeTarget(context: AnyContext): NodeTarget {
  // Validated with the other settings (settings.ts): a bad range stops the run naming the key.
  const raw = tlsguardSettingsOf(context.settings).node;
  if (raw !== undefined) return targetOfRange(raw, 'settings', 'settings.tlsguard.node');
  const filename = context.filename;
  const cwd = context.cwd;
  const file = isAbsolute(filename) ? filename : resolve(cwd, filename);
  const found = nearestEngines(dirname(file));
  if (found) return targetOfRange(found.range, 'engines', `engines.node in ${found.file}`);
  return targetOfRange(SUPPORTED_NODE_RANGE, 'supported', 'the supported Node range');
}
