// The step of the tlsguard GitHub Action (action.yml): runs the CLI with the action's inputs
// (INPUT_* variables) in the workflow's workspace (GITHUB_* variables), writes the SARIF report,
// prints findings as workflow annotations, sets the step outputs and a job summary, and exits
// with tlsguard's exit code. Plain Node, no dependencies: the action is not built.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const env = process.env;
const input = (name) => (env[`INPUT_${name}`] ?? '').trim();
const words = (text) => text.split(/\s+/).filter(Boolean);

/** GitHub's workflow-command escaping (data, and property values). */
const escapeData = (s) => String(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function setOutput(name, value) {
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `${name}=${value}\n`);
}

function fail(message) {
  console.log(`::error title=tlsguard::${escapeData(message)}`);
  setOutput('exit-code', '2');
  process.exit(2);
}

const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
const cwd = path.resolve(workspace, input('WORKING_DIRECTORY') || '.');
if (!existsSync(cwd)) fail(`working-directory ${input('WORKING_DIRECTORY')} does not exist`);
const sarifFile = input('SARIF_FILE') || 'tlsguard.sarif';
const sarifPath = path.resolve(cwd, sarifFile);

/** The project's own tlsguard when it installs one, else the released package through npx. */
function command() {
  const local = path.join(cwd, 'node_modules', '.bin', process.platform === 'win32' ? 'tlsguard.cmd' : 'tlsguard');
  if (existsSync(local)) return [local];
  const own = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
  const version = input('VERSION') || own;
  return ['npx', '--yes', '--package', `eslint-plugin-tlsguard@${version}`, '--package', 'eslint', 'tlsguard'];
}

const [program, ...prefix] = command();
const argv = [...prefix, ...words(input('PATHS')), '--format', 'sarif', '--output', sarifPath];
if (input('SINCE')) argv.push('--since', input('SINCE'));
argv.push(...words(input('ARGS')));
console.log(`tlsguard: ${[path.basename(program), ...argv].join(' ')} (in ${path.relative(workspace, cwd) || '.'})`);
const run = spawnSync(program, argv, { cwd, stdio: 'inherit', env: { ...env, CI: env.CI || 'true' }, shell: process.platform === 'win32' });
if (run.error) fail(`cannot run tlsguard: ${run.error.message}`);
const code = run.status ?? 2;
setOutput('exit-code', String(code));

if (existsSync(sarifPath)) {
  const log = JSON.parse(readFileSync(sarifPath, 'utf8'));
  const sarifRun = log.runs?.[0] ?? {};
  const base = sarifRun.originalUriBaseIds?.['%SRCROOT%']?.uri ?? pathToFileURL(`${cwd}${path.sep}`).href;
  const absolute = (uri) => fileURLToPath(new URL(uri, base));
  // Code scanning and annotations want paths relative to the repository (the workspace).
  const toWorkspace = (uri) =>
    path
      .relative(workspace, absolute(uri))
      .split(path.sep)
      .map((segment) =>
        segment.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@]/gu, (ch) =>
          [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
        ),
      )
      .join('/');
  if (path.resolve(fileURLToPath(base)) !== workspace) {
    const rewrite = (location) => {
      const artifact = location?.physicalLocation?.artifactLocation;
      if (artifact?.uri !== undefined) artifact.uri = toWorkspace(artifact.uri);
    };
    for (const result of sarifRun.results ?? []) for (const location of result.locations ?? []) rewrite(location);
    for (const invocation of sarifRun.invocations ?? [])
      for (const n of invocation.toolExecutionNotifications ?? []) for (const location of n.locations ?? []) rewrite(location);
    sarifRun.originalUriBaseIds = { '%SRCROOT%': { uri: pathToFileURL(`${workspace}${path.sep}`).href } };
    writeFileSync(sarifPath, `${JSON.stringify(log, null, 2)}\n`);
  }
  const results = sarifRun.results ?? [];
  const open = results.filter((r) => !(r.suppressions?.length > 0));
  if (input('ANNOTATIONS') !== 'false') {
    for (const r of open) {
      const loc = r.locations?.[0]?.physicalLocation;
      const file = decodeURIComponent(loc?.artifactLocation?.uri ?? '');
      const region = loc?.region ?? {};
      const props = [
        `file=${file}`,
        `line=${region.startLine}`,
        `col=${region.startColumn}`,
        `endLine=${region.endLine}`,
        `endColumn=${region.endColumn}`,
        `title=${r.ruleId}`,
      ];
      console.log(
        `::${r.level === 'warning' ? 'warning' : 'error'} ${props
          .map((p) => {
            const at = p.indexOf('=');
            return `${p.slice(0, at)}=${escapeProperty(p.slice(at + 1))}`;
          })
          .join(',')}::${escapeData(r.message?.text ?? '')}`,
      );
    }
    for (const invocation of sarifRun.invocations ?? []) {
      for (const n of invocation.toolExecutionNotifications ?? []) {
        const file = decodeURIComponent(n.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '');
        console.log(`::error ${file ? `file=${escapeProperty(file)},` : ''}title=tlsguard::${escapeData(n.message?.text ?? '')}`);
      }
    }
  }
  setOutput('sarif-file', path.relative(workspace, sarifPath).split(path.sep).join('/'));
  if (env.GITHUB_STEP_SUMMARY) {
    const suppressed = results.length - open.length;
    const since = input('SINCE') ? ` on lines changed since \`${input('SINCE')}\`` : '';
    appendFileSync(
      env.GITHUB_STEP_SUMMARY,
      `### tlsguard\n\n${open.length} finding${open.length === 1 ? '' : 's'}${since}${suppressed > 0 ? ` (${suppressed} suppressed)` : ''}; exit code ${code}.\n`,
    );
  }
}
process.exit(code);
