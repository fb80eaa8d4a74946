require('node:https');
