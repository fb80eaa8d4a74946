// Preloaded (--require) into every measured process by bench/cold-start.mjs: writes the process's
// CPU time (user + system, all threads, microseconds) to $COLD_CPU_FILE when it exits.
'use strict';
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  writeFileSync(process.env.COLD_CPU_FILE, String(user + system));
});
