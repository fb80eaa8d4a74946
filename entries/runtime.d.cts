export * from 'tlsguard-runtime';
