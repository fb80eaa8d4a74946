/** docs/libraries.md lists every catalogued library and every alias option. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allAliases, allSinks, CATALOGUE } from '../src/analysis/index.js';

const doc = readFileSync(new URL('../docs/libraries.md', import.meta.url), 'utf8');

describe('docs/libraries.md', () => {
  it('names every library of the catalogue', () => {
    const libraries = new Set([...allSinks().filter((r) => !r.library.startsWith('node:')).map((r) => r.library), ...allAliases().map((r) => r.library.split(',')[0]!)]);
    for (const library of libraries) expect(doc, library).toContain(library);
  });

  it('names every alias option', () => {
    for (const row of allAliases()) {
      const spelling = row.match.kind === 'property' || row.match.kind === 'missing' ? row.match.key : row.match.kind === 'url' ? row.match.param : row.match.kind === 'verdict-callback' ? (row.match.event ?? row.match.name!) : row.match.kind === 'argument-flag' ? row.match.values[0]! : row.match.kind === 'method-value' ? row.match.options[0]! : row.match.kind === 'key-value' ? row.match.key : row.match.name;
      expect(doc, row.option).toContain(spelling);
    }
  });

  it('has a section for every catalogue section', () => {
    expect(Object.keys(CATALOGUE).length).toBeGreaterThanOrEqual(28);
  });
});
