import { describe, expect, it } from 'vitest';
import { LEGACY_NODE_VERSION, runOnLegacyNode, skipWithoutLegacyNode } from './legacy-node.js';

describe.skipIf(skipWithoutLegacyNode())('the legacy Node the Node <= 16 claims run on', () => {
  it(`is Node ${LEGACY_NODE_VERSION} with OpenSSL 1.1.1`, () => {
    const [node, openssl] = runOnLegacyNode('process.stdout.write(process.version + " " + process.versions.openssl)').split(' ');
    expect(node).toBe(`v${LEGACY_NODE_VERSION}`);
    expect(openssl).toMatch(/^1\.1\.1/);
  });
});
