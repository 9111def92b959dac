/**
 * Pages take their links and citations from linksAndCites (one parser), the
 * content check from parseBody (two parsers; one in the build for a sound
 * body): on every checked body they must agree, or backlinks and citations
 * would differ from what was checked.
 */
import { describe, expect, test } from 'vitest';
import { generateCorpus } from '../../scripts/bench/corpus';
import { readContentDir } from '../../src/lib/content/files';
import { linksAndCites, parseBody } from '../../src/lib/content/body-syntax';

function agree(body: string): void {
  const full = parseBody(body);
  expect(full.problems).toEqual([]);
  expect(linksAndCites(body)).toEqual({ links: full.links, cites: full.cites });
  // The build's check (one parser for a sound body) reads the same links, citations, headings and paragraphs.
  expect(parseBody(body, 0, { crossCheck: false })).toEqual(full);
}

describe('linksAndCites agrees with parseBody', () => {
  const real = readContentDir(process.cwd()).files;

  test('on every real entry body', () => {
    expect(real.length).toBeGreaterThan(50);
    let links = 0;
    for (const f of real) {
      agree(f.body);
      links += linksAndCites(f.body).links.length;
    }
    // The bodies do link and cite: the comparison is not between empty lists.
    expect(links).toBeGreaterThan(100);
  });

  test('on 300 synthetic bodies of the benchmark corpus', () => {
    const corpus = generateCorpus({ entries: 300, seed: 7 });
    for (const text of [...corpus.files.values()].slice(0, 300)) agree(text.replace(/^---[\s\S]*?\n---\n/, ''));
  });

  test('links, citations and their lines', () => {
    const body = 'First line.\n\nSee [ICE](/agencies/ice/) and [Palantir](/companies/palantir-technologies/#contracts).<Cite source="s1" locator="p. 2" />\n\n<Cite source="s2" via="reuters" />\n';
    agree(body);
    const { links, cites } = linksAndCites(body);
    expect(links.map((l) => l.url)).toEqual(['/agencies/ice/', '/companies/palantir-technologies/#contracts']);
    expect(cites.map((c) => [c.source, c.line, c.locator, c.via])).toEqual([
      ['s1', 3, 'p. 2', undefined],
      ['s2', 5, undefined, 'reuters'],
    ]);
  });

  test('an unparseable body has nothing to link (the content check reports it)', () => {
    expect(linksAndCites('Broken <Cite source="x"\n')).toEqual({ links: [], cites: [] });
  });
});
