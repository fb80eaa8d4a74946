import 'eslint';
import 'eslint-plugin-tlsguard';
