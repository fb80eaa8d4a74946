require('tlsguard-runtime');
