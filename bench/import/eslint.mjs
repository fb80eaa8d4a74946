import 'eslint';
