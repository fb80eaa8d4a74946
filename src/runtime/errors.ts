import type { PolicyFinding } from '../policy/check.js';

/**
 * Thrown by {@link assertSecureTlsOptions} and by the secure factories when an option bag
 * contains an insecure TLS setting.
 *
 * It extends `TypeError` because the problem is a bad argument: code that already handles
 * `TypeError` from `tls.connect` keeps working.
 *
 * @example
 * ```ts
 * try {
 *   secureClientOptions({ host: 'example.com', rejectUnauthorized: false });
 * } catch (error) {
 *   if (error instanceof InsecureTlsOptionError) console.error(error.option, error.findings);
 * }
 * ```
 */
export class InsecureTlsOptionError extends TypeError {
  /** A stable code, in the style of Node's own `ERR_*` codes. */
  readonly code = 'ERR_TLSGUARD_INSECURE_OPTION';
  /** The name of the first insecure option (for example `'rejectUnauthorized'`). */
  readonly option: string;
  /** The value the first insecure option had. */
  readonly value: unknown;
  /** Every finding, first one first. Never empty. */
  readonly findings: readonly PolicyFinding[];

  /**
   * @param findings the policy findings; must contain at least one.
   * @param where a short prefix naming the caller (for example `'secureClientOptions'`).
   */
  constructor(findings: readonly PolicyFinding[], where = 'tlsguard') {
    const first = findings[0];
    if (first === undefined) {
      throw new RangeError('InsecureTlsOptionError needs at least one finding');
    }
    super(describeFindings(findings, where));
    this.name = 'InsecureTlsOptionError';
    this.option = first.option;
    this.value = first.value;
    this.findings = Object.freeze([...findings]);
  }
}

/** The way out, per option, for the first finding (the policy's message says what is wrong). */
const HINTS: Readonly<Record<string, string>> = {
  rejectUnauthorized:
    'To reach a server whose certificate comes from a private or self-signed CA, trust that CA instead (extraCa in the runtime factories, or ca to pin it).',
  minVersion: "Remove it to get the profile's minimum (TLSv1.2, or TLSv1.3 with the modern profile).",
  maxVersion: 'Remove it; the default maximum is TLSv1.3.',
  secureProtocol: 'Remove it and use minVersion/maxVersion.',
  ciphers: "Remove it to get the profile's list (forward-secret AEAD suites only).",
  minDHSize: 'Remove it (the factories use 2048) or raise it.',
  ecdhCurve: "Remove it to get the profile's groups.",
  sigalgs: "Remove it to use OpenSSL's default signature algorithms.",
  secureOptions: 'Remove the weakening flags.',
};

function describeFindings(findings: readonly PolicyFinding[], where: string): string {
  const [first, ...rest] = findings;
  if (first === undefined) return `${where}: insecure TLS options`;
  // Policy messages begin with the option and its value; make sure ours always name them too.
  const message = bounded(first.message, first.value);
  const named = message.includes(first.option) ? message : `${first.option}: ${formatValue(first.value)}: ${message}`;
  const hint = HINTS[first.option];
  let text = `${where}: insecure TLS option. ${named}${hint === undefined ? '' : ` ${hint}`}`;
  if (rest.length > 0) {
    const others = rest.map((f) => `${f.option}: ${formatValue(f.value)}`).join(', ');
    text += ` Also insecure: ${others}.`;
  }
  return text;
}

/** How many characters of a string value an error message quotes. */
export const QUOTE_LIMIT = 80;

/** `value` cut to {@link QUOTE_LIMIT} characters (with `...` when cut). */
function prefix(value: string): string {
  return value.length > QUOTE_LIMIT ? `${value.slice(0, QUOTE_LIMIT - 3)}...` : value;
}

/**
 * The policy's `message` with every full quotation of a long string `value` replaced by its
 * bounded prefix: a megabyte-long `ciphers` string must not become a megabyte-long message.
 */
function bounded(message: string, value: unknown): string {
  if (typeof value !== 'string' || value.length <= QUOTE_LIMIT) return message;
  return message.split(value).join(prefix(value));
}

/** A short, single-line rendering of an option value for error messages. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(prefix(value));
  if (typeof value === 'function') return '[function]';
  if (Buffer.isBuffer(value)) return `<Buffer ${value.length} bytes>`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${value.length} item${value.length === 1 ? '' : 's'}]`;
  }
  if (value === null || typeof value !== 'object') return String(value);
  return '{...}';
}
