import 'tlsguard-runtime';
