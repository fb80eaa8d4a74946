/**
 * The Node 16 binary (OpenSSL 1.1.1) that claims about Node <= 16 run on. `.ci/legacy-node.mjs`
 * (run by .ci/run, or `npm run legacy-node`) fetches it into .cache/legacy-node/; the
 * TLSGUARD_LEGACY_NODE environment variable points elsewhere. Outside CI a missing binary skips
 * those tests with a warning; in CI (CI=true) it is a failure, never a skip.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Node versions `.ci/legacy-node.mjs` fetches (pinned in .ci/node-versions.json). */
const PINNED = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '.ci', 'node-versions.json'), 'utf8')) as {
  readonly legacy: string;
  readonly splitOracle: readonly string[];
};
export const LEGACY_NODE_VERSION = PINNED.legacy;
/** The releases around the change of the `!TLS_` cipher split (test/policy/node-split-oracle.test.ts). */
export const SPLIT_ORACLE_VERSIONS = PINNED.splitOracle;

/** Where `.ci/legacy-node.mjs` puts the binary of `version`. */
const cachePath = (version: string): string => join(import.meta.dirname, '..', '..', '.cache', 'legacy-node', version, 'node');

const fromEnv = process.env['TLSGUARD_LEGACY_NODE'];
const cached = cachePath(LEGACY_NODE_VERSION);

/** Path of the legacy Node binary, or undefined when it is not there. */
export const LEGACY_NODE: string | undefined = fromEnv && existsSync(fromEnv) ? fromEnv : existsSync(cached) ? cached : undefined;

const IN_CI = process.env['CI'] === 'true';
const warned = new Set<string>();

/** A missing binary: an error in CI (its tests must run there), else one warning that `tests` skip. */
function missingBinary(version: string, tests: string): void {
  if (IN_CI) throw new Error(`Node ${version} for ${tests} is missing in CI: run \`node .ci/legacy-node.mjs\``);
  if (!warned.has(version)) console.warn(`Node ${version} is missing, so ${tests} skip (run \`npm run legacy-node\`; CI fetches it).`);
  warned.add(version);
}

/** True when legacy-Node tests must skip (outside CI, binary missing). In CI a missing binary is an error. */
export function skipWithoutLegacyNode(): boolean {
  if (LEGACY_NODE) return false;
  missingBinary(LEGACY_NODE_VERSION, 'the Node <= 16 claim tests');
  return true;
}

/** Runs `script` (CommonJS source) on the legacy Node (or on `binary`) and returns its stdout. */
export function runOnLegacyNode(script: string, input?: string, binary: string | undefined = LEGACY_NODE): string {
  if (!binary) throw new Error('legacy Node is missing');
  return execFileSync(binary, ['-e', script], { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
}

/**
 * The Node binary of `version` fetched into .cache/legacy-node/<version>/ by `.ci/legacy-node.mjs`
 * (every version of .ci/node-versions.json). Outside CI a missing one is undefined (its tests skip,
 * with a warning); in CI it is an error, never a skip.
 */
export function cachedNode(version: string): string | undefined {
  const path = cachePath(version);
  if (existsSync(path)) return path;
  missingBinary(version, 'its tests');
  return undefined;
}

/**
 * Starts `script` (CommonJS source) on the legacy Node without blocking this process, so the test's
 * own loopback servers can answer it: resolves its stdout, stderr and exit code. `args` go before
 * `-e` (Node flags), `env` replaces the environment.
 */
export function spawnOnLegacyNode(
  script: string,
  options: { args?: readonly string[]; env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<{ stdout: string; stderr: string; code: number | null }> {
  if (!LEGACY_NODE) return Promise.reject(new Error('legacy Node is missing'));
  const binary = LEGACY_NODE;
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...(options.args ?? []), '-e', script], { env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(options.input ?? '');
  });
}
