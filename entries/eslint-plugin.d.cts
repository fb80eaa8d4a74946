import type { TlsguardPlugin } from '../dist/eslint-plugin.js';

declare const tlsguard: TlsguardPlugin;
export = tlsguard;
