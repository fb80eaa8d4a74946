/** Config files where TLS is turned off outside JavaScript: parsers and findings, one module per kind. */
export * from './kinds.js';
export { parseDotenv, dotenvFindings, type DotenvEntry } from './dotenv.js';
export { parseDockerfile, dockerfileFindings, type Instruction, type ParsedDockerfile } from './dockerfile.js';
export { parseYaml, yamlFindings, alignScalar, type ParsedYaml, type YamlKind } from './yaml-files.js';
export { parseNpmrc, parseYarnrc, npmrcFindings, yarnrcFindings, type RcEntry } from './rc-files.js';
export { packageScriptFindings, type ScriptSource } from './package-json.js';
export { decodeJsonString } from './json-string.js';
export type { ConfigFinding, ConfigFindingKind } from '../shell/findings.js';
export { analyzeShellScript, analyzeArgv, type ShellOptions, type SourceWord } from '../shell/commands.js';
export type { MappedText } from '../shell/mapped-text.js';
