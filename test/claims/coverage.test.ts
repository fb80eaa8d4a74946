/**
 * Every messageId of every rule has a claim test in test/claims/ (a `describe('<rule> <messageId>: <the
 * claim>'` block that shows it on Node), or is listed below as a suggestion (it makes no claim about
 * Node) or as a claim about something other than Node (with what proves it instead). A new message
 * without one fails here, and so does a claim block or table row for a message that no longer exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';

/** Suggestion texts: they describe an edit, not what Node does. */
const SUGGESTIONS: Readonly<Record<keyof typeof rules, readonly string[]>> = {
  'no-insecure-tls-config': ['removeSetting'],
  'no-insecure-tls-env': ['removeAssignment', 'removeProperty', 'removeFlag'],
  'no-legacy-tls-api': ['useTlsModule', 'useCreateSecureContext'],
  'no-legacy-tls-version': [
    'useFactory',
    'raiseMinVersion',
    'removeMaxVersion',
    'useMinVersion',
    'removeAssignment',
    'removeVersionFlags',
    'useSecurePolicy',
    'addSecurePolicy',
  ],
  'no-plaintext-fallback': ['useSecureScheme', 'addRequireTls', 'replaceIgnoreTls', 'useCreateSsl', 'addSsl', 'requireNatsTls', 'addTlsParam', 'verifySsl'],
  'no-unverified-certificate': ['secureDefault', 'libraryFix', 'removeOption', 'removeAssignment', 'useTlsConnect', 'useFactory', 'useFactoryWithCa'],
  'no-unverified-hostname': ['libraryFix', 'removeOption', 'returnCheckResult', 'removeAssignment', 'useFactory'],
  'no-weak-cipher': ['useFactory', 'useProfileCiphers', 'removeSecLevel', 'raiseDhSize', 'dropWeakEntries', 'removeOption', 'removeFlags'],
  'prefer-secure-context': ['useFactory'],
  'require-servername': ['addServername', 'addHost', 'useFactory'],
};

/** Messages whose claim is not about Node, with where it is proven instead. */
const NOT_ABOUT_NODE: Readonly<Record<string, string>> = {
  'no-unverified-certificate/insecureDefault':
    'a claim about the code (the verifying value is not the default); what the default then does is the clientSink / libraryOption claim, shown in no-unverified-certificate.test.ts',
  'no-unverified-hostname/insecureDefault':
    'a claim about the code (the checking value is not the default); what the default then does is the acceptsAnyHost / libraryOption claim, shown in hostname-sni.test.ts',
  'no-legacy-tls-version/cdkLegacyPolicy': "AWS's documented TLS security policies (src/analysis/cdk.ts data, test/rules/no-legacy-tls-version.cdk.cases.ts)",
  'no-legacy-tls-version/cdkLegacyDefault': "AWS's documented default policies (src/analysis/cdk.ts data, test/rules/no-legacy-tls-version.cdk.cases.ts)",
};

/**
 * Messages without a claim test yet, with why. Not a way out: the list must stay exactly the messages
 * that lack one (a proven message left here fails too), so it only shrinks.
 */
const PENDING: Readonly<Record<string, string>> = {};

const dir = import.meta.dirname;
const claimTitles = readdirSync(dir)
  .filter((f) => f.endsWith('.test.ts'))
  .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/\bdescribe\(\s*['"`]([a-z-]+) ([A-Za-z0-9-]+):/g)].map((m) => `${m[1]}/${m[2]}`));

const all = Object.entries(rules).flatMap(([rule, r]) => Object.keys(r.meta.messages).map((id) => `${rule}/${id}`));

describe('every messageId has a claim test', () => {
  it.each(all)('%s', (key) => {
    const [rule, id] = key.split('/') as [keyof typeof rules, string];
    const kinds = [
      claimTitles.includes(key) && 'claim test',
      SUGGESTIONS[rule].includes(id) && 'suggestion',
      key in NOT_ABOUT_NODE && 'not about Node',
      key in PENDING && 'pending',
    ].filter(Boolean);
    expect(kinds, `${key}: add a describe('${rule} ${id}: <claim>') block in test/claims/, or list it as a suggestion`).toHaveLength(1);
  });

  it('no claim block or table row names a message that does not exist', () => {
    const stale = [
      ...claimTitles,
      ...Object.keys(NOT_ABOUT_NODE),
      ...Object.keys(PENDING),
      ...Object.entries(SUGGESTIONS).flatMap(([r, ids]) => ids.map((id) => `${r}/${id}`)),
    ].filter((k) => !all.includes(k));
    expect(stale).toEqual([]);
  });
});

/** The rule doc's section that says which Node versions each claim holds for (issue 11). */
const VERSIONS_HEADING = '## Which Node versions the messages hold for';
/** Docs whose section is being written (it only shrinks: a listed doc that has the section fails). */
const VERSIONS_PENDING = new Set<string>([]);

describe('every rule doc says which Node versions each claim holds for', () => {
  it.each(Object.keys(rules))('rules/%s.md', (rule) => {
    const doc = readFileSync(join(dir, '../../rules', `${rule}.md`), 'utf8');
    const start = doc.indexOf(`\n${VERSIONS_HEADING}\n`);
    if (VERSIONS_PENDING.has(rule)) {
      expect(start, `rules/${rule}.md has the section now: take it off VERSIONS_PENDING`).toBe(-1);
      return;
    }
    expect(start, `rules/${rule}.md: add a section "${VERSIONS_HEADING}"`).toBeGreaterThan(0);
    const rest = doc.slice(start + VERSIONS_HEADING.length + 2);
    const section = rest.slice(0, rest.search(/^## /m) === -1 ? undefined : rest.search(/^## /m));
    const suggestions = new Set<string>(SUGGESTIONS[rule as keyof typeof rules]);
    const claims = Object.keys(rules[rule as keyof typeof rules].meta.messages).filter((id) => !suggestions.has(id));
    expect(
      claims.filter((id) => !section.includes(`\`${id}\``)),
      `rules/${rule}.md: name each of these messages (in backticks) in "${VERSIONS_HEADING}"`,
    ).toEqual([]);
  });
});
