/**
 * `settings.tlsguard`, the plugin's shared settings: one schema (`SETTINGS`), checked once per
 * settings object from every rule's `create()` (see create-rule.ts). An invalid value or an
 * unknown key throws, as ESLint does for invalid rule options: the lint run stops with a message
 * naming each bad key, what it expects and, for a near miss, the likely spelling.
 *
 * To add a setting, add one entry to `SETTINGS`: its default and its `parse` (a value, or a
 * problem saying what is expected). `TlsguardSettings` and the messages follow from it.
 */
import { isNodeRange } from './node-range.js';
import type { ProfileName } from '../policy/index.js';
import { DEFAULT_RUNTIME_MODULE } from './runtime-module.js';

/** The runtime package (a production dependency; the plugin keeps `eslint-plugin-tlsguard/runtime` as a re-export). */
export { DEFAULT_RUNTIME_MODULE };

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly expected: string; readonly hint?: string };

export interface SettingSpec<T> {
  readonly default: T;
  /** The value of a key that is present (not `undefined`). */
  parse(value: unknown): Parsed<T>;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });

const PROFILE_NAMES: readonly ProfileName[] = ['intermediate', 'modern'];

function oneOf<T extends string>(allowed: readonly T[]): (value: unknown) => Parsed<T> {
  return (value) => {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return ok(value as T);
    const near = typeof value === 'string' ? nearest(value, allowed) : undefined;
    return { ok: false, expected: `one of ${allowed.map(quote).join(', ')}`, ...(near ? { hint: `Did you mean ${quote(near)}?` } : {}) };
  };
}

const SEGMENT = /^[A-Za-z0-9._~@+%=,!$-]+$/;
const NPM_PART = /^[a-z0-9~-][a-z0-9._~-]*$/i;

/**
 * Whether `value` can be a module specifier in an `import` or `require()` that the suggestions
 * write: a package name (npm rules: at most 214 characters, URL-safe, not starting with `.` or `_`,
 * optionally `@scope/`), with an optional subpath; a `node:` built-in; a `#` subpath import; a
 * relative (`./`, `../`) or absolute path. A path may hold any character but control characters
 * and backslashes; the suggestions write every specifier as an escaped string literal anyway.
 */
export function isModuleSpecifier(value: string): boolean {
  if (value.length === 0 || value.length > 1024) return false;
  if (/^(?:\.{1,2}|)\//.test(value)) return /^[^\u0000-\u001f\u007f\\]+$/.test(value) && !value.endsWith('/') && !/\/\/|\/\.?$/.test(value);
  if (value.startsWith('node:')) return /^node:[a-z][a-z0-9_]*(?:\/[a-z0-9_]+)*$/.test(value);
  const segments = value.split('/');
  if (value.startsWith('#'))
    return (
      value.length > 1 &&
      !value.startsWith('#/') &&
      value
        .slice(1)
        .split('/')
        .every((s) => SEGMENT.test(s) && s !== '.' && s !== '..')
    );
  const scoped = value.startsWith('@');
  const nameParts = scoped ? 2 : 1;
  if (segments.length < nameParts) return false;
  const name = segments.slice(0, nameParts);
  if (scoped && !NPM_PART.test(name[0]!.slice(1))) return false;
  if (!NPM_PART.test(name[nameParts - 1]!) || name.join('/').length > 214) return false;
  return segments.slice(nameParts).every((s) => SEGMENT.test(s) && s !== '.' && s !== '..');
}

function moduleSpecifier(value: unknown): Parsed<string> {
  if (typeof value === 'string' && isModuleSpecifier(value)) return ok(value);
  return {
    ok: false,
    expected:
      'a module specifier: a package name ("tlsguard-runtime", "@scope/pkg", "pkg/subpath"), a relative or absolute path ("./lib/tls.js"), a "#" import or a "node:" module',
  };
}

function nodeRange(value: unknown): Parsed<string | undefined> {
  if (value === undefined) return ok(undefined);
  if (typeof value === 'string' && value.trim() !== '' && isNodeRange(value)) return ok(value);
  return { ok: false, expected: 'a semver range of Node.js versions, such as ">=20.19" or "^22 || ^24"' };
}

/** The schema of `settings.tlsguard`: one entry per key. */
export const SETTINGS = {
  /** Where the "secure context" suggestions import the factories from. */
  runtimeModule: { default: DEFAULT_RUNTIME_MODULE, parse: moduleSpecifier } satisfies SettingSpec<string>,
  /** The policy profile the suggestions target. */
  profile: { default: 'intermediate', parse: oneOf(PROFILE_NAMES) } satisfies SettingSpec<ProfileName>,
  /**
   * The Node.js versions the code runs on (rule-kit/target.ts); when absent, `engines.node` of the
   * nearest package.json, else the supported release lines.
   */
  node: { default: undefined, parse: nodeRange } satisfies SettingSpec<string | undefined>,
} as const;

type Schema = typeof SETTINGS;

type ValueOf<S> = S extends { parse(value: unknown): Parsed<infer T> } ? T : never;

/** `settings.tlsguard` with its defaults applied. */
export type TlsguardSettings = { readonly [K in keyof Schema]: ValueOf<Schema[K]> };

const KEYS = Object.keys(SETTINGS) as (keyof Schema)[];

const cache = new WeakMap<object, TlsguardSettings | Error>();
let defaults: TlsguardSettings | undefined;

/**
 * The validated `settings.tlsguard` of an ESLint `settings` object (`context.settings`). Throws an
 * `Error` with the ESLint-style message when it is invalid; each settings object is checked once.
 */
export function tlsguardSettingsOf(settings: Readonly<Record<string, unknown>> | undefined): TlsguardSettings {
  const raw = settings?.['tlsguard'];
  if (raw === undefined) return (defaults ??= parseSettings({}) as TlsguardSettings);
  if (typeof raw !== 'object' || raw === null) return fail(raw);
  let result = cache.get(raw);
  if (result === undefined) {
    result = parseSettings(raw);
    cache.set(raw, result);
  }
  if (result instanceof Error) throw result;
  return result;
}

function fail(raw: unknown): never {
  throw new Error(`${HEADER}\n\tValue ${show(raw)} should be an object (${KEYS.map(quote).join(', ')}).`);
}

const HEADER = 'Key "settings": Key "tlsguard":';

function parseSettings(raw: object): TlsguardSettings | Error {
  if (Array.isArray(raw)) return new Error(`${HEADER}\n\tValue ${show(raw)} should be an object (${KEYS.map(quote).join(', ')}).`);
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  const values = raw as Record<string, unknown>;
  for (const key of KEYS) {
    const value = Object.hasOwn(values, key) ? values[key] : undefined;
    if (value === undefined) {
      out[key] = SETTINGS[key].default;
      continue;
    }
    const parsed = SETTINGS[key].parse(value) as Parsed<unknown>;
    if (parsed.ok) out[key] = parsed.value;
    else problems.push(`\tKey ${quote(key)}: Value ${show(value)} should be ${parsed.expected}.${parsed.hint ? ` ${parsed.hint}` : ''}`);
  }
  for (const key of Object.keys(values)) {
    if ((KEYS as string[]).includes(key)) continue;
    const near = nearest(key, KEYS);
    problems.push(`\tUnexpected key ${quote(key)}. Expected keys: ${KEYS.map(quote).join(', ')}.${near ? ` Did you mean ${quote(near)}?` : ''}`);
  }
  if (problems.length > 0) return new Error(`${HEADER}\n${problems.join('\n')}`);
  return Object.freeze(out) as TlsguardSettings;
}

const quote = (s: string): string => JSON.stringify(s);

/** A value as it appears in a message: JSON where possible, at most 80 characters. */
function show(value: unknown): string {
  let text: string;
  if (typeof value === 'function') text = 'a function';
  else if (typeof value === 'bigint' || typeof value === 'symbol') text = String(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The allowed word closest to `word` (case-insensitive equal, or at most 2 edits away). */
function nearest(word: string, allowed: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of allowed) {
    const d = candidate.toLowerCase() === lower ? 0 : distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
