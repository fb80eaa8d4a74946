import { secureClientOptions } from 'tlsguard-runtime';
secureClientOptions({ host: 'example.com' });
