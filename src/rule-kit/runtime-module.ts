/**
 * The module the factory fixes import (the default of `settings.tlsguard.runtimeModule`). A module
 * of its own, without imports, so that the CLI can use the name without loading the rule kit
 * beside the bundled plugin (issue 16).
 */
export const DEFAULT_RUNTIME_MODULE = 'tlsguard-runtime';
