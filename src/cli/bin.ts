#!/usr/bin/env node
/** The `tlsguard` executable: a thin shim over `run()`. */
import module from 'node:module';
import type { Writer } from './progress.js';

// As ESLint's own executable does: on Node >= 22.1 the compiled code of tlsguard, ESLint and
// typescript-eslint is cached on disk, so the next run (a pre-commit hook's) starts faster. It must
// run before those modules load, hence the dynamic import below. Node 20 has no such cache.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { run } = await import('./run.js');

/**
 * A reader that stops early (`tlsguard | head -1`) closes the pipe; the next write fails with EPIPE,
 * emitted as an `error` event that would otherwise crash with a stack trace. The output then ends
 * quietly (the exit code is still the scan's). Any other write error is one line on stderr, exit 2.
 */
function guarded(stream: NodeJS.WriteStream, name: string): Writer {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    const wasClosed = closed;
    closed = true;
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED' || wasClosed) return;
    process.exitCode = 2;
    if (stream !== process.stderr) stderr.write(`tlsguard: cannot write to ${name}: ${error.message}\n`);
  });
  return { write: (chunk: string) => (closed ? false : stream.write(chunk)) };
}

const stderr = guarded(process.stderr, 'stderr');
const stdout = guarded(process.stdout, 'stdout');

run(process.argv.slice(2), {
  stdout,
  stderr,
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stderr.isTTY === true,
  stdoutIsTTY: process.stdout.isTTY === true,
}).then(
  (code) => {
    process.exitCode = process.exitCode === 2 ? 2 : code;
  },
  (error: unknown) => {
    stderr.write(`tlsguard: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
