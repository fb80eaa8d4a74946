/**
 * The generic code behind the alias rows: library-specific spellings of "do not verify"
 * (`strictSSL: false`, `tlsInsecure: true`, `.disableTLSCerts()`, `sslmode=no-verify`, Electron's
 * certificate callbacks). Each row says what to match, which library it belongs to and, for generic
 * keys (`ssl`), where the object must go for the row to apply. The listeners here find the matches
 * and describe each suggestion as an edit (`AliasEdit`); `src/rule-kit/alias-report.ts` turns them
 * into reports and fixes. The rows are data in `src/analysis/catalogue/`; this is the only code that reads them.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, memberName, propertyName, unwrap } from './ast.js';
import { closedApiOf } from './closed-apis.js';
import { allAliases, type AliasMatch, type AliasRow, type ConfigRow, type InertCondition, type SiblingCondition } from './catalogue/index.js';
import type { FileContext } from './file-context.js';
import { resolveFunction } from './functions.js';
import { bagOf, destinationsOf, isOpen, lookup, pathMatches, type Destination } from './options.js';
import { matchApi, matchDestination, type ApiRow } from './sinks.js';
import { PLACEHOLDER, parseUrl } from './connection-strings.js';
import { aliasOverridden, replacedByString } from './precedence.js';
import { resolveModuleRef } from './bindings.js';
import { bagKeyOrigin } from './type-evidence.js';
import { always, evaluate, stringValues, type Primitive } from './values.js';
import { insecureReach, type Reached } from './defaults.js';
import { escapeRegExp as escape, wordsPattern } from './gate.js';

export interface AliasReport {
  readonly node: TSESTree.Node;
  readonly row: AliasRow;
  /** Set when the insecure value is the default of a value decided at run time (`tlsInsecure: opts.insecure ?? true`). */
  readonly insecureDefault?: { readonly origin: string };
  /** Message data: `option`, `library`, `effect`, `way` (and `exposes` for a proxy's option). */
  readonly data: Record<'option' | 'library' | 'effect' | 'way', string> & { readonly exposes?: string };
  readonly suggestion: { readonly text: string; readonly edit: AliasEdit } | undefined;
  /**
   * The object goes only to sinks of these modules, which ignore the option from `version` on
   * (the row's `ignoredFrom`): the reporter drops the match when the package's dependency ranges
   * admit only such versions.
   */
  readonly ignoredFrom?: { readonly modules: readonly string[]; readonly version: string };
}

/**
 * A suggestion's edit: the fix helpers of rule-kit remove a list item or a statement with its
 * separators and comments; other edits are plain fixer calls.
 */
export type AliasEdit =
  | { readonly kind: 'remove-list-item'; readonly node: TSESTree.Node }
  | { readonly kind: 'remove-statement'; readonly statement: TSESTree.ExpressionStatement }
  | { readonly kind: 'fix'; readonly fix: TSESLint.ReportFixFunction };

const edit = (fix: TSESLint.ReportFixFunction): AliasEdit => ({ kind: 'fix', fix });

type Rule = AliasRow['rule'];
type RowOfKind<K extends AliasMatch['kind']> = AliasRow & { readonly match: Extract<AliasMatch, { kind: K }> };

const oneOf = (names: readonly string[]): string => `/^(?:${names.map(escape).join('|')})$/`;

/**
 * The rows of one rule and match kind. Listeners are built for every linted file, so the row
 * lists and everything derived from them (selectors, regexes) are computed once (the catalogue is frozen).
 */
const planCache = new Map<string, unknown>();

function cached<T>(key: string, build: () => T): T {
  if (!planCache.has(key)) planCache.set(key, build());
  return planCache.get(key) as T;
}

function rowsOfKind<K extends AliasMatch['kind']>(rule: Rule, kind: K): RowOfKind<K>[] {
  return cached(`${rule}:${kind}`, () => allAliases().filter((r): r is RowOfKind<K> => r.rule === rule && r.match.kind === kind));
}

/** Message data; `{value}` in the row's option is the insecure value as written (`'require'`). */
function dataOf(row: AliasRow, value?: string): AliasReport['data'] {
  const option = value === undefined ? row.option : row.option.replace('{value}', value);
  return { option, library: row.library, effect: row.effect, way: row.way, ...(row.exposes ? { exposes: row.exposes } : {}) };
}

/** The destination is the module's export at one of the config rows' paths (in a file of the row's name). */
function matchConfig(fc: FileContext, dest: Destination, rows: readonly ConfigRow[]): boolean {
  if (dest.kind !== 'export') return false;
  const file = fc.filename.replace(/^.*[\\/]/, '');
  return rows.some((r) => pathMatches(r.path, dest.path) && (!r.file || r.file.test(file)));
}

/** A destination that is the row's API or config file. */
function atRowApi(fc: FileContext, row: AliasRow, dest: Destination): boolean {
  return (!!row.apis && !!matchApi(fc, dest, row.apis)) || (!!row.configs && matchConfig(fc, dest, row.configs));
}

/** Does the object holding the option reach the row's library (or, for a key unique to it, not provably go elsewhere)? */
function reachesLibrary(fc: FileContext, row: AliasRow, object: TSESTree.Node, key: string): boolean {
  if (row.apis || row.configs) {
    if (destinationsOf(fc, object).some((d) => atRowApi(fc, row, d))) return true;
    // With types: the key is declared by the library (a wrapper typed with the library's options).
    const origin = bagKeyOrigin(fc, object, key);
    return origin?.kind === 'tls' && origin.packages.some((p) => row.packages.includes(p));
  }
  // A key unique to the library: reported wherever it appears, unless the file shows that the object
  // goes only to other APIs (`https.request({ strictSSL: false })`: Node does not read request's key)
  // or types say the object is something else.
  const destinations = destinationsOf(fc, object);
  if (destinations.length > 0 && destinations.every((d) => goesToOtherApi(fc, row, d))) return false;
  return bagKeyOrigin(fc, object, key)?.kind !== 'unrelated';
}

/**
 * The destination is provably an API of another library (or of Node): the TLS options of another
 * library's sink, or any argument of a closed API (`fetch`, `tls.connect`) outside the row's packages.
 */
function goesToOtherApi(fc: FileContext, row: AliasRow, dest: Destination): boolean {
  if (dest.kind !== 'argument') return false;
  const module = matchDestination(fc, dest)?.row.module ?? closedApiOf(fc, dest)?.module;
  return module !== undefined && !row.packages.includes(module);
}

/** The row's `ignoredFrom` modules the object goes to, when it provably goes to nothing else (`puppeteer.launch(opts)`). */
function ignoredFromOf(fc: FileContext, row: AliasRow, object: TSESTree.Node): AliasReport['ignoredFrom'] {
  if (!row.ignoredFrom) return undefined;
  const destinations = destinationsOf(fc, object);
  if (destinations.length === 0) return undefined;
  const modules = new Set<string>();
  for (const d of destinations) {
    const module = d.kind === 'argument' ? matchDestination(fc, d)?.row.module : undefined;
    if (module === undefined || !row.ignoredFrom.packages.includes(module)) return undefined;
    modules.add(module);
  }
  return { modules: [...modules], version: row.ignoredFrom.version };
}

/** The effective entry for the key is this property (`{ k: bad, k: good }` is fine). */
function isEffective(fc: FileContext, prop: TSESTree.Property, key: string): boolean {
  const own = bagOf(fc, prop.parent);
  return !own || lookup(own, key)?.entry.node === prop;
}

function propertyListener(fc: FileContext, rule: Rule, report: (r: AliasReport) => void): TSESLint.RuleListener {
  const props = rowsOfKind(rule, 'property');
  const missing = rowsOfKind(rule, 'missing');
  const selector = cached(`${rule}:property-selector`, () => {
    const keys = [...new Set([...props.map((r) => r.match.key), ...missing.map((r) => r.match.key)])];
    return keys.length === 0 ? undefined : `Property[key.name=${oneOf(keys)}], Property[key.value=${oneOf(keys)}]`;
  });
  if (!selector) return {};
  return {
    [selector](node: TSESTree.Property) {
      if (node.parent.type !== 'ObjectExpression' || node.kind !== 'init') return;
      const key = propertyName(node);
      if (key === undefined || !isEffective(fc, node, key)) return;
      for (const row of props) {
        if (row.match.key !== key) continue;
        // Insecure on every path, or by a literal or default this file writes (`opts.insecure ?? true`).
        const reach = always(evaluate(fc, node.value), row.match.insecure) ? undefined : insecureReach(fc, node.value, row.match.insecure);
        if (!reach && !always(evaluate(fc, node.value), row.match.insecure)) continue;
        if (row.match.siblings && !siblingsHold(fc, node.parent, row.match.siblings)) continue;
        if (row.match.inert && row.match.inert.some((c) => inertHolds(fc, node.parent, c))) continue;
        if (!reachesLibrary(fc, row, node.parent, key)) continue;
        // The library takes another key of the object (mongodb `rejectUnauthorized`), or the config's connection string (pg), instead.
        if (aliasOverridden(fc, node, row.overriddenBy, node.parent) || (row.replacedBy && replacedByString(fc, node.parent, row.replacedBy))) continue;
        const ignoredFrom = ignoredFromOf(fc, row, node.parent);
        if (reach?.via === 'default') {
          report({
            node,
            row,
            data: dataOf(row, valueText(reach.value)),
            insecureDefault: { origin: deciderText(fc, reach.decider ?? node.value) },
            suggestion: defaultFix(row, reach),
            ...(ignoredFrom && { ignoredFrom }),
          });
          return;
        }
        report({
          node,
          row,
          data: dataOf(row, reach ? valueText(reach.value) : fc.sourceCode.getText(node.value)),
          suggestion: propertyFix(fc, row, node),
          ...(ignoredFrom && { ignoredFrom }),
        });
        return;
      }
      for (const row of missing) {
        if (row.match.key !== key || !lacksRequiredOption(fc, node.value, row.match.required, row.match.insecure)) continue;
        if (!reachesLibrary(fc, row, node.parent, key)) continue;
        const object = unwrap(node.value) as TSESTree.ObjectExpression;
        const last = object.properties[object.properties.length - 1];
        const insert = `${row.match.required}: true`;
        // `verifyIdentity: false` in the literal itself: set it to true rather than adding a duplicate key.
        const present = object.properties.find((p) => p.type === 'Property' && propertyName(p) === row.match.required) as TSESTree.Property | undefined;
        report({
          node,
          row,
          data: dataOf(row),
          suggestion: {
            text: row.fixText ?? `Add \`${insert}\`.`,
            edit: edit((fixer) =>
              present
                ? fixer.replaceText(present.value, 'true')
                : last
                  ? fixer.insertTextAfter(last, `, ${insert}`)
                  : fixer.replaceText(object, `{ ${insert} }`),
            ),
          },
        });
        return;
      }
    },
  };
}

/**
 * Every sibling condition provably holds for the object holding the option: each key on the path
 * is provably absent (the condition sees `undefined`) or its every possible value satisfies it.
 */
function siblingsHold(fc: FileContext, object: TSESTree.Node, conditions: readonly SiblingCondition[]): boolean {
  return conditions.every((c) => {
    let node: TSESTree.Node = object;
    for (const [i, key] of c.path.entries()) {
      const bag = bagOf(fc, node);
      if (!bag) return false;
      const found = lookup(bag, key);
      if (!found) return !isOpen(bag) && c.insecure(undefined);
      if (found.overridable || !found.entry.value) return false;
      if (i === c.path.length - 1) return always(evaluate(fc, found.entry.value), c.insecure);
      node = found.entry.value;
    }
    return false;
  });
}

/** The key at the condition's path is provably there, not replaced later, and every possible value makes the option inert. */
function inertHolds(fc: FileContext, object: TSESTree.Node, condition: InertCondition): boolean {
  let node: TSESTree.Node = object;
  for (const [i, key] of condition.path.entries()) {
    const bag = bagOf(fc, node);
    const found = bag && lookup(bag, key);
    if (!found || found.overridable || !found.entry.value) return false;
    if (i === condition.path.length - 1) return always(evaluate(fc, found.entry.value), condition.inert);
    node = found.entry.value;
  }
  return false;
}

/** An object literal that provably lacks `required: true` and does not already turn verification off. */
function lacksRequiredOption(fc: FileContext, value: TSESTree.Node, required: string, insecure: (v: Primitive) => boolean = (v) => !v): boolean {
  const object = unwrap(value);
  if (object.type !== 'ObjectExpression') return false;
  const bag = bagOf(fc, object);
  if (!bag) return false;
  // `rejectUnauthorized: false` already disables the hostname check too: one finding, not two.
  const reject = lookup(bag, 'rejectUnauthorized');
  if (reject?.entry.value && always(evaluate(fc, reject.entry.value), (v) => v === false)) return false;
  const found = lookup(bag, required);
  if (!found) return !bag.items.some((i) => typeof i === 'symbol');
  return !found.overridable && !!found.entry.value && always(evaluate(fc, found.entry.value), insecure);
}

/** A value as the message shows it: `true`, `'no-verify'`. */
export function valueText(value: Primitive): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/** The construct that applies a default, as a message quotes it (shortened). */
export function deciderText(fc: FileContext, node: TSESTree.Node): string {
  const text = fc.sourceCode.getText(node).replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The secure value a default can take instead, when its literal can be rewritten: the row's replacement, or the other boolean. */
function secureDefaultText(row: AliasRow, value: Primitive): string | undefined {
  if (row.match.kind !== 'property') return undefined;
  const insecure = row.match.insecure;
  if (typeof value === 'boolean' && !insecure(!value)) return String(!value);
  return row.fix?.kind === 'replace-value' ? row.fix.text : undefined;
}

/** Rewrites the default's literal (`?? true` -> `?? false`). */
function defaultFix(row: AliasRow, reach: Reached): AliasReport['suggestion'] {
  const text = reach.origin && secureDefaultText(row, reach.value);
  if (!reach.origin || !text) return undefined;
  const origin = reach.origin;
  return { text: `Make the default \`${text}\`.`, edit: edit((fixer) => fixer.replaceText(origin, text)) };
}

function propertyFix(fc: FileContext, row: AliasRow, node: TSESTree.Property): AliasReport['suggestion'] {
  const fix = row.fix;
  if (!fix) return undefined;
  const text = row.fixText ?? 'Remove it.';
  if (fix.kind === 'replace-value') return { text, edit: edit((fixer) => fixer.replaceText(node.value, fix.text)) };
  return { text, edit: { kind: 'remove-list-item', node } };
}

function statementOf(node: TSESTree.Node): TSESTree.ExpressionStatement | undefined {
  let current: TSESTree.Node = node;
  while (current.parent?.type === 'ChainExpression' || current.parent?.type === 'AwaitExpression') current = current.parent;
  return current.parent?.type === 'ExpressionStatement' ? current.parent : undefined;
}

/** With types: a method of that name declared outside the library is not the library's. */
function isLibraryMethod(fc: FileContext, row: AliasRow, callee: TSESTree.MemberExpression, name: string): boolean {
  const origin = fc.types?.keyOrigin(callee.object, name);
  if (!origin) return true;
  return origin.kind === 'tls' && (origin.packages.length === 0 || origin.packages.some((p) => row.packages.includes(p)));
}

function methodListener(fc: FileContext, rule: Rule, report: (r: AliasReport) => void): TSESLint.RuleListener {
  const methods = rowsOfKind(rule, 'method');
  const withArgument = rowsOfKind(rule, 'method-argument');
  const withValue = rowsOfKind(rule, 'method-value');
  const names = [...new Set([...methods, ...withArgument, ...withValue].map((r) => r.match.name))];
  if (names.length === 0) return {};
  return {
    [`CallExpression[callee.property.name=${oneOf(names)}]`](node: TSESTree.CallExpression) {
      const callee = unwrap(node.callee);
      if (callee.type !== 'MemberExpression') return;
      const name = memberName(callee);
      for (const row of methods) {
        if (row.match.name !== name || !isLibraryMethod(fc, row, callee, name)) continue;
        const statement = statementOf(node);
        const objectText = fc.sourceCode.getText(callee.object);
        const sole = statement && unwrap(callee.object).type === 'Identifier';
        report({
          node,
          row,
          data: dataOf(row),
          suggestion: {
            text: row.fixText ?? 'Remove this call.',
            edit: sole && statement ? { kind: 'remove-statement', statement } : edit((fixer) => fixer.replaceText(node, objectText)),
          },
        });
        return;
      }
      for (const row of withArgument) {
        const arg = node.arguments[0];
        if (row.match.name !== name || !arg || arg.type === 'SpreadElement') continue;
        const values = stringValues(fc, arg);
        if (!values || !values.every((v) => row.match.values.includes(v))) continue;
        const statement = statementOf(node);
        report({
          node,
          row,
          data: dataOf(row),
          suggestion: statement ? { text: row.fixText ?? 'Remove this call.', edit: { kind: 'remove-statement', statement } } : undefined,
        });
        return;
      }
      for (const row of withValue) {
        const [option, value] = node.arguments;
        if (row.match.name !== name || !option || !value || option.type === 'SpreadElement' || value.type === 'SpreadElement') continue;
        if (!namesOption(fc, row.match, option) || !isLibraryMethod(fc, row, callee, name)) continue;
        const values = evaluate(fc, value);
        if (!always(values, row.match.insecure)) continue;
        const secure = row.match.secure(values);
        report({
          node,
          row,
          data: dataOf(row, fc.sourceCode.getText(value)),
          suggestion: {
            text: row.fixText?.replace('{secure}', secure) ?? `Replace the value with \`${secure}\`.`,
            edit: edit((fixer) => fixer.replaceText(value, secure)),
          },
        });
        return;
      }
    },
  };
}

/** The option-name argument of a `method-value` call: a string naming one of the options (any case), or a member of a constants table. */
function namesOption(fc: FileContext, match: Extract<AliasMatch, { kind: 'method-value' }>, node: TSESTree.Node): boolean {
  const constants = match.constants;
  // A member of the library's own module is judged by its name, not by its declared type: node-libcurl
  // types `Curl.option.sslVerifyPeer` as 'SSL_VERIFYPEER', but at run time the table holds upper-case names only.
  const ref = constants && unwrap(node).type === 'MemberExpression' ? resolveModuleRef(fc, node) : undefined;
  if (constants && ref?.module === constants.module) {
    const option = ref.path[ref.path.length - 1]!;
    const table = ref.path.slice(0, -1);
    return match.options.includes(option) && constants.exports.some((p) => p.length === table.length && p.every((x, i) => x === table[i]));
  }
  const strings = stringValues(fc, node);
  return !!strings && strings.every((s) => match.options.includes(s.toUpperCase()));
}

const LISTEN = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/** Calls of a verdict parameter made unconditionally at the top level of the callback's body. */
function unconditionalVerdictCalls(fn: TSESTree.FunctionLike, from: number): TSESTree.CallExpression[] {
  const params = fn.params
    .slice(from)
    .filter((p): p is TSESTree.Identifier => p.type === 'Identifier')
    .map((p) => p.name);
  if (params.length === 0 || !fn.body) return [];
  const expressions: TSESTree.Expression[] = [];
  if (fn.body.type === 'BlockStatement') {
    for (const s of fn.body.body) {
      if (s.type === 'ExpressionStatement') expressions.push(s.expression);
      else if (s.type === 'ReturnStatement' && s.argument) expressions.push(s.argument);
    }
  } else {
    expressions.push(fn.body);
  }
  const flat = expressions.flatMap((e): TSESTree.Expression[] => (e.type === 'SequenceExpression' ? e.expressions : [e]));
  return flat.filter((e): e is TSESTree.CallExpression => e.type === 'CallExpression' && e.callee.type === 'Identifier' && params.includes(e.callee.name));
}

function verdictListener(fc: FileContext, rule: Rule, report: (r: AliasReport) => void): TSESLint.RuleListener {
  const list = rowsOfKind(rule, 'verdict-callback');
  if (list.length === 0) return {};
  const check = (row: RowOfKind<'verdict-callback'>, fnNode: TSESTree.Node | undefined): boolean => {
    if (!fnNode || fnNode.type === 'SpreadElement') return false;
    const fn = resolveFunction(fc, fnNode);
    if (!fn || !isFunctionNode(fn)) return false;
    for (const call of unconditionalVerdictCalls(fn, row.match.from)) {
      const arg = call.arguments[0];
      if (!arg || arg.type === 'SpreadElement' || !always(evaluate(fc, arg), (v) => v === row.match.insecure)) continue;
      const secure = row.match.secure;
      report({
        node: call,
        row,
        data: dataOf(row),
        suggestion: { text: row.fixText ?? 'Reject the certificate.', edit: edit((fixer) => fixer.replaceText(arg, secure)) },
      });
      return true;
    }
    return false;
  };
  const listeners: TSESLint.RuleListener = {};
  const events = list.filter((r) => r.match.event);
  if (events.length > 0) {
    listeners[`CallExpression[arguments.0.value=${oneOf(events.map((r) => r.match.event!))}]`] = (node: TSESTree.CallExpression) => {
      const callee = unwrap(node.callee);
      if (callee.type !== 'MemberExpression' || !LISTEN.has(memberName(callee) ?? '')) return;
      const event = (node.arguments[0] as TSESTree.StringLiteral).value;
      for (const row of events) if (row.match.event === event && check(row, node.arguments[1])) return;
    };
  }
  const methods = list.filter((r) => r.match.name);
  if (methods.length > 0) {
    listeners[`CallExpression[callee.property.name=${oneOf(methods.map((r) => r.match.name!))}]`] = (node: TSESTree.CallExpression) => {
      const callee = unwrap(node.callee) as TSESTree.MemberExpression;
      for (const row of methods) if (row.match.name === memberName(callee) && check(row, node.arguments[0])) return;
    };
  }
  return listeners;
}

/** The connection-string APIs of every url row, by library (for `goesOnlyToOtherStringApis`). */
function stringApis(): readonly { readonly packages: readonly string[]; readonly apis: readonly ApiRow[] }[] {
  return cached('string-apis', () =>
    allAliases()
      .filter((r) => r.match.kind === 'url' && r.apis)
      .map((r) => ({ packages: r.packages, apis: r.apis! })),
  );
}

function goesOnlyToOtherStringApis(fc: FileContext, row: AliasRow, node: TSESTree.Node): boolean {
  const destinations = destinationsOf(fc, node);
  const others = stringApis().filter((o) => !o.packages.some((p) => row.packages.includes(p)));
  return destinations.length > 0 && destinations.every((d) => others.some((o) => matchApi(fc, d, o.apis)));
}

function urlListener(fc: FileContext, rule: Rule, report: (r: AliasReport) => void): TSESLint.RuleListener {
  const list = rowsOfKind(rule, 'url');
  if (list.length === 0) return {};
  const { cheap, hinted } = cached(`${rule}:url-patterns`, () => {
    const params = [...new Set(list.map((r) => r.match.param))];
    const hint = params.map(escape).join('|');
    // Case-insensitive here: rows that read names as written check the case themselves (`UrlParams.get`).
    return { cheap: new RegExp(`[?&](?:${hint})=`, 'i'), hinted: new RegExp(`(?:${hint})=`, 'i') };
  });
  const check = (node: TSESTree.Node, text: string): void => {
    if (!cheap.test(text)) return;
    const url = parseUrl(text);
    if (!url) return;
    for (const row of list) {
      const { scheme, param, ignoreCase, insecure, secure } = row.match;
      const value = url.get(param, ignoreCase);
      if (!scheme.test(url.scheme) || typeof value !== 'string' || !insecure(value, url)) continue;
      if (row.apis && !destinationsOf(fc, node).some((d) => matchApi(fc, d, row.apis!))) continue;
      // A string that goes only to another library's connection-string API is that library's (pg's `no-verify` means nothing to postgres.js).
      if (!row.apis && goesOnlyToOtherStringApis(fc, row, node)) continue;
      // The options object beside the string wins (mongodb, postgres.js, mysql2).
      if (aliasOverridden(fc, node, row.overriddenBy)) continue;
      report({ node, row, data: dataOf(row, value), suggestion: urlFix(fc, node, param, value, secure) });
      return;
    }
  };
  return stringListeners(hinted, check);
}

/**
 * Listeners for the string literals and untagged template literals whose text matches `filter`.
 * The selectors do the filtering (no JS call per string of the file); `check` gets the node and its
 * text, a template once (at its first matching element) with its placeholders as PLACEHOLDER.
 */
function stringListeners(filter: RegExp, check: (node: TSESTree.Node, text: string) => void): TSESLint.RuleListener {
  const selector = `/${filter.source}/${filter.flags}`;
  return {
    [`Literal[value=${selector}]`](node: TSESTree.Literal) {
      if (typeof node.value === 'string') check(node, node.value);
    },
    [`TemplateElement[value.raw=${selector}]`](element: TSESTree.TemplateElement) {
      const node = element.parent;
      if (node.type !== 'TemplateLiteral' || node.parent?.type === 'TaggedTemplateExpression') return;
      if (node.quasis.find((q) => filter.test(q.value.raw)) !== element) return;
      check(node, node.quasis.map((q) => q.value.cooked ?? '').join(PLACEHOLDER));
    },
  };
}

function urlFix(fc: FileContext, node: TSESTree.Node, param: string, value: string, secure: string): AliasReport['suggestion'] {
  const raw = fc.sourceCode.getText(node);
  const m = new RegExp(`([?&]${escape(param)}=)${escape(value)}(?=[&#'"\`]|$)`, 'i').exec(raw);
  if (!m) return undefined;
  const start = node.range[0] + m.index + m[1]!.length;
  return { text: `Use \`${param}=${secure}\`.`, edit: edit((fixer) => fixer.replaceTextRange([start, start + value.length], secure)) };
}

/**
 * The pairs of an ADO.NET-style connection string (`Server=db;Encrypt=true`): keys trimmed and
 * lower-cased, values trimmed unless quoted (`"…"`, `'…'`, `{…}`, a doubled closing quote is one),
 * `;;` and `==` stand for one character, the last duplicate wins. Undefined when a template
 * placeholder sits in a key (it could be any pair) or the string is malformed; a value holding a
 * placeholder is `undefined` (unknown).
 */
function parseKeyValueString(text: string): Map<string, string | undefined> | undefined {
  const pairs = new Map<string, string | undefined>();
  const n = text.length;
  let i = 0;
  while (i < n) {
    let key = '';
    for (; i < n; i++) {
      if (text[i] !== '=') key += text[i];
      else if (text[i + 1] === '=') key += text[i++];
      else break;
    }
    if (i >= n) return key.includes(PLACEHOLDER) ? undefined : pairs;
    i++;
    while (i < n && /\s/.test(text[i]!)) i++;
    let value = '';
    const close = ({ '"': '"', "'": "'", '{': '}' } as Record<string, string>)[text[i] ?? ''];
    if (close) {
      let closed = false;
      for (i++; i < n; i++) {
        if (text[i] !== close) value += text[i];
        else if (text[i + 1] === close) value += text[i++];
        else {
          closed = true;
          i++;
          break;
        }
      }
      if (!closed) return undefined;
      for (; i < n && text[i] !== ';'; i++) if (text[i]!.trim()) return undefined;
    } else {
      for (; i < n; i++) {
        if (text[i] !== ';') value += text[i];
        else if (text[i + 1] === ';') value += text[i++];
        else break;
      }
      value = value.trim();
    }
    i++;
    const name = key.trim().toLowerCase();
    if (name.includes(PLACEHOLDER)) return undefined;
    pairs.set(name, value.includes(PLACEHOLDER) ? undefined : value);
  }
  return pairs;
}

function keyValueListener(fc: FileContext, rule: Rule, report: (r: AliasReport) => void): TSESLint.RuleListener {
  const list = rowsOfKind(rule, 'key-value');
  if (list.length === 0) return {};
  const hinted = cached(`${rule}:key-value-pattern`, () => {
    const hint = [...new Set(list.map((r) => r.match.key.toLowerCase()))].map(escape).join('|');
    return new RegExp(`(?:${hint})\\s*=`, 'i');
  });
  const check = (node: TSESTree.Node, text: string): void => {
    const pairs = parseKeyValueString(text);
    if (!pairs) return;
    for (const row of list) {
      const { key, insecure, secure } = row.match;
      const value = pairs.get(key.toLowerCase());
      if (value === undefined || !insecure(value, pairs)) continue;
      if (row.apis && !destinationsOf(fc, node).some((d) => matchApi(fc, d, row.apis!))) continue;
      report({ node, row, data: dataOf(row, value), suggestion: keyValueFix(fc, node, key, value, secure) });
      return;
    }
  };
  return stringListeners(hinted, check);
}

/** Replaces an unquoted `key=value` in the source text of the string; no suggestion when it is written otherwise. */
function keyValueFix(fc: FileContext, node: TSESTree.Node, key: string, value: string, secure: string): AliasReport['suggestion'] {
  const raw = fc.sourceCode.getText(node);
  const m = new RegExp(`((?:^|[;'"\`])\\s*${escape(key)}\\s*=\\s*)${escape(value)}(?=\\s*(?:;|['"\`]|$))`, 'i').exec(raw);
  if (!m) return undefined;
  const start = node.range[0] + m.index + m[1]!.length;
  return { text: `Use \`${key}=${secure}\`.`, edit: edit((fixer) => fixer.replaceTextRange([start, start + value.length], secure)) };
}

function flagListener(fc: FileContext, rule: Rule, report: (r: AliasReport) => void): TSESLint.RuleListener {
  const list = rowsOfKind(rule, 'argument-flag');
  if (list.length === 0) return {};
  const values = [...new Set(list.flatMap((r) => r.match.values))];
  return {
    [`ArrayExpression > Literal[value=${oneOf(values)}]`](node: TSESTree.Literal) {
      const row = list.find((r) => r.match.values.includes(node.value as string));
      if (!row) return;
      const quote = fc.sourceCode.getText(node);
      report({
        node,
        row,
        data: dataOf(row, `\`${quote}\``),
        suggestion: { text: row.fixText ?? 'Remove the flag.', edit: { kind: 'remove-list-item', node } },
      });
    },
  };
}

type Listener = (fc: FileContext, rule: Rule, report: (r: AliasReport) => void) => TSESLint.RuleListener;

/** What the generic code knows of one match kind. */
interface MatchKind<K extends AliasMatch['kind']> {
  /**
   * The words of the file's text a match needs, for the per-file gate (`undefined`: it can match
   * without a fixed word).
   */
  readonly words: (match: Extract<AliasMatch, { kind: K }>) => readonly string[] | undefined;
  /** The spelling docs/libraries.md must show for a row (test/docs-libraries.test.ts). */
  readonly spelling: (match: Extract<AliasMatch, { kind: K }>) => string;
  /** The listeners that find matches of this kind (one listener may serve several kinds: then named on the first). */
  readonly listener?: Listener;
}

/**
 * Every match kind, once: a new kind is an `AliasMatch` member in catalogue/model.ts and one entry
 * here (the type makes a missing entry a compile error), plus its listener.
 */
const MATCH_KINDS: { readonly [K in AliasMatch['kind']]: MatchKind<K> } = {
  property: { words: (m) => [m.key], spelling: (m) => m.key, listener: propertyListener },
  missing: { words: (m) => [m.key], spelling: (m) => m.key /* listened by propertyListener */ },
  method: { words: (m) => [m.name], spelling: (m) => m.name, listener: methodListener },
  'method-argument': { words: (m) => [m.name], spelling: (m) => m.name /* listened by methodListener */ },
  'method-value': { words: (m) => [m.name], spelling: (m) => m.options[0]! /* listened by methodListener */ },
  'verdict-callback': {
    words: (m) => ((m.event ?? m.name) === undefined ? undefined : [(m.event ?? m.name)!]),
    spelling: (m) => (m.event ?? m.name)!,
    listener: verdictListener,
  },
  url: { words: (m) => [m.param], spelling: (m) => m.param, listener: urlListener },
  'key-value': { words: (m) => [m.key], spelling: (m) => m.key, listener: keyValueListener },
  'argument-flag': { words: (m) => m.values, spelling: (m) => m.values[0]!, listener: flagListener },
};

/** Every listener the alias rows of one rule need; spread into the rule's `create()` result. */
export function aliasListeners(fc: FileContext, rule: Rule, report: (r: AliasReport) => void): TSESLint.RuleListener {
  return Object.assign({}, ...Object.values(MATCH_KINDS).map((k) => k.listener?.(fc, rule, report) ?? {})) as TSESLint.RuleListener;
}

/** The words of the file's text one alias match needs (`undefined`: it can match without a fixed word). */
function wordsOf(match: AliasMatch): readonly string[] | undefined {
  return (MATCH_KINDS[match.kind].words as (m: AliasMatch) => readonly string[] | undefined)(match);
}

/** The option's spelling as docs/libraries.md shows it (`tlsInsecure`, `sslmode`, `SSL_VERIFYPEER`). */
export function aliasSpelling(match: AliasMatch): string {
  return (MATCH_KINDS[match.kind].spelling as (m: AliasMatch) => string)(match);
}

/**
 * The per-file gate of a rule's alias findings: a file whose text (in any case: connection-string
 * keys and option names are matched ignoring case) has none of these words cannot hold one. Keys,
 * method names, events, flags and URL / connection-string parameters of every row of `rule`.
 */
export function aliasMentions(rule: Rule): RegExp {
  return cached(`${rule}:mentions`, () => {
    const words = allAliases()
      .filter((r) => r.rule === rule)
      .map((r) => wordsOf(r.match));
    return words.includes(undefined)
      ? /(?:)/
      : wordsPattern(
          words.flatMap((w) => w ?? []),
          true,
        );
  });
}
