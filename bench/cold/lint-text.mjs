// `node lint-text.mjs <file>` in a project directory: what an editor integration built on ESLint's
// Node API does for its first diagnostic (the config is found by ESLint's lookup from the file).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const file = path.resolve(process.argv[2]);
// The project's own ESLint, as an editor resolves it.
const { ESLint } = createRequire(path.join(process.cwd(), 'package.json'))('eslint');
const [result] = await new ESLint().lintText(readFileSync(file, 'utf8'), { filePath: file });
for (const m of result.messages) console.log(`${path.basename(file)}:${m.line}:${m.column} ${m.ruleId}`);
