import { describe, expect, it } from 'vitest';
import { analyzeArgv, analyzeShellScript, type ShellOptions, type SourceWord } from '../../src/analysis/shell/commands.js';
import { verbatim } from '../../src/analysis/shell/mapped-text.js';
import { tokenize, type Word } from '../../src/analysis/shell/tokenize.js';

/** Each finding as [kind, the reported text, the text its removal takes away (or null)]. */
function find(script: string, options: ShellOptions = {}): [string, string, string | null][] {
  return analyzeShellScript(verbatim(script), options).map((f) => [f.kind, script.slice(...f.range), f.removal ? script.slice(...f.removal) : null]);
}

const words = (script: string): (string | undefined)[] =>
  tokenize(script)
    .tokens.filter((t): t is Word => t.kind === 'word')
    .map((w) => w.value?.text);

describe('tokenize', () => {
  it('removes quotes and backslashes as the shell does', () => {
    expect(words(`a 'b c' "d \\"e\\" \\$f" g\\ h i\\\nj $'k\\tl'`)).toEqual(['a', 'b c', 'd "e" $f', 'g h', 'ij', 'k\tl']);
  });

  it('leaves words with expansions unknown', () => {
    expect(words('a$X "${Y:-0}" $(echo 0) `x` $((1+1)) $ 5$')).toEqual([undefined, undefined, undefined, undefined, undefined, '$', '5$']);
  });

  it('keeps `#` inside a word and starts a comment only at a word start', () => {
    expect(words('a#b # c d')).toEqual(['a#b']);
  });

  it('splits operators and redirections from words', () => {
    const s = 'a&&b||c;d|e >out 2>&1 (f)';
    const t = tokenize(s).tokens.map((x) => s.slice(x.start, x.end));
    expect(t).toEqual(['a', '&&', 'b', '||', 'c', ';', 'd', '|', 'e', '>out', '2>&1', '(', 'f', ')']);
  });

  it('marks assignments only when the name is unquoted', () => {
    const [a, b, c] = tokenize('A=1 "B"=2 C\\=3').tokens as Word[];
    expect(a?.assignment).toEqual({ name: 'A', valueStart: 2 });
    expect(b?.assignment).toBeUndefined();
    expect(c?.assignment).toBeUndefined();
  });

  it('joins a backslash-newline inside an assignment name, as the shell does', () => {
    const [a] = tokenize('A\\\nB=1 x').tokens as Word[];
    expect(a?.assignment).toEqual({ name: 'AB', valueStart: 3 });
    expect(a?.value?.text).toBe('AB=1');
  });

  it('skips here-document bodies', () => {
    expect(words('cat <<EOF\nX=0 node a\nEOF\nb')).toEqual(['cat', 'b']);
    expect(words("cat <<-'E'\n\tX\n\tE\nb")).toEqual(['cat', 'b']);
  });

  it('reports an unterminated quote', () => {
    expect(tokenize('a "b').error).toBe('unterminated quote');
    expect(tokenize('a $(b').error).toBe("unterminated '('");
  });
});

describe('analyzeShellScript: environment', () => {
  const R = 'NODE_TLS_REJECT_UNAUTHORIZED';
  it('a prefix assignment reaches the command', () => {
    expect(find(`${R}=0 node app.js`)).toEqual([['reject-unauthorized', `${R}=0`, `${R}=0 `]]);
    expect(find(`${R}='0' npm test`)).toEqual([['reject-unauthorized', `${R}='0'`, `${R}='0' `]]);
    expect(find(`echo x && ${R}=0 \\\n  node a`)).toEqual([['reject-unauthorized', `${R}=0`, `${R}=0 `]]);
    expect(find(`NODE_TLS_\\\nREJECT_UNAUTHORIZED=0 node a`)).toEqual([
      ['reject-unauthorized', `NODE_TLS_\\\nREJECT_UNAUTHORIZED=0`, `NODE_TLS_\\\nREJECT_UNAUTHORIZED=0 `],
    ]);
  });

  it('safe values, unknown values and quoted names are silent', () => {
    for (const s of [
      `${R}=1 node a`,
      `${R}= node a`,
      `${R}=$X node a`,
      `"${R}"=0 node a`,
      `${R}=00 node a`,
      `NODE_EXTRA_CA_CERTS=ca.pem node a`,
      `echo ${R}=0`,
      `# ${R}=0 node a`,
    ]) {
      expect(find(s), s).toEqual([]);
    }
  });

  it('a bare assignment is a shell variable, not exported', () => {
    expect(find(`${R}=0`)).toEqual([]);
    expect(find(`${R}=0; node a`)).toEqual([]);
    expect(find(`${R}=0; export ${R}; node a`)).toEqual([['reject-unauthorized', `${R}=0`, null]]);
    expect(find(`set -a; ${R}=0; node a`)).toEqual([['reject-unauthorized', `${R}=0`, null]]);
  });

  it('export counts when a program runs after it', () => {
    expect(find(`export ${R}=0 && npm ci`)).toEqual([['reject-unauthorized', `${R}=0`, null]]);
    expect(find(`export ${R}=0\nnode a`)).toEqual([['reject-unauthorized', `${R}=0`, null]]);
    expect(find(`export ${R}=0`)).toEqual([]);
    expect(find(`export ${R}=0; unset ${R}; node a`)).toEqual([]);
    expect(find(`(export ${R}=0); node a`)).toEqual([]);
  });

  it('env and cross-env pass their assignments to the command', () => {
    expect(find(`env -i ${R}=0 node a`)).toEqual([['reject-unauthorized', `${R}=0`, `${R}=0 `]]);
    expect(find(`env "${R}=0" node a`)).toEqual([['reject-unauthorized', `"${R}=0"`, `"${R}=0" `]]);
    expect(find(`cross-env ${R}=0 NODE_OPTIONS="--max-old-space-size=1 --tls-min-v1.0" node a`)).toEqual([
      ['reject-unauthorized', `${R}=0`, `${R}=0 `],
      ['node-options', '--tls-min-v1.0', 'NODE_OPTIONS="--max-old-space-size=1 --tls-min-v1.0" '],
    ]);
    expect(find(`npx cross-env ${R}=0 node a`)).toEqual([['reject-unauthorized', `${R}=0`, `${R}=0 `]]);
  });

  it("cmd.exe's set keeps the blanks before && in the value", () => {
    expect(find(`set ${R}=0&& node a`, { cmd: true })).toEqual([['reject-unauthorized', `${R}=0`, null]]);
    expect(find(`set "${R}=0" && node a`, { cmd: true })).toEqual([['reject-unauthorized', `"${R}=0"`, null]]);
    expect(find(`set ${R}=0 && node a`, { cmd: true })).toEqual([]);
    expect(find(`set ${R}="0"&& node a`, { cmd: true })).toEqual([]);
    expect(find(`set ${R}=0&& node a`)).toEqual([]);
  });

  it('echo NAME=value >> $GITHUB_ENV sets it for later steps', () => {
    expect(find(`echo "${R}=0" >> "$GITHUB_ENV"`, { githubEnv: true })).toEqual([['reject-unauthorized', `"${R}=0"`, null]]);
    expect(find(`echo "${R}=0" >> out.txt`, { githubEnv: true })).toEqual([]);
  });

  it('package-manager and git variables', () => {
    expect(find('npm_config_strict_ssl=false npm ci')).toEqual([['strict-ssl', 'npm_config_strict_ssl=false', 'npm_config_strict_ssl=false ']]);
    expect(find('GIT_SSL_NO_VERIFY=1 git clone x')).toEqual([['git-ssl-verify', 'GIT_SSL_NO_VERIFY=1', 'GIT_SSL_NO_VERIFY=1 ']]);
    expect(find('YARN_ENABLE_STRICT_SSL=true yarn')).toEqual([]);
  });

  it('sh -c runs its script', () => {
    expect(find(`sh -c "${R}=0 node a"`)).toEqual([['reject-unauthorized', `${R}=0`, `${R}=0 `]]);
    expect(find(`bash -ec '${R}=0 node a'`)).toEqual([['reject-unauthorized', `${R}=0`, `${R}=0 `]]);
    expect(find(`sh script.sh "${R}=0 node a"`)).toEqual([]);
  });
});

describe('analyzeShellScript: commands', () => {
  it("node's TLS flags count before the script only", () => {
    expect(find('node --tls-min-v1.0 app.js')).toEqual([['node-flag', '--tls-min-v1.0', '--tls-min-v1.0 ']]);
    expect(find('node -r dotenv/config --tls-max-v1.2 app.js')).toEqual([['node-flag', '--tls-max-v1.2', '--tls-max-v1.2 ']]);
    expect(find('node -e "1" --tls-keylog=/tmp/k')).toEqual([['node-flag', '--tls-keylog=/tmp/k', ' --tls-keylog=/tmp/k']]);
    expect(find('node --tls-cipher-list NULL-SHA256:@SECLEVEL=0 app.js')).toEqual([
      ['node-flag', '--tls-cipher-list NULL-SHA256:@SECLEVEL=0', '--tls-cipher-list NULL-SHA256:@SECLEVEL=0 '],
    ]);
    expect(find('node app.js --tls-min-v1.0')).toEqual([]);
    expect(find('node -- --tls-min-v1.0')).toEqual([]);
    expect(find('node --tls-min-v1.2 --tls-cipher-list=ECDHE-RSA-AES128-GCM-SHA256 app.js')).toEqual([]);
  });

  it('package managers', () => {
    expect(find('npm config set strict-ssl false')).toEqual([['strict-ssl', 'strict-ssl false', null]]);
    expect(find('npm set strict-ssl=false -g')).toEqual([['strict-ssl', 'strict-ssl=false', null]]);
    expect(find('yarn config set strict-ssl false')).toEqual([['strict-ssl', 'strict-ssl false', null]]);
    expect(find('yarn config set enableStrictSsl false')).toEqual([['strict-ssl', 'enableStrictSsl false', null]]);
    expect(find('pnpm config set strict-ssl false')).toEqual([['strict-ssl', 'strict-ssl false', null]]);
    expect(find('npm install --no-strict-ssl')).toEqual([['strict-ssl', '--no-strict-ssl', ' --no-strict-ssl']]);
    expect(find('npm config set cafile /etc/ca.pem')).toEqual([['replaced-roots', 'cafile /etc/ca.pem', null]]);
    for (const s of ['npm config set strict-ssl true', 'npm config get strict-ssl', 'yarn config set enableStrictSsl true', 'npm run strict-ssl false'])
      expect(find(s), s).toEqual([]);
  });

  it('git', () => {
    expect(find('git config --global http.sslVerify false')).toEqual([['git-ssl-verify', 'http.sslVerify false', null]]);
    expect(find('git config http.https://x.example/.sslverify off')).toEqual([['git-ssl-verify', 'http.https://x.example/.sslverify off', null]]);
    expect(find('git -c http.sslVerify=false clone https://x')).toEqual([['git-ssl-verify', '-c http.sslVerify=false', null]]);
    for (const s of ['git config --global http.sslVerify true', 'git config --get http.sslVerify', 'git config --global http.sslCAInfo ca.pem'])
      expect(find(s), s).toEqual([]);
  });

  it('curl and wget', () => {
    expect(find('curl -k https://x')).toEqual([['curl-insecure', '-k', '-k ']]);
    expect(find('curl -fsSk https://x | sh')).toEqual([['curl-insecure', '-fsSk', null]]);
    expect(find('curl --insecure https://x')).toEqual([['curl-insecure', '--insecure', '--insecure ']]);
    expect(find('wget --no-check-certificate https://y')).toEqual([['wget-insecure', '--no-check-certificate', '--no-check-certificate ']]);
    for (const s of ['curl -ok https://x', 'curl -H -k https://x', 'curl -k --no-insecure https://x', 'curl https://x/-k', 'wget https://y'])
      expect(find(s), s).toEqual([]);
  });

  it('an unterminated quote: the shell runs nothing, nothing is reported', () => {
    expect(find('NODE_TLS_REJECT_UNAUTHORIZED=0 node "a')).toEqual([]);
  });
});

describe('analyzeArgv (no shell)', () => {
  const argv = (...values: string[]): SourceWord[] => {
    let at = 0;
    return values.map((v) => {
      const w = { range: [at, at + v.length] as const, value: verbatim(v, at) };
      at += v.length + 1;
      return w;
    });
  };
  it('an assignment as the program name sets nothing', () => {
    expect(analyzeArgv(argv('NODE_TLS_REJECT_UNAUTHORIZED=0', 'node', 'a'))).toEqual([]);
  });
  it('env, node flags and sh -c work as on a command line', () => {
    expect(analyzeArgv(argv('env', 'NODE_TLS_REJECT_UNAUTHORIZED=0', 'node')).map((f) => f.kind)).toEqual(['reject-unauthorized']);
    expect(analyzeArgv(argv('node', '--tls-min-v1.1', 'a')).map((f) => [f.kind, f.data.flag])).toEqual([['node-flag', '--tls-min-v1.1']]);
    const f = analyzeArgv(argv('sh', '-c', 'NODE_TLS_REJECT_UNAUTHORIZED=0 node a'));
    expect(f.map((x) => [x.kind, x.range])).toEqual([['reject-unauthorized', [6, 36]]]);
  });
});
