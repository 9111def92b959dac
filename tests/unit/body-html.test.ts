import { describe, expect, it } from 'vitest';
import { bodyTree, escapeHtml, renderBodyHtml, type BodyRenderOptions } from '../../src/lib/views/body-html';
import { checkContent } from '../../src/lib/content/check';
import { readContentDir } from '../../src/lib/content/files';
import { createCiteContext, useNote } from '../../src/lib/views/cite-context';

/** Cites numbered in order of first use, as a page's footnotes would be. */
function numberedCites(): BodyRenderOptions['cite'] {
  const numbers = new Map<string, number>();
  const uses = new Map<number, number>();
  return (source, via) => {
    const key = `${source}|${via ?? ''}`;
    if (!numbers.has(key)) numbers.set(key, numbers.size + 1);
    const n = numbers.get(key)!;
    uses.set(n, (uses.get(n) ?? 0) + 1);
    return { n, refId: `cite-ref-${n}-${uses.get(n)}` };
  };
}

const render = (body: string, options: Partial<BodyRenderOptions> = {}) => renderBodyHtml(bodyTree(body), { locale: 'en', cite: numberedCites(), base: '/', ...options });

describe('entry bodies rendered from their tree', () => {
  it.each([
    ['a paragraph with smart quotes', 'He said "no" and it\'s over.', '<p>He said “no” and it’s over.</p>'],
    ['escaped text', 'AT&T: 1 < 2 > 0', '<p>AT&amp;T: 1 &lt; 2 &gt; 0</p>'],
    ['emphasis, strong, code, strike', '*a* **b** `c<d>` ~~e~~', '<p><em>a</em> <strong>b</strong> <code>c&lt;d&gt;</code> <del>e</del></p>'],
    ['a hard line break', 'one  \ntwo', '<p>one<br>\ntwo</p>'],
    ['lists', '- a\n- b\n\n1. c', '<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol>\n<li>c</li>\n</ol>'],
    ['a quotation', '> quoted', '<blockquote>\n<p>quoted</p>\n</blockquote>'],
    ['a rule', 'a\n\n---\n\nb', '<p>a</p>\n<hr>\n<p>b</p>'],
    // As classes, not inline styles, which the page's CSP blocks.
    ['a table keeps its alignment', '| a | b | c |\n|:--|--:|:-:|\n| 1 | 2 | 3 |', '<table>\n<thead>\n<tr>\n<th class="align-left">a</th>\n<th class="align-right">b</th>\n<th class="align-center">c</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td class="align-left">1</td>\n<td class="align-right">2</td>\n<td class="align-center">3</td>\n</tr>\n</tbody>\n</table>'],
    ['an allowed inline element keeps only its allowed attributes', 'x <span lang="ar" dir="rtl">نص</span> y', '<p>x <span lang="ar" dir="rtl">نص</span> y</p>'],
    ['a self-closing allowed element', 'a<br />b', '<p>a<br>b</p>'],
  ])('%s', (_, body, html) => {
    expect(render(body)).toBe(html);
  });

  it('gives headings GitHub-style ids, unique within the body, in any script', () => {
    expect(render('## Contracts and technology\n\n## Contracts and technology\n\n### العقود والتكنولوجيا')).toBe(
      '<h2 id="contracts-and-technology">Contracts and technology</h2>\n<h2 id="contracts-and-technology-1">Contracts and technology</h2>\n<h3 id="العقود-والتكنولوجيا">العقود والتكنولوجيا</h3>',
    );
  });

  it('points site links at the page language and base path, and marks outside links', () => {
    const body = '[ICE](/agencies/ice/) [note](#note-1) [site](https://example.org/a?b=1&c=2 "Title")';
    expect(render(body)).toBe(
      '<p><a href="/agencies/ice/">ICE</a> <a href="#note-1">note</a> <a href="https://example.org/a?b=1&amp;c=2" title="Title" rel="noopener noreferrer" class="external">site</a></p>',
    );
    expect(render(body, { locale: 'ar', base: '/wiki/' })).toContain('<a href="/wiki/ar/agencies/ice/">ICE</a> <a href="#note-1">note</a>');
  });

  it('leaves links to the data files, which exist once for both languages, without /ar/', () => {
    expect(render('[data](/api/v1/entries.json)', { locale: 'ar', base: '/wiki/' })).toBe('<p><a href="/wiki/api/v1/entries.json">data</a></p>');
  });

  it('refuses to print an inline style other than a table column\'s alignment', () => {
    const tree = { type: 'root', children: [{ type: 'element', tagName: 'p', properties: { style: 'color: red' }, children: [] }] };
    expect(() => renderBodyHtml(tree as ReturnType<typeof bodyTree>, { locale: 'en', cite: numberedCites(), base: '/' })).toThrow(/the content check should have refused it/);
  });

  it('numbers citations through the page footnotes, with one id per use', () => {
    const ctx = createCiteContext([
      { n: 1, source: 'a', via: undefined },
      { n: 2, source: 'b', via: 'Wired' },
    ] as never);
    const html = renderBodyHtml(bodyTree('One.<Cite source="b" via="Wired" /> Two.<Cite source="a" /><Cite source="b" via="Wired" />'), {
      locale: 'en',
      base: '/',
      cite: (source) => useNote(ctx, source),
    });
    expect(html).toBe(
      '<p>One.<sup class="cite" id="cite-ref-2-1"><a href="#note-2" aria-label="[2]">[2]</a></sup> Two.<sup class="cite" id="cite-ref-1-1"><a href="#note-1" aria-label="[1]">[1]</a></sup><sup class="cite" id="cite-ref-2-2"><a href="#note-2" aria-label="[2]">[2]</a></sup></p>',
    );
  });

  it('refuses a citation the page has no footnote for, and anything the content check refuses', () => {
    expect(() => render('x<Cite source="a" />', { cite: () => undefined })).toThrow('<Cite source="a"> has no footnote on this page');
    expect(() => render('<Widget />')).toThrow(/<Widget> is not allowed/);
  });

  it('never writes an attribute the content check does not allow, even when one slips into the tree', () => {
    expect(render('a <span lang="en" onclick="x()">t</span>')).toBe('<p>a <span lang="en">t</span></p>');
  });

  it('escapes like Astro', () => {
    expect(escapeHtml(`&<>'"`)).toBe('&amp;&lt;&gt;&#39;&quot;');
  });

  it('renders every body of the real wiki', () => {
    const { files, stray, published } = readContentDir(process.cwd());
    expect(checkContent(files, stray, { published }).problems).toEqual([]);
    for (const f of files) {
      const html = renderBodyHtml(bodyTree(f.body), { locale: f.locale ?? 'en', base: '/', cite: numberedCites() });
      expect(html.length, f.file).toBeGreaterThan(0);
      expect(html, f.file).not.toMatch(/<Cite|&lt;Cite|\{/);
    }
  });
});
