/**
 * The common forms of a Node version range (`settings.tlsguard.node`, `engines.node`) read without
 * `semver` (issue 16): loading `semver`'s range code (~20 modules and its regular expressions) was
 * ~10 ms of the first lint of a file with a finding. Exact for what it accepts, by
 * test/rule-kit/node-range.test.ts against `semver` itself; `parseNodeRange` returns `undefined`
 * for anything else (prerelease or build tags, a `v` prefix, loose forms, an `x` followed by a
 * number, tabs, empty `||` alternatives, a stray `-`), and the caller falls back to `semver`.
 *
 * Accepted: alternatives joined by `||`; each a hyphen range `A - B` or comparators separated by
 * spaces, each `>=` `<=` `>` `<` `=` `^` `~` `~>` or nothing before a full or partial version
 * (`20`, `20.19`, `20.19.0`, `x` `X` `*` for a missing part), with spaces after the operator
 * allowed as `semver` allows them. Only what the target code asks is answered: whether a plain
 * `M.m.p` version satisfies the range, and `semver.minVersion` of each alternative.
 */
import { semver } from './lazy-semver.js';

type Version = readonly [number, number, number];

interface Bound {
  readonly v: Version;
  readonly inclusive: boolean;
}

/** One `||` alternative: the plain versions between `lo` and `hi` (both open when undefined). */
export interface VersionSet {
  readonly lo: Bound | undefined;
  readonly hi: Bound | undefined;
  /** The `<0.0.0-0` of `semver` (`>*`, `<*`, `<0`): nothing satisfies it. */
  readonly empty: boolean;
}

const PART = '(0|[1-9]\\d{0,8}|[xX*])';
const PARTIAL = `${PART}(?:\\.${PART}(?:\\.${PART})?)?`;
const COMPARATOR = new RegExp(`^(>=|<=|>|<|=|~>|~|\\^)?${PARTIAL}$`);
const HYPHEN = new RegExp(`^${PARTIAL} +- +${PARTIAL}$`);

const isX = (part: string | undefined): boolean => part === undefined || part === 'x' || part === 'X' || part === '*';

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The parts of a partial version, or undefined when a number follows an `x` (`1.x.3`, left to semver). */
function partsOf(M: string | undefined, m: string | undefined, p: string | undefined): [string, string | undefined, string | undefined] | undefined {
  if (M === undefined) return undefined;
  if (isX(M) && (!isX(m) || !isX(p))) return undefined;
  if (isX(m) && !isX(p)) return undefined;
  return [M, m, p];
}

class SetBuilder {
  lo: Bound | undefined;
  hi: Bound | undefined;
  empty = false;

  atLeast(v: Version, inclusive = true): void {
    if (inclusive && v[0] === 0 && v[1] === 0 && v[2] === 0) return; // semver: `>=0.0.0` is `*`
    const c = this.lo === undefined ? 1 : compare(v, this.lo.v);
    if (c > 0 || (c === 0 && !inclusive)) this.lo = { v, inclusive };
  }

  below(v: Version, inclusive = false): void {
    const c = this.hi === undefined ? -1 : compare(v, this.hi.v);
    if (c < 0 || (c === 0 && !inclusive)) this.hi = { v, inclusive };
  }

  nothing(): void {
    this.empty = true;
  }
}

/** A comparator of semver's grammar (`op` + a partial version), desugared the way semver desugars it. */
function addComparator(set: SetBuilder, op: string, M: string, m: string | undefined, p: string | undefined): void {
  const nM = Number(M);
  const nm = Number(m);
  const np = Number(p);
  if (op === '^') {
    if (isX(M)) return;
    if (isX(m)) return (set.atLeast([nM, 0, 0]), set.below([nM + 1, 0, 0]));
    if (isX(p)) return (set.atLeast([nM, nm, 0]), set.below(nM === 0 ? [0, nm + 1, 0] : [nM + 1, 0, 0]));
    set.atLeast([nM, nm, np]);
    return set.below(nM !== 0 ? [nM + 1, 0, 0] : nm !== 0 ? [0, nm + 1, 0] : [0, 0, np + 1]);
  }
  if (op === '~' || op === '~>') {
    if (isX(M)) return;
    if (isX(m)) return (set.atLeast([nM, 0, 0]), set.below([nM + 1, 0, 0]));
    return (set.atLeast([nM, nm, isX(p) ? 0 : np]), set.below([nM, nm + 1, 0]));
  }
  const anyX = isX(p);
  if (op === '=' && anyX) op = '';
  if (isX(M)) {
    if (op === '>' || op === '<') set.nothing();
    return;
  }
  if (op !== '' && anyX) {
    const xm = isX(m);
    if (op === '>') return set.atLeast(xm ? [nM + 1, 0, 0] : [nM, nm + 1, 0]);
    if (op === '<=') return set.below(xm ? [nM + 1, 0, 0] : [nM, nm + 1, 0]);
    const v: Version = [nM, xm ? 0 : nm, 0];
    // `<0.0.0-0`, semver's null set, is what `<0` and `<0.0` become.
    if (op === '<') return compare(v, [0, 0, 0]) === 0 ? set.nothing() : set.below(v);
    return set.atLeast(v); // '>='
  }
  if (isX(m)) return (set.atLeast([nM, 0, 0]), set.below([nM + 1, 0, 0]));
  if (isX(p)) return (set.atLeast([nM, nm, 0]), set.below([nM, nm + 1, 0]));
  const v: Version = [nM, nm, np];
  switch (op) {
    case '>':
      return set.atLeast(v, false);
    case '>=':
      return set.atLeast(v);
    case '<':
      return set.below(v);
    case '<=':
      return set.below(v, true);
    default: // '' or '='
      return (set.atLeast(v), set.below(v, true));
  }
}

function parseAlternative(text: string): VersionSet | undefined {
  const set = new SetBuilder();
  const hyphen = HYPHEN.exec(text);
  if (hyphen) {
    const from = partsOf(hyphen[1], hyphen[2], hyphen[3]);
    const to = partsOf(hyphen[4], hyphen[5], hyphen[6]);
    if (!from || !to) return undefined;
    const [fM, fm, fp] = from;
    if (!isX(fM)) set.atLeast([Number(fM), isX(fm) ? 0 : Number(fm), isX(fp) ? 0 : Number(fp)]);
    const [tM, tm, tp] = to;
    if (!isX(tM)) {
      if (isX(tm)) set.below([Number(tM) + 1, 0, 0]);
      else if (isX(tp)) set.below([Number(tM), Number(tm) + 1, 0]);
      else set.below([Number(tM), Number(tm), Number(tp)], true);
    }
    return set;
  }
  if (text.includes('-')) return undefined;
  // semver drops the spaces between an operator and its version (`>= 20` is `>=20`); not before
  // anything else (`> =1` is invalid there, and here it fails to parse and goes to semver).
  const tokens = text.replace(/(>=|<=|~>|>|<|=|~|\^) +(?=[0-9xX*])/g, '$1').split(/ +/);
  for (const token of tokens) {
    const c = COMPARATOR.exec(token);
    const parts = c && partsOf(c[2], c[3], c[4]);
    if (!c || !parts) return undefined;
    addComparator(set, c[1] ?? '', ...parts);
  }
  return set;
}

const cache = new Map<string, readonly VersionSet[] | null>();

/** The alternatives of `range`, or undefined when it is not one of the forms read here (ask `semver`). */
export function parseNodeRange(range: string): readonly VersionSet[] | undefined {
  const hit = cache.get(range);
  if (hit !== undefined) return hit ?? undefined;
  let out: VersionSet[] | null = null;
  if (/^[0-9xX*.^~<>=| -]*$/.test(range)) {
    const sets: VersionSet[] = [];
    for (const alternative of range.trim().split('||')) {
      const text = alternative.trim();
      const set = text === '' ? undefined : parseAlternative(text);
      if (!set) {
        sets.length = 0;
        break;
      }
      sets.push(set);
    }
    // semver: a range with an alternative that admits everything is that alternative alone.
    const any = sets.find((set) => set.lo === undefined && set.hi === undefined && !set.empty);
    if (sets.length > 0) out = any ? [any] : sets;
  }
  if (cache.size > 256) cache.clear();
  cache.set(range, out);
  return out ?? undefined;
}

function parse(version: string): Version {
  const [M, m, p] = version.split('.').map(Number) as [number, number, number];
  return [M, m, p];
}

/** Whether the plain version `M.m.p` is in `set`. */
export function setAdmits(set: VersionSet, version: string): boolean {
  if (set.empty) return false;
  const v = parse(version);
  if (set.lo) {
    const c = compare(v, set.lo.v);
    if (c < 0 || (c === 0 && !set.lo.inclusive)) return false;
  }
  if (set.hi) {
    const c = compare(v, set.hi.v);
    if (c > 0 || (c === 0 && !set.hi.inclusive)) return false;
  }
  return true;
}

/** `semver.minVersion` of one alternative, as `M.m.p`, or undefined when nothing satisfies it. */
export function setMinVersion(set: VersionSet): string | undefined {
  const lo = set.lo;
  const v = lo === undefined ? '0.0.0' : `${lo.v[0]}.${lo.v[1]}.${lo.v[2] + (lo.inclusive ? 0 : 1)}`;
  return setAdmits(set, v) ? v : undefined;
}

/** Whether `range` is a semver range (what `semver.validRange` accepts), without semver for the common forms. */
export function isNodeRange(range: string): boolean {
  return parseNodeRange(range) !== undefined || semver().validRange(range) !== null;
}
