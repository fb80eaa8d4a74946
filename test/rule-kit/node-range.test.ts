/** node-range.ts against semver itself: validity, satisfaction and each alternative's minVersion. */
import Range from 'semver/classes/range.js';
import minVersion from 'semver/ranges/min-version.js';
import satisfies from 'semver/functions/satisfies.js';
import validRange from 'semver/ranges/valid.js';
import { describe, expect, it } from 'vitest';
import { isNodeRange, parseNodeRange, setAdmits, setMinVersion } from '../../src/rule-kit/node-range.js';
import { versionsOfRange } from '../../src/rule-kit/target.js';
import { prng } from '../harness/prng.js';

const random = prng(16);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const num = (): string => pick(['0', '0', '1', '2', '3', '9', '10', '12', '18', '20', '22', '24', '26']);
const part = (): string => (random() < 0.15 ? pick(['x', 'X', '*']) : num());

/** A full or partial version; after an `x` mostly only `x`s (`1.x.3` is one of the forms semver gets). */
function partial(): string {
  const parts = Array.from({ length: pick([1, 2, 3, 3]) }, part);
  const x = parts.findIndex((p) => !/^\d/.test(p));
  if (x >= 0 && random() < 0.9) for (let i = x + 1; i < parts.length; i++) parts[i] = pick(['x', 'X', '*']);
  return parts.join('.');
}

function comparator(): string {
  const op = pick(['', '', '>=', '<=', '>', '<', '=', '^', '^', '~', '~>']);
  const space = random() < 0.1 ? ' ' : '';
  return `${op}${space}${partial()}`;
}

function alternative(): string {
  if (random() < 0.15) return `${partial()} - ${partial()}`;
  return Array.from({ length: pick([1, 1, 2, 2, 3]) }, comparator).join(' ');
}

/** Mostly forms node-range reads; some it must hand to semver (prerelease tags, `v`, stray `-`, leading zeros, empty alternatives). */
function generated(): string {
  let range = Array.from({ length: pick([1, 1, 1, 2, 3]) }, alternative).join(pick([' || ', '||', ' ||  ']));
  if (random() < 0.08) range = pick([`${range}-beta.1`, `v${range}`, `${range} -`, `0${range}`, `${range} ||`, `\t${range}`, `${range} >=`, `1.x.3`]);
  return range;
}

const VERSIONS: string[] = [];
for (const M of [0, 1, 2, 3, 9, 10, 11, 12, 13, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27])
  for (const m of [0, 1, 2, 3, 10, 13]) for (const p of [0, 1, 2, 3, 10, 13]) VERSIONS.push(`${M}.${m}.${p}`);

describe('parseNodeRange', () => {
  it('agrees with semver on generated ranges × versions', () => {
    let read = 0;
    let handedOver = 0;
    for (let i = 0; i < 3000; i++) {
      const range = generated();
      const sets = parseNodeRange(range);
      const valid = validRange(range) !== null;
      expect(isNodeRange(range), range).toBe(valid);
      if (!sets) {
        handedOver++;
        continue;
      }
      read++;
      expect(valid, `${range} is read here, so semver must accept it`).toBe(true);
      const r = new Range(range);
      for (const v of VERSIONS)
        expect(
          sets.some((s) => setAdmits(s, v)),
          `${v} in ${range}`,
        ).toBe(satisfies(v, r));
      // The alternatives: semver drops null sets when another is left, which changes no minimum.
      const semverMins = r.set.map((cs) => minVersion(new Range(cs.map((c) => c.value).join(' ') || '*'))?.version).filter((v) => v !== undefined);
      const mins = sets.map(setMinVersion).filter((v) => v !== undefined);
      expect(mins, `minVersion of each alternative of ${range}`).toEqual(semverMins);
    }
    // Both paths are exercised: most ranges are read here, some go to semver.
    expect(read).toBeGreaterThan(2400);
    expect(handedOver).toBeGreaterThan(150);
  }, 180_000);

  it('reads the forms engines.node and settings.tlsguard.node use', () => {
    for (const range of [
      '>=20.19.0',
      '^22 || ^24',
      '~20.11',
      '20.x',
      '>= 18',
      '>=14 <16.5',
      '18 - 20',
      '^16.3.0 || ^18',
      '*',
      '^22.0.0 || ^24.0.0 || ^26.0.0',
    ]) {
      expect(parseNodeRange(range), range).toBeDefined();
    }
  });

  it('hands other forms to semver, which gives the same targets', () => {
    expect(parseNodeRange('>=20.0.0-rc.1')).toBeUndefined();
    expect(parseNodeRange('v20')).toBeUndefined();
    expect(isNodeRange('v20')).toBe(true);
    expect(versionsOfRange('v20.5.1').map((f) => f.version.join('.'))).toEqual(['20.5.1']);
    expect(parseNodeRange('> =20')).toBeUndefined();
    expect(isNodeRange('> =20')).toBe(true);
    expect(isNodeRange('twenty')).toBe(false);
  });
});
