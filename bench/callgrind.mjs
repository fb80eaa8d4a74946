// Instructions executed by one process (all its threads), counted by `valgrind --tool=callgrind`
// ("Collected : N" on stderr). A count does not depend on the machine's load the way wall and CPU
// time do, so ratios of counts are the stable measure on a shared machine; runs are about 50x
// slower. `--predictable` (Node's flag: one thread for GC and compilation, no concurrent marking)
// makes repeated counts agree more closely. Used by cold-start.mjs and config-files.mjs.
import { execFile } from 'node:child_process';

/**
 * Runs `node ...nodeArgs` under callgrind and resolves with its instruction count. `okStatus`: the
 * exit codes that are not a failure (a lint run with findings exits 1).
 */
export function instructionCount(nodeArgs, { cwd, env = process.env, predictable = true, okStatus = [0] } = {}) {
  return new Promise((resolve, reject) => {
    const args = ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, ...(predictable ? ['--predictable'] : []), ...nodeArgs];
    execFile('valgrind', args, { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 }, (error, _stdout, stderr) => {
      const status = error ? error.code : 0;
      if (typeof status !== 'number' || !okStatus.includes(status)) {
        reject(new Error(`node ${nodeArgs.join(' ')} under callgrind failed (${status}): ${stderr}`));
        return;
      }
      const m = /Collected : (\d+)/.exec(stderr);
      if (m) resolve(Number(m[1]));
      else reject(new Error(`no instruction count in: ${stderr}`));
    });
  });
}
