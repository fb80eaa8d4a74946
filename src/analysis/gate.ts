/**
 * Per-file text gates: the cheapest question a rule asks before it sets up any listener.
 *
 * ESLint's cost for a rule is not only its listeners' bodies: every selector is matched against
 * every node of its type (each `Property`, `CallExpression`, `Literal` of the file) and each match
 * goes through ESLint's dispatch. A rule whose every finding needs a word in the file's text (an
 * option key such as `ciphers`, an environment variable name, a module specifier) can skip the file
 * when the word is absent and return no listeners at all: one regular-expression scan instead of a
 * walk's worth of selector matching. Most files of a real codebase mention no TLS option.
 *
 * A gate must be a superset of what the rule can report: the words are matched anywhere in the text
 * (comments and strings too, no word boundaries), and only keys and names the rule's selectors
 * match literally go in. Computed keys built by concatenation (`'NODE_' + name`) need the rule's own
 * fragment in the list (see no-insecure-tls-env).
 */
import { memoize, type FileContext } from './file-context.js';

/** `s` as a literal inside a regular expression (also inside an esquery `/…/` selector: `/` is escaped). */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A pattern that matches any of `words` as a plain substring (`ignoreCase`: in any case). */
export function wordsPattern(words: Iterable<string>, ignoreCase = false): RegExp {
  const list = [...new Set(words)].filter((w) => w.length > 0).sort();
  // An empty list matches nothing.
  return list.length === 0 ? /(?!)/ : new RegExp(list.map(escapeRegExp).join('|'), ignoreCase ? 'i' : '');
}

/** True when the file's text contains a match of `pattern` (memoised per file and pattern). */
export function mentions(fc: FileContext, pattern: RegExp): boolean {
  return memoize(fc, `mentions:${pattern.flags}:${pattern.source}`, fc.sourceCode.ast, () => pattern.test(fc.sourceCode.text), true);
}
