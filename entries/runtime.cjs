'use strict';
// `eslint-plugin-tlsguard/runtime`, kept for existing users: the runtime is the tlsguard-runtime package.
module.exports = require('tlsguard-runtime');
