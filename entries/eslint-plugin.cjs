'use strict';
// The CommonJS entry: `require('eslint-plugin-tlsguard')` returns the plugin object itself, the same
// object its configs register under `plugins.tlsguard` (so a config can name it in `plugins` too).
module.exports = require('../dist/eslint-plugin.js').default;
