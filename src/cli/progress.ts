/**
 * A one-line progress indicator on stderr, shown only when stderr is a terminal and not in CI
 * (`CI` set); otherwise every call is a no-op, so logs and pipes stay clean.
 */
import path from 'node:path';

export interface Writer {
  write(chunk: string): unknown;
}

export interface Progress {
  readonly enabled: boolean;
  start(total: number, label: string): void;
  /** `count` files starting with `file` are being linted. */
  update(file: string, count?: number): void;
  done(): void;
}

export function isCi(env: Readonly<Record<string, string | undefined>>): boolean {
  const ci = env.CI;
  return (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') || env.GITHUB_ACTIONS === 'true' || env.BUILD_NUMBER !== undefined;
}

export const silentProgress: Progress = { enabled: false, start: () => undefined, update: () => undefined, done: () => undefined };

export function createProgress(stderr: Writer, isTTY: boolean, env: Readonly<Record<string, string | undefined>>, cwd: string): Progress {
  if (!isTTY || isCi(env)) return silentProgress;
  let total = 0;
  let seen = 0;
  let label = '';
  let shown = false;
  const started = Date.now();
  const columns = 80;
  const draw = (file: string): void => {
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    const name = file ? path.relative(cwd, file) : '';
    const line = `${label} ${Math.min(seen, total)}/${total} (${secs}s) ${name}`;
    stderr.write(`\r${line.length > columns - 1 ? `${line.slice(0, columns - 2)}…` : line}\x1b[K`);
    shown = true;
  };
  return {
    enabled: true,
    start(n, text) {
      total = n;
      seen = 0;
      label = text;
      draw('');
    },
    update(file, count = 1) {
      seen += count;
      draw(file);
    },
    done() {
      if (shown) stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}
