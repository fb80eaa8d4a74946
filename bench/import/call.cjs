const { secureClientOptions } = require('tlsguard-runtime');
secureClientOptions({ host: 'example.com' });
