/**
 * `semver`, loaded on first use: its index requires about 50 modules, 20 ms of CPU that importing
 * the plugin would otherwise pay in every process (issue 16), while only a `settings.tlsguard.node`
 * range or a project's `engines.node` needs it.
 */
import { createRequire } from 'node:module';

type Semver = typeof import('semver');

const require = createRequire(import.meta.url);
let loaded: Semver | undefined;

export function semver(): Semver {
  loaded ??= require('semver') as Semver;
  return loaded;
}
