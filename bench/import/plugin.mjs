import 'eslint-plugin-tlsguard/runtime';
