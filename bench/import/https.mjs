import 'node:https';
