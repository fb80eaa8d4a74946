#!/usr/bin/env node
/**
 * Fetches the Node 16 binary (OpenSSL 1.1.1) that the legacy-runtime claim tests run on
 * (test/harness/legacy-node.ts), from the npm registry's per-platform `node-<os>-<arch>` packages,
 * into .cache/legacy-node/. Idempotent: an existing binary of the pinned version is kept.
 *
 * Why: the rules state facts about Node <= 16 (which cipher suites its OpenSSL 1.1.1 offers, what
 * its default security level lets through). Those claims are shown on that Node, not only on tables.
 * Exit 1 when the binary cannot be fetched (CI treats that as a failure, like a missing openssl).
 *
 * `node .ci/legacy-node.mjs 18.17.1 20.9.0 ...` fetches those versions instead, into
 * .cache/legacy-node/<version>/ (test/policy/node-split-oracle.test.ts uses the ones present; CI
 * fetches only the default).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LEGACY_NODE_VERSION = '16.20.2';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const versions = process.argv.length > 2 ? process.argv.slice(2) : [LEGACY_NODE_VERSION];

function fetch(version, target) {
  const pkg = `node-${process.platform}-${process.arch}@${version}`;
  const dir = join(root, '.cache', 'legacy-node');
  mkdirSync(dir, { recursive: true });
  const tmp = mkdtempSync(join(dir, 'tmp-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const file = execFileSync(npm, ['pack', pkg, '--silent', '--pack-destination', tmp], { encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['xzf', join(tmp, file), '-C', tmp, 'package/bin/node']);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(join(tmp, 'package', 'bin', 'node'), target);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

for (const version of versions) {
  if (!/^\d+\.\d+\.\d+$/.test(version)) {
    console.error(`error: not a Node version: ${version}`);
    process.exit(1);
  }
  const target = join(root, '.cache', 'legacy-node', version, 'node');
  if (!existsSync(target)) {
    try {
      fetch(version, target);
    } catch (error) {
      console.error(`error: could not fetch Node ${version} for the legacy-runtime tests: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    }
  }
  const found = execFileSync(target, ['-p', 'process.version + " " + process.versions.openssl'], { encoding: 'utf8' }).trim();
  console.log(`legacy Node: ${target} (${found})`);
}
