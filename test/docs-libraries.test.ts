/** docs/libraries.md lists every catalogued library and every alias option. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allAliases, allSinks, CATALOGUE, catalogue } from '../src/analysis/index.js';
import { aliasSpelling } from '../src/analysis/library-aliases.js';

const doc = readFileSync(new URL('../docs/libraries.md', import.meta.url), 'utf8');

describe('docs/libraries.md', () => {
  it('names every library of the catalogue', () => {
    const libraries = new Set([
      ...allSinks()
        .filter((r) => !r.library.startsWith('node:'))
        .map((r) => r.library),
      ...allAliases().map((r) => r.library.split(',')[0]!),
    ]);
    for (const library of libraries) expect(doc, library).toContain(library);
  });

  it('names every alias option', () => {
    for (const row of allAliases()) {
      expect(doc, row.option).toContain(aliasSpelling(row.match));
    }
  });

  it('names every library of the plaintext URL rows in its section', () => {
    const section = doc.slice(doc.indexOf('## Plaintext fallbacks'), doc.indexOf('## Adding a library'));
    expect(section.length).toBeGreaterThan(100);
    for (const row of catalogue().plaintextUrls) {
      expect(section, row.library).toContain(`| ${row.library} `);
      for (const scheme of Object.keys(row.schemes)) expect(section, `${row.library} ${scheme}`).toContain(`${scheme}:`);
    }
  });

  it('has a table row for every catalogue section', () => {
    // The first cell of every library table row: `| axios 1.21 | ...` -> `axios 1.21`.
    const firstCells = doc
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| Library'))
      .map((line) => line.split('|')[1]!.trim());
    const unnamed: string[] = [];
    for (const [name, section] of Object.entries(CATALOGUE)) {
      const names = [
        ...section.packages,
        ...(section.sinks ?? []).map((r) => r.library),
        ...(section.aliases ?? []).map((r) => r.library),
        ...(section.cdkPolicies?.length ? ['aws-cdk-lib'] : []),
      ]
        .flatMap((n) => n.split(', '))
        .filter((n) => !n.startsWith('node:'));
      if (names.length === 0) unnamed.push(name);
      else
        expect(
          firstCells.some((cell) => names.some((n) => cell.includes(n))),
          `catalogue section ${name} (${names.join(', ')})`,
        ).toBe(true);
    }
    // Node's own APIs have no package to name; they are the closed APIs of "Known destinations".
    expect(unnamed).toEqual(['nodeCore']);
    expect(doc).toContain("Node's `tls`, `https` and `http2` APIs");
  });
});
