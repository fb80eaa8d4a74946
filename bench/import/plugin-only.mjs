import 'eslint-plugin-tlsguard';
