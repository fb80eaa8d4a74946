#!/usr/bin/env node
/**
 * Fetches the Node binaries that tests run on besides this Node (test/harness/legacy-node.ts), from
 * the npm registry's per-platform `node-<os>-<arch>` packages, into .cache/legacy-node/<version>/:
 * Node 16 (OpenSSL 1.1.1) for the legacy-runtime claims, and the releases around the change of the
 * `!TLS_` cipher split for test/policy/node-split-oracle.test.ts. The versions are pinned in
 * .ci/node-versions.json (the test harness reads the same file). Idempotent: an existing binary is kept.
 *
 * Why: the rules state facts about Node <= 16 (which cipher suites its OpenSSL 1.1.1 offers, what
 * its default security level lets through). Those claims are shown on that Node, not only on tables.
 * Exit 1 when the binary cannot be fetched (CI treats that as a failure, like a missing openssl).
 *
 * `node .ci/legacy-node.mjs 18.17.1 20.9.0 ...` fetches those versions instead. Fetching all six takes
 * about 15 s (about 90 MB each, cached).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pinned = JSON.parse(readFileSync(join(root, '.ci', 'node-versions.json'), 'utf8'));
const versions = process.argv.length > 2 ? process.argv.slice(2) : [pinned.legacy, ...pinned.splitOracle];

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
