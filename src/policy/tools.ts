/**
 * Settings of the tools around a Node project that turn certificate verification off: npm, Yarn
 * and pnpm registry settings, git's `http.sslVerify`, curl's `--insecure`, wget's
 * `--no-check-certificate`. Pure data and predicates, judged by the config-file rule
 * (`no-insecure-tls-config`) wherever the setting is written (a config file or a command line).
 */
import { npmConfigFalse, yarnBerryFalse } from './env.js';

export type PackageManager = 'npm' | 'pnpm' | 'yarn';

/**
 * Does setting `key` to `value` with `<tool> config set` (or in the tool's rc file) turn off
 * verification of the registry's certificate? npm and pnpm (which reads .npmrc and npm's names):
 * `strict-ssl`. Yarn 1 (`.yarnrc`, `yarn config set`): `strict-ssl`; Yarn 2+ (`.yarnrc.yml`,
 * `yarn config set`): `enableStrictSsl`.
 */
export function disablesStrictSsl(tool: PackageManager, key: string, value: string): boolean {
  if (key === 'strict-ssl') return npmConfigFalse(value);
  if (tool === 'yarn' && key === 'enableStrictSsl') return yarnBerryFalse(value);
  return false;
}

/**
 * Settings that replace the CA certificates a package manager trusts for the registry (the public
 * roots are no longer trusted): npm's and pnpm's `ca` and `cafile`, Yarn 1's `cafile` and `ca`,
 * Yarn 2+'s `caFilePath`. Not insecure by themselves; they break public registries and so
 * invite `strict-ssl=false` (reported only by the `strict` config).
 */
export function replacesRegistryRoots(tool: PackageManager, key: string, value: string): boolean {
  if (value === '' || value === 'null') return false;
  if (key === 'ca' || key === 'cafile' || key === 'ca[]') return true;
  return tool === 'yarn' && key === 'caFilePath';
}

/**
 * git's boolean values that mean false (git-config(1), "boolean": `false`, `no`, `off`, `0`, and
 * the empty value, case-insensitively).
 */
export function gitFalse(value: string): boolean {
  return /^(?:false|no|off|0|)$/i.test(value);
}

/** `http.sslVerify` or `http.<url>.sslVerify` (section and key names are case-insensitive). */
export function isGitSslVerifyKey(key: string): boolean {
  return /^http\.(?:.+\.)?sslverify$/i.test(key);
}

/** curl options that turn certificate verification off (`--no-insecure` turns it back on). */
export const CURL_INSECURE_SHORT = 'k';
export const CURL_INSECURE_LONG = '--insecure';

/**
 * curl's short options that take a value (the rest of the word, or the next word), from
 * curl 7.88's `--help all`: in `-sko file` the `k` is an option and `o` takes `file`; in `-ok` the `k` is
 * the output file name.
 */
export const CURL_SHORT_WITH_VALUE: ReadonlySet<string> = new Set('ACDEFHKPQTUXYbcdehmortuwyz'.split(''));

/** curl's long options that take a value (curl 7.88 `--help all`, plus `--proxy`, `--preproxy`, `--proxy1.0`). */
export const CURL_LONG_WITH_VALUE: ReadonlySet<string> = new Set([
  '--abstract-unix-socket',
  '--alt-svc',
  '--aws-sigv4',
  '--cacert',
  '--capath',
  '--cert',
  '--cert-type',
  '--ciphers',
  '--config',
  '--connect-timeout',
  '--connect-to',
  '--continue-at',
  '--cookie',
  '--cookie-jar',
  '--create-file-mode',
  '--crlfile',
  '--curves',
  '--data',
  '--data-ascii',
  '--data-binary',
  '--data-raw',
  '--data-urlencode',
  '--delegation',
  '--dns-interface',
  '--dns-ipv4-addr',
  '--dns-ipv6-addr',
  '--dns-servers',
  '--doh-url',
  '--dump-header',
  '--egd-file',
  '--engine',
  '--etag-compare',
  '--etag-save',
  '--expect100-timeout',
  '--form',
  '--form-string',
  '--ftp-account',
  '--ftp-alternative-to-user',
  '--ftp-method',
  '--ftp-port',
  '--ftp-ssl-ccc-mode',
  '--happy-eyeballs-timeout-ms',
  '--header',
  '--help',
  '--hostpubmd5',
  '--hostpubsha256',
  '--hsts',
  '--interface',
  '--json',
  '--keepalive-time',
  '--key',
  '--key-type',
  '--krb',
  '--libcurl',
  '--limit-rate',
  '--local-port',
  '--login-options',
  '--mail-auth',
  '--mail-from',
  '--mail-rcpt',
  '--max-filesize',
  '--max-redirs',
  '--max-time',
  '--netrc-file',
  '--noproxy',
  '--oauth2-bearer',
  '--output',
  '--output-dir',
  '--parallel-max',
  '--pass',
  '--pinnedpubkey',
  '--preproxy',
  '--proto',
  '--proto-default',
  '--proto-redir',
  '--proxy',
  '--proxy-cacert',
  '--proxy-capath',
  '--proxy-cert',
  '--proxy-cert-type',
  '--proxy-ciphers',
  '--proxy-crlfile',
  '--proxy-header',
  '--proxy-key',
  '--proxy-key-type',
  '--proxy-pass',
  '--proxy-pinnedpubkey',
  '--proxy-service-name',
  '--proxy-tls13-ciphers',
  '--proxy-tlsauthtype',
  '--proxy-tlspassword',
  '--proxy-tlsuser',
  '--proxy-user',
  '--proxy1.0',
  '--pubkey',
  '--quote',
  '--random-file',
  '--range',
  '--rate',
  '--referer',
  '--request',
  '--request-target',
  '--resolve',
  '--retry',
  '--retry-delay',
  '--retry-max-time',
  '--sasl-authzid',
  '--service-name',
  '--socks4',
  '--socks4a',
  '--socks5',
  '--socks5-gssapi-service',
  '--socks5-hostname',
  '--speed-limit',
  '--speed-time',
  '--stderr',
  '--telnet-option',
  '--tftp-blksize',
  '--time-cond',
  '--tls-max',
  '--tls13-ciphers',
  '--tlsauthtype',
  '--tlspassword',
  '--tlsuser',
  '--trace',
  '--trace-ascii',
  '--unix-socket',
  '--upload-file',
  '--url',
  '--url-query',
  '--user',
  '--user-agent',
  '--write-out',
]);

/** wget's option that turns certificate verification off. */
export const WGET_NO_CHECK = '--no-check-certificate';
