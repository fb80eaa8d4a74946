/**
 * Connection strings (`postgres://h/db?sslmode=require`, `mongodb+srv://…?tlsInsecure=true`): their
 * text as far as the file shows it, and their query parameters. A part the file does not show (a
 * template placeholder, an unknown operand of `+`) is `PLACEHOLDER` in the text; a parameter whose
 * value holds one is unknown, and one whose name holds one makes every absent parameter unknown.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from './ast.js';
import type { FileContext } from './file-context.js';
import { constInitializer, evaluate, stringFragments } from './values.js';

/** Stands for a part of a string that the file does not show. */
export const PLACEHOLDER = '\u0000';

/** The query parameters of a connection string. */
export interface UrlParams {
  /** The scheme, lower-cased, with its colon: `postgres:`. */
  readonly scheme: string;
  /**
   * A parameter's value (the last one written, decoded): a string; `undefined` when it is unknown (a
   * placeholder in its value, or in some parameter's name); `null` when it is provably absent.
   * `ignoreCase` matches the name in any case (mongodb); the drivers that read `URLSearchParams` do not.
   */
  get(key: string, ignoreCase?: boolean): string | undefined | null;
  /** The parameter is written (`true`, whatever its value), provably absent (`false`), or unknown (`undefined`). */
  has(key: string, ignoreCase?: boolean): boolean | undefined;
}

/** One `k=v` pair of a URL's query, decoded as `URLSearchParams` does (a malformed escape is kept as written). */
export interface QueryPair {
  /** The pair as written (`''` for an empty one, as in `a=1&&b=2`). */
  readonly pair: string;
  /** Decoded, except when `unknownKey`: then as written. */
  readonly key: string;
  readonly value: string;
  /** The name as written holds a placeholder (it may be any parameter). */
  readonly unknownKey: boolean;
}

/** The pairs of the query of `text` (after its first `?`, before a `#`); none without a `?`. */
export function queryPairs(text: string): QueryPair[] {
  const q = text.indexOf('?');
  if (q < 0) return [];
  return text
    .slice(q + 1)
    .split('#')[0]!
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      let key = eq < 0 ? pair : pair.slice(0, eq);
      let value = eq < 0 ? '' : pair.slice(eq + 1);
      if (key.includes(PLACEHOLDER)) return { pair, key, value, unknownKey: true };
      try {
        key = decodeURIComponent(key.replace(/\+/g, ' '));
        value = decodeURIComponent(value.replace(/\+/g, ' '));
      } catch {
        // `URLSearchParams` keeps a malformed escape as written.
      }
      return { pair, key, value, unknownKey: false };
    });
}

/** The query parameters of `scheme://…?k=v&…`; undefined when the text is not such a URL. */
export function parseUrl(text: string): UrlParams | undefined {
  const m = /^([a-z][a-z0-9+.-]*:)\/\//i.exec(text);
  if (!m) return undefined;
  const q = text.indexOf('?');
  const known = new Map<string, string | undefined>();
  // Without a `?`, a placeholder after the authority could still hold a query.
  let open = q < 0 ? text.slice(m[0].length).includes(PLACEHOLDER) : false;
  for (const { key, value, unknownKey } of queryPairs(text)) {
    if (unknownKey) {
      open = true;
      continue;
    }
    known.set(key, value.includes(PLACEHOLDER) ? undefined : value);
  }
  const scheme = m[1]!.toLowerCase();
  return {
    scheme,
    get(key, ignoreCase = false) {
      let found: string | undefined | null = null;
      for (const [k, v] of known) if (k === key || (ignoreCase && k.toLowerCase() === key.toLowerCase())) found = v;
      return found === null && open ? undefined : found;
    },
    has(key, ignoreCase = false) {
      for (const k of known.keys()) if (k === key || (ignoreCase && k.toLowerCase() === key.toLowerCase())) return true;
      return open ? undefined : false;
    },
  };
}

const MAX_DEPTH = 8;

/**
 * The text of a string expression with `PLACEHOLDER` for the parts the file does not show: a known
 * string, a template (each unknown expression a placeholder), a `+` concatenation with known pieces,
 * or a `const` holding one of those. Undefined when nothing of it is known or it may be several strings.
 */
export function connectionStringText(fc: FileContext, node: TSESTree.Node, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const values = evaluate(fc, node);
  if (values) return values.length === 1 && typeof values[0] === 'string' ? values[0] : undefined;
  const n = unwrap(node);
  if (n.type === 'TemplateLiteral') {
    let text = n.quasis[0]?.value.cooked ?? '';
    n.expressions.forEach((expr, i) => {
      const v = evaluate(fc, expr);
      text += (v?.length === 1 && v[0] !== undefined && v[0] !== null ? String(v[0]) : PLACEHOLDER) + (n.quasis[i + 1]?.value.cooked ?? '');
    });
    return text;
  }
  if (n.type === 'BinaryExpression' && n.operator === '+') {
    const fragments = stringFragments(fc, n);
    if (!fragments) return undefined;
    let text = fragments[0]?.atStart ? '' : PLACEHOLDER;
    fragments.forEach((f, i) => (text += (i > 0 ? PLACEHOLDER : '') + f.text));
    return text + (fragments[fragments.length - 1]?.atEnd ? '' : PLACEHOLDER);
  }
  if (n.type === 'Identifier') {
    const init = constInitializer(fc, n);
    return init ? connectionStringText(fc, init, depth + 1) : undefined;
  }
  return undefined;
}
