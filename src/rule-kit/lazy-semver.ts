/**
 * The parts of `semver` the target code uses, loaded on first use (issue 16): `semver`'s index
 * requires about 50 modules, 24 ms of CPU that importing the plugin would otherwise pay in every
 * process; only a Node target (`settings.tlsguard.node`, a project's `engines.node`, or the default
 * range a version-dependent message is worded for) needs these four, which take ~20 modules.
 */
import { createRequire } from 'node:module';

interface Semver {
  readonly Range: typeof import('semver/classes/range.js');
  readonly minVersion: typeof import('semver/ranges/min-version.js');
  readonly satisfies: typeof import('semver/functions/satisfies.js');
  readonly validRange: typeof import('semver/ranges/valid.js');
}

const require = createRequire(import.meta.url);
let loaded: Semver | undefined;

export function semver(): Semver {
  loaded ??= {
    Range: require('semver/classes/range.js') as Semver['Range'],
    minVersion: require('semver/ranges/min-version.js') as Semver['minVersion'],
    satisfies: require('semver/functions/satisfies.js') as Semver['satisfies'],
    validRange: require('semver/ranges/valid.js') as Semver['validRange'],
  };
  return loaded;
}
