import { describe, expect, it } from 'vitest';
import { refKey, resolveModuleRef } from '../../src/analysis/bindings.js';
import { init, withFile } from './harness.js';

/** The module export that `const target = …` denotes, as `module#path`. */
function refOf(code: string, filename = 'file.ts'): string | undefined {
  return withFile(
    code,
    (fc, ast) => {
      const ref = resolveModuleRef(fc, init(ast, 'target'));
      return ref && refKey(ref);
    },
    filename,
  );
}

describe('resolveModuleRef', () => {
  it.each([
    ["import tls from 'node:tls';\nconst target = tls.connect;", 'tls#connect'],
    ["import * as tls from 'tls';\nconst target = tls.connect;", 'tls#connect'],
    ["import { connect } from 'node:tls';\nconst target = connect;", 'tls#connect'],
    ["import { connect as open } from 'tls';\nconst target = open;", 'tls#connect'],
    ["import { default as https } from 'https';\nconst target = https.globalAgent.options;", 'https#globalAgent.options'],
    ["import * as tls from 'tls';\nconst target = tls.default.connect;", 'tls#connect'],
    ["import tls = require('node:tls');\nconst target = tls.TLSSocket;", 'tls#TLSSocket'],
    ["const { Agent } = await import('node:https');\nconst target = Agent;", 'https#Agent'],
    ['const target = process.env;', 'process#env'],
    ["import process from 'node:process';\nconst { env } = process;\nconst target = env;", 'process#env'],
    ["import tls from 'tls';\nconst c = tls.connect;\nconst target = c;", 'tls#connect'],
    ["const target = require('tls')['connect'];", 'tls#connect'],
  ])('%s', (code, expected) => {
    expect(refOf(code)).toBe(expected);
  });

  it.each([
    ["const tls = require('tls');\nconst target = tls.connect;", 'tls#connect'],
    ["const { connect } = require('node:tls');\nconst target = connect;", 'tls#connect'],
    ["const { connect: open } = require('tls');\nconst target = open;", 'tls#connect'],
    ["const { globalAgent: { options } } = require('https');\nconst target = options;", 'https#globalAgent.options'],
    ['const target = require(`node:http2`).connect;', 'http2#connect'],
  ])('CommonJS: %s', (code, expected) => {
    expect(refOf(code, 'file.js')).toBe(expected);
  });

  it.each([
    // The REPL's built-in module globals, when nothing in the file declares the name.
    ['const target = tls.DEFAULT_MIN_VERSION;', 'tls#DEFAULT_MIN_VERSION'],
    ['const target = https.globalAgent.options;', 'https#globalAgent.options'],
    ['const target = http2.connect;', 'http2#connect'],
  ])('undeclared module global: %s', (code, expected) => {
    expect(refOf(code, 'file.js')).toBe(expected);
  });

  it.each([
    // Shadowed, reassigned, type-only and computed references are not module exports.
    "import tls from 'tls';\nfunction f(tls: { connect: () => void }) { return tls.connect; }\nconst target = f;",
    "let tls = require('tls');\ntls = { connect() {} };\nconst target = tls.connect;",
    "import type { ConnectionOptions } from 'tls';\nconst target = {} as ConnectionOptions;",
    "import tls from 'tls';\ndeclare const k: string;\nconst target = (tls as any)[k];",
    'const target = require(process.env.MOD!);',
    'const process = { env: {} };\nconst target = process.env;',
    'const tls = { connect() {} };\nconst target = tls.connect;',
    // The global `crypto` is Web Crypto, not node:crypto.
    'const target = crypto.constants;',
  ])('not a module export: %s', (code) => {
    expect(refOf(code)).toBeUndefined();
  });
});
