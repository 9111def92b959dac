/**
 * Hostile and broken entries, one per row: each must be refused by the content
 * check with the file, the line, the field and words that say what was found
 * and what to write instead. A clean entry built from the same templates
 * passes, so every row fails only because of what it adds.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/lib/content/check';
import { readContentDir } from '../../src/lib/content/files';
import { hrefProblem, parseBody } from '../../src/lib/content/body-syntax';
import { baseFiles, expectProblem, file, problemsOf } from './helpers';

const FILE = 'content/companies/hostile.mdx';
const CLAIM = 'A claim.<Cite source="example-source" />';

/** A company entry; `extra` front-matter lines start at line 6 and the body right after the front matter. */
function company(body: string, extra = ''): string {
  return `---
name: Hostile Corp
country: US
summary: A company entry used to test that hostile content is refused.
sources: [example-source]
${extra}---

${body}
`;
}


describe('the templates are clean', () => {
  it('a valid entry built from the templates has no problems', () => {
    expect(problemsOf(file('companies', 'hostile.mdx', company(`${CLAIM} See [Example Corp](/companies/example-corp/).`)))).toEqual([]);
  });
});

describe('hostile MDX bodies are refused (body starts at line 8)', () => {
  it.each([
    // ESM and expressions: code that would run at build time.
    ['import at the top', "import fs from 'node:fs'\n\n" + CLAIM, 8, /^import\/export statements are not allowed \("import fs from 'node:fs'"\); delete the line/],
    ['export in the middle of the file', `${CLAIM}\n\nexport const secret = process.env\n\nMore text.`, 10, /^import\/export statements are not allowed \("export const secret = process\.env"\)/],
    ['a JavaScript expression in text', 'Revenue was {process.exit(1)} dollars.', 8, /^JavaScript expressions like "\{process\.exit\(1\)\}" are not allowed; write plain text, and escape a literal brace as "\\\{"/],
    ['an expression on its own line', `${CLAIM}\n\n{globalThis.fetch("https://evil.example")}`, 10, /^JavaScript expressions like "\{globalThis\.fetch/],
    ['an MDX comment', `${CLAIM}\n\n{/* note to reviewers */}`, 10, /^comments "\{\/\* \.\.\. \*\/\}" are not allowed in entries; delete the comment/],
    ['an HTML comment', `${CLAIM}\n\n<!-- <script>alert(1)</script> -->`, 10, /^HTML comments "<!-- \.\.\. -->" are not allowed in entries; delete the comment/],
    // Raw HTML that can run code.
    ['a <script> element', '<script>alert(document.cookie)</script>', 8, /^<script> is not allowed: entries cannot run code/],
    ['<SCRIPT> in capitals', 'Text <SCRIPT>alert(1)</SCRIPT>', 8, /^<SCRIPT> is not allowed: entries cannot run code/],
    ['an <iframe>', '<iframe src="https://evil.example/"></iframe>', 8, /^<iframe> is not allowed: entries cannot embed other pages; link to the page instead: \[title\]\(https:\/\/\.\.\.\)/],
    ['an <object>', '<object data="https://evil.example/x.swf"></object>', 8, /^<object> is not allowed: entries cannot embed objects/],
    ['an <embed>', '<embed src="https://evil.example/x.swf" />', 8, /^<embed> is not allowed: entries cannot embed objects/],
    ['a <style> element', '<style></style>', 8, /^<style> is not allowed: entries cannot carry styles/],
    ['an on* attribute on an allowed element', 'Text <span onmouseover="alert(1)">hover</span>', 8, /^<span> event-handler attribute "onmouseover" is not allowed: it runs JavaScript; remove it/],
    ['<a href="javascript:...">', '<a href="javascript:alert(1)">click</a>', 8, /^<a> is not allowed: write links in Markdown: \[text\]\(https:\/\/\.\.\.\)/],
    ['a <script> hidden in a footnote (only the compiler’s GFM parser sees it)', `${CLAIM}[^1]\n\n[^1]: https://example.org "\n<script>alert(1)</script>\n"`, 11, /^<script> is not allowed: entries cannot run code/],
    ['a Markdown footnote', `${CLAIM}[^1]\n\n[^1]: A note.`, 10, /^Markdown footnotes \("\[\^1\]"\) are not used; cite a source entry after the claim with <Cite source="source-id" \/>/],
    // Links with schemes other than http, https, mailto or a site path.
    ['a javascript: link', '[click](javascript:alert(1))', 8, /^link "javascript:alert\(1\)" uses the forbidden scheme "javascript:"; links must start with https:\/\/, http:\/\/, mailto: or \//],
    ['JAVASCRIPT: in capitals', '[click](JAVASCRIPT:alert(1))', 8, /^link "JAVASCRIPT:alert\(1\)" uses the forbidden scheme "JAVASCRIPT:"/],
    ['a scheme spelt with a numeric character reference', '[click](jav&#x61;script:alert(1))', 8, /^link "javascript:alert\(1\)" uses the forbidden scheme "javascript:"/],
    ['a scheme spelt with a named character reference', '[click](javascript&colon;alert(1))', 8, /^link "javascript:alert\(1\)" uses the forbidden scheme "javascript:"/],
    ['a tab inside the scheme', '[click](<java\tscript:alert(1)>)', 8, /^link "java\\u0009script:alert\(1\)" contains a space, a control character or an invisible character/],
    ['a control character before the scheme', '[click](<\u0001javascript:alert(1)>)', 8, /^link "\\u0001javascript:alert\(1\)" contains a space, a control character/],
    ['a space before the scheme', '[click](< javascript:alert(1)>)', 8, /^link " javascript:alert\(1\)" contains a space/],
    ['a protocol-relative link', '[x](//evil.example/)', 8, /^link "\/\/evil\.example\/" is protocol-relative \(starts with "\/\/"\); write the full address with https:\/\//],
    ['a backslash that browsers read as "//"', '[x](/\\evil.example/)', 8, /^link "\/\\evil\.example\/" contains a backslash/],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD4=)', 8, /^link "data:text\/html;base64,PHNjcmlwdD4=" uses the forbidden scheme "data:"/],
    ['a vbscript: link', '[x](vbscript:msgbox(1))', 8, /^link "vbscript:msgbox\(1\)" uses the forbidden scheme "vbscript:"/],
    ['https: without //', '[x](https:evil.example)', 8, /^link "https:evil\.example" is missing "\/\/" after "https:"; write https:\/\/host\/path/],
    ['a user name disguising the host', '[x](https://example.org@evil.example/)', 8, /^link "https:\/\/example\.org@evil\.example\/" contains a user name or password before "@"/],
    ['a right-to-left override in an address', '[x](https://example.org/\u202Etxt.exe)', 8, /^link "https:\/\/example\.org\/\\u202etxt\.exe" contains a space, a control character or an invisible character/],
    ['a reference-style link definition', `${CLAIM} [go][x]\n\n[x]: javascript:alert(1)`, 10, /^link "javascript:alert\(1\)" uses the forbidden scheme "javascript:"/],
    ['an autolink', '<javascript:alert(1)>', 8, /^autolinks like "<https:\/\/\.\.\.>" are not allowed; write a Markdown link: \[text\]\(https:\/\/\.\.\.\)/],
    ['an image with a javascript: source', '![x](javascript:alert(1))', 8, /^images are not supported in entries; link to the image instead/],
    ['an image reference (tracking pixel)', `![x][img]\n\n[img]: https://evil.example/pixel.gif`, 8, /^images are not supported in entries/],
    ['a relative path', '[x](../../etc/passwd)', 8, /^link "\.\.\/\.\.\/etc\/passwd" is a relative path; links must start with https:\/\//],
    // JSX that is not the allowlist.
    ['an attribute spread', 'A claim.<Cite source="example-source" {...props} />', 8, /^<Cite> attribute spread "\{\.\.\.props\}" is not allowed; write each attribute as plain quoted text, like source="source-id"/],
    ['an expression as attribute value', 'A claim.<Cite source={"example-" + "source"} />', 8, /^<Cite> attribute source=\{"example-" \+ "source"\} is a JavaScript expression; write plain quoted text, like source="\.\.\."/],
    ['an unknown <Cite> attribute', 'A claim.<Cite source="example-source" page="4" />', 8, /^<Cite> does not accept the attribute "page"; it accepts: source, via, locator/],
    ['an event handler on <Cite>', 'A claim.<Cite source="example-source" onClick="alert(1)" />', 8, /^<Cite> event-handler attribute "onClick" is not allowed: it runs JavaScript/],
    ['<Cite> without a source', 'A claim.<Cite via="Wired" />', 8, /^<Cite> needs a source attribute: <Cite source="source-id" \/>/],
    ['<Cite> with content', 'A claim.<Cite source="example-source">see page 4</Cite>', 8, /^<Cite> must be self-closing/],
    ['a component the site does not provide', `${CLAIM} <Chart data="x" />`, 8, /^<Chart> is not a component the site provides; the only component entries can use is <Cite source="source-id" \/>/],
    ['a member-expression component', `${CLAIM} <Cite.Evil />`, 8, /^<Cite\.Evil> is not a component the site provides/],
    ['an element named after an Object property', '<constructor>x</constructor>', 8, /^<constructor> is not allowed; use Markdown, or one of: <Cite source="\.\.\." \/>, <abbr>/],
    ['an element named __proto__', '<__proto__ />', 8, /^<__proto__> is not allowed; use Markdown/],
    ['a JSX fragment', '<>x</>', 8, /^JSX fragments "<>\.\.\.<\/>" are not allowed/],
    ['an unlisted HTML element', '<div>text</div>', 8, /^<div> is not allowed; use Markdown, or one of: <Cite source="\.\.\." \/>, <abbr>, <bdi>, <br>, <kbd>, <mark>, <q>, <span>, <sub>, <sup>/],
    ['a bad dir value', `${CLAIM} <span dir="evil">x</span>`, 8, /^<span> dir="evil" must be "rtl", "ltr" or "auto"/],
    ['an unescaped "<" that is not a tag', 'Revenue <5 million.', 8, /^is not valid MDX: .*A literal "<" or "\{" in text must be written "\\<" or "\\\{"/],
  ])('%s', (_name, body, line, pattern) => {
    const problems = problemsOf(file('companies', 'hostile.mdx', company(body)));
    expectProblem(problems, `${FILE}:${line} body`, pattern);
  });

  it('reports everything at once: the element and the script inside it', () => {
    const problems = problemsOf(file('companies', 'hostile.mdx', company('<div>\n\n<script>alert(1)</script>\n\n</div>')));
    expectProblem(problems, `${FILE}:8 body`, /^<div> is not allowed/);
    expectProblem(problems, `${FILE}:10 body`, /^<script> is not allowed/);
  });

  it('never echoes hidden characters in a message', () => {
    const problems = problemsOf(file('companies', 'hostile.mdx', company('[x](<java\u0007script:alert(1)>)')));
    expect(problems.join('\n')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202e]/);
  });
});

describe('hrefProblem accepts only safe link targets', () => {
  it.each([
    'https://example.org/a?b=1#c',
    'http://example.org',
    'HTTPS://EXAMPLE.ORG/',
    'https://ar.wikipedia.org/wiki/عربي',
    'mailto:press@example.org',
    '/companies/example-corp/',
    '#facts',
  ])('allows %s', (url) => expect(hrefProblem(url)).toBeUndefined());

  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd', '//evil.example', '/\\evil.example', 'https:evil.example', 'https://a@evil.example', 'java\nscript:x', ' https://example.org', 'evil.example', ''])(
    'refuses %j',
    (url) => expect(hrefProblem(url)).toBeDefined(),
  );

  it('refuses site paths and anchors in front matter, where only full addresses make sense', () => {
    expect(hrefProblem('/companies/x/', 'front matter')).toMatch(/has no "https:\/\/" at the start/);
    expect(hrefProblem('#x', 'front matter')).toBeDefined();
    expect(hrefProblem('mailto:a@example.org', 'front matter')).toMatch(/forbidden scheme "mailto:"/);
  });
});

describe('hostile front matter is refused (extra lines start at line 6)', () => {
  it.each([
    ['a javascript: website in capitals', 'website: "JAVASCRIPT:alert(1)"\n', 6, 'website', /^must be an absolute https:\/\/ URL: "JAVASCRIPT:alert\(1\)" uses the forbidden scheme "JAVASCRIPT:"; front-matter addresses must be full https:\/\/ \(or http:\/\/\) addresses\. Leave the field out when the source has no address; never invent one/],
    ['https: without //', 'website: "https:evil.example"\n', 6, 'website', /^must be an absolute https:\/\/ URL: "https:evil\.example" is missing "\/\/" after "https:"/],
    ['a protocol-relative website', 'website: "//evil.example"\n', 6, 'website', /is protocol-relative/],
    ['a website without a scheme', 'website: www.example.org\n', 6, 'website', /^must be an absolute https:\/\/ URL: "www\.example\.org" has no "https:\/\/" at the start/],
    ['a tab hidden in a website scheme', 'website: "java\\tscript:alert(1)"\n', 6, 'website', /contains a space, a control character or an invisible character/],
    ['a javascript: address in a text field', 'aliases: ["javascript:alert(1)"]\n', 6, 'aliases[0]', /^looks like a javascript: address, which is never allowed/],
    ['a data: address with hidden whitespace in a text field', 'aliases: [" da\\tta:text/html,x"]\n', 6, 'aliases[0]', /^looks like a data: address/],
    ['HTML in a text field', 'aliases: ["<img src=x onerror=alert(1)>"]\n', 6, 'aliases[0]', /^contains HTML \("<img src=x onerror=alert\(1\)>"\); front matter is plain text: remove the tag/],
    ['a script-closing tag that would break JSON-LD', 'aliases: ["</script><script>alert(1)</script>"]\n', 6, 'aliases[0]', /^contains HTML \("<\/script>/],
    ['a YAML anchor', 'aliases: &names [Hostile]\n', 6, 'aliases', /^YAML anchors \("&names"\) are not allowed; write the value out in full/],
    ['a YAML alias', 'tags: &t [cloud]\nproducts: *t\n', 7, 'products', /^YAML aliases \("\*t"\) are not allowed; write the value out in full/],
    ['a !!js/function tag', 'aliases: [!!js/function "function () { return process.env }"]\n', 6, 'aliases[0]', /^YAML tags like "!!js\/function" are not allowed; write a plain value/],
    ['a custom YAML tag', 'aliases: [!secret x]\n', 6, 'aliases[0]', /^YAML tags like "!secret" are not allowed/],
    ['a !!binary tag', 'aliases: [!!binary aGk=]\n', 6, 'aliases[0]', /^YAML tags like "!!binary" are not allowed/],
    ['a merge key smuggling a layout', '<<: {layout: ../../src/pages/evil.astro}\n', 6, 'front matter', /^YAML merge keys \("<<"\) are not allowed; write every field out in full/],
    ['a layout field (MDX would import it)', 'layout: ../../src/pages/evil.astro\n', 6, 'layout', /^is not a known field/],
    ['a __proto__ key', '__proto__: {polluted: true}\n', 6, '__proto__', /^is not a known field/],
    ['a duplicated key', 'name: Other Corp\n', 6, 'front matter', /^is not valid YAML: the field "name" appears twice; keep one$/],
  ])('%s', (_name, extra, line, field, pattern) => {
    const problems = problemsOf(file('companies', 'hostile.mdx', company(CLAIM, extra)));
    expectProblem(problems, `${FILE}:${line} ${field}`, pattern);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reads a bare YAML date in a text field as the text written (one YAML reader, no second opinion)', () => {
    const f = file('companies', 'dated.mdx', company(CLAIM, 'aliases: [2025-01-01]\n'));
    const { problems, entries } = checkContent([...baseFiles(), f]);
    expect(problems.filter((p) => p.file.endsWith('dated.mdx'))).toEqual([]);
    expect(entries.find((e) => e.id === 'dated')?.data).toMatchObject({ aliases: ['2025-01-01'] });
  });

  it('reports an unquoted value cut short at " #", with the value to write instead', () => {
    const text = company(CLAIM).replace('summary: A company entry used to test that hostile content is refused.', 'summary: Hostile Corp is the #1 vendor of police drones in the region.');
    const problems = problemsOf(file('companies', 'hostile.mdx', text));
    expectProblem(
      problems,
      `${FILE}:4 summary`,
      /^is cut short at " #": YAML reads everything from " #" as a comment, so the value is only "Hostile Corp is the"\. Quote the value: "Hostile Corp is the #1 vendor of police drones in the region\."$/,
    );
  });

  it('reports " #" inside list items and nested fields', () => {
    const problems = problemsOf(file('companies', 'hostile.mdx', company(CLAIM, 'aliases:\n  - Hostile #2\n')));
    expectProblem(problems, `${FILE}:7 aliases[0]`, /is cut short at " #"/);
  });

  it('does not mistake prose that starts like a scheme for an address', () => {
    const extra = 'aliases: ["Data: how the agency tracks people", "About: the company"]\n';
    expect(problemsOf(file('companies', 'hostile.mdx', company(CLAIM, extra)))).toEqual([]);
  });

  it('does not report " #" in quoted values, "#" without a space, or full-line comments', () => {
    const extra = '# A comment on its own line\naliases: ["Hostile #1", \'Hostile #2\', C#, Hostile#3]\n';
    expect(problemsOf(file('companies', 'hostile.mdx', company(CLAIM, extra)))).toEqual([]);
  });

  it.each([
    ['a "+++" line that Astro would take as the end of the front matter', '---\nname: Hostile Corp\n+++\n<script>alert(1)</script>\n---\n', 3, /^ends at the first line starting with "---" or "\+\+\+", and this one is "\+\+\+"; the closing line must be exactly "---"/],
    ['text after the closing "---"', '---\nname: Hostile Corp\n--- <script>alert(1)</script>\n', 3, /this one is "--- <script>alert\(1\)<\/script>"/],
    ['a blank line before the front matter', '\n---\nname: Hostile Corp\n---\n', 1, /^the file must start with front matter: the very first line must be exactly "---", with nothing before it/],
    ['front matter that is never closed', '---\nname: Hostile Corp\n', 1, /^the front matter is never closed/],
    ['old Mac line endings', '---\rname: Hostile Corp\r---\r', 1, /old Mac line endings/],
  ])('refuses %s', (_name, text, line, pattern) => {
    expectProblem(problemsOf(file('companies', 'hostile.mdx', text)), `${FILE}:${line} front matter`, pattern);
  });

  it('reads Windows line endings like Unix ones', () => {
    expect(problemsOf(file('companies', 'hostile.mdx', company(CLAIM).replace(/\n/g, '\r\n')))).toEqual([]);
  });
});

const contract = (edit: (s: string) => string = (s) => s) =>
  edit(`---
title: Example contract
buyer: example-agency
suppliers:
  - company: example-corp
values:
  - amount: 1000000
    currency: USD
    kind: reported
    source: example-source
awarded: 2025-04
summary: An example contract between the example agency and company.
sources: [example-source]
---

The [agency](/agencies/example-agency/) bought it.<Cite source="example-source" />
`);
const CONTRACT = 'content/contracts/deal.mdx';

describe('broken references, dates, currencies and missing citations are refused', () => {
  it('the contract template is clean', () => {
    expect(problemsOf(file('contracts', 'deal.mdx', contract()))).toEqual([]);
  });

  it.each([
    ['an unknown buyer', (s: string) => s.replace('buyer: example-agency', 'buyer: example-agncy'), 3, 'buyer', /^refers to an unknown agencies id "example-agncy"; did you mean "example-agency"\?/],
    ['a supplier from the wrong collection', (s: string) => s.replace('company: example-corp', 'company: example-agency'), 5, 'suppliers[0].company', /"example-agency" exists in agencies, not in companies/],
    ['an impossible date', (s: string) => s.replace('awarded: 2025-04', 'awarded: 2025-02-30'), 11, 'awarded', /^must be a real date written YYYY, YYYY-MM or YYYY-MM-DD/],
    ['a month 13 that Astro would silently roll into next year', (s: string) => s.replace('awarded: 2025-04', 'awarded: 2025-13-01'), 11, 'awarded', /^must be a real date/],
    ['a day-first date', (s: string) => s.replace('awarded: 2025-04', 'awarded: 17-04-2025'), 11, 'awarded', /^must be a real date/],
    ['a lower-case currency', (s: string) => s.replace('currency: USD', 'currency: usd'), 8, 'values[0].currency', /^must be an ISO 4217 currency code in capitals/],
    ['an invented currency', (s: string) => s.replace('currency: USD', 'currency: DOLLARS'), 8, 'values[0].currency', /^must be an ISO 4217 currency code/],
    ['a javascript: procurement URL', (s: string) => s.replace('awarded: 2025-04', 'awarded: 2025-04\nprocurementUrl: "javascript:alert(1)"'), 12, 'procurementUrl', /^must be an absolute http:\/\/ or https:\/\/ URL: "javascript:alert\(1\)" uses the forbidden scheme "javascript:"/],
    ['a value without a source', (s: string) => s.replace('    source: example-source\n', ''), 7, 'values[0].source', /^is required: the id of the source entry that reports this \(content\/sources\/<id>\.mdx\)/],
    ['an empty sources list', (s: string) => s.replace('sources: [example-source]', 'sources: []'), 13, 'sources', /^must cite at least one source entry/],
    ['no sources at all', (s: string) => s.replace('sources: [example-source]\n', ''), 2, 'sources', /^is required: list at least one source id/],
    ['a <Cite> of an unknown source', (s: string) => s.replace('<Cite source="example-source" />', '<Cite source="example-sorce" />'), 16, 'body', /^<Cite> names an unknown sources id "example-sorce"; did you mean "example-source"\?/],
    ['a body that cites nothing', (s: string) => s.replace('<Cite source="example-source" />', ''), 16, 'body', /^the body cites no source: add <Cite source="source-id" \/> right after each claim/],
    ['a response without a source', (s: string) => s.replace('sources: [example-source]', 'sources: [example-source]\nresponses:\n  - date: 2025\n    by: Example Agency\n    said: It declined to comment.'), 15, 'responses[0].source', /^is required: the id of the source entry/],
  ])('%s', (_name, edit, line, field, pattern) => {
    expectProblem(problemsOf(file('contracts', 'deal.mdx', contract(edit))), `${CONTRACT}:${line} ${field}`, pattern);
  });

  it('accepts a body whose only uncited paragraph is an editorial note in italics', () => {
    const text = contract((s) => `${s}\n*Quotations are translated from the Arabic report.*\n`);
    expect(problemsOf(file('contracts', 'deal.mdx', text))).toEqual([]);
  });
});

describe('body links to site paths', () => {
  const withLink = (link: string) => company(`${CLAIM} See [this](${link}).`);
  it.each([
    ['a bare id', '/example-corp', /^link "\/example-corp" is not a page of this site; did you mean \/companies\/example-corp\/\?/],
    ['a misspelt static page', '/timline/', /^link "\/timline\/" is not a page of this site; did you mean \/timeline\/\?/],
    ['a misspelt collection', '/company/example-corp/', /did you mean \/companies\/example-corp\/\?/],
    ['an /ar/ prefix', '/ar/companies/example-corp/', /^link "\/ar\/companies\/example-corp\/" starts with "\/ar\/"; write the path without it \("\/companies\/example-corp\/"\): links open in the reader's language automatically/],
    ['an unknown entry', '/companies/example-crop/', /^link "\/companies\/example-crop\/" points at unknown companies id "example-crop"; did you mean "example-corp"\?/],
    ['an invalid id', '/companies/Example_Corp/', /^link "\/companies\/Example_Corp\/" has an invalid id "Example_Corp"; ids are lower-case kebab-case: did you mean \/companies\/example-corp\/\?/],
  ])('reports %s', (_name, link, pattern) => {
    expectProblem(problemsOf(file('companies', 'hostile.mdx', withLink(link))), `${FILE}:8 body`, pattern);
  });

  it('reports a link to an old id and names the current path', () => {
    const renamed = file('companies', 'renamed-corp.mdx', company(CLAIM, 'redirectFrom: [old-corp]\n'));
    expectProblem(problemsOf(renamed, file('companies', 'hostile.mdx', withLink('/companies/old-corp/'))), `${FILE}:8 body`, /^link "\/companies\/old-corp\/" uses the old id "old-corp"; link to the entry's current path \/companies\/renamed-corp\//);
  });

  it.each(['/', '/companies/', '/timeline/', '/network', '/search/?q=palantir', '/data/', '/about/', '/api/v1/entries.json', '/companies/example-corp/#facts', '#top'])(
    'accepts %s',
    (link) => expect(problemsOf(file('companies', 'hostile.mdx', withLink(link)))).toEqual([]),
  );
});

describe('translations', () => {
  it('refuses typed facts in a translation and hostile content in its body', () => {
    const tr = file('companies', 'example-corp.ar.mdx', '---\nname: شركة مثال\ncountry: US\n---\n\nنص.<Cite source="example-source" /> [x](javascript:alert(1))\n');
    const problems = problemsOf(tr);
    expectProblem(problems, 'content/companies/example-corp.ar.mdx:3 country', /^is not a field of a translation: a translation carries only its translated name, summary and aliases; dates, money, parties, sources and other typed facts stay in the original, content\/companies\/example-corp\.mdx/);
    expectProblem(problems, 'content/companies/example-corp.ar.mdx:6 body', /forbidden scheme "javascript:"/);
  });

  it('refuses a translation whose original does not exist', () => {
    const orphan = file('companies', 'ghost.ar.mdx', '---\nname: شبح\n---\n');
    expectProblem(problemsOf(orphan), 'content/companies/ghost.ar.mdx:1 file', /^is a translation of an unknown companies id "ghost".*A translation sits beside its original \(content\/companies\/ghost\.mdx\), which must exist/);
  });
});

describe('file names and duplicate ids (read from a real folder)', () => {
  let dir: string;
  let problems: string[];
  const previous = process.env.WIKI_CONTENT_DIR;
  const entry = company(CLAIM);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wiki-names-'));
    const c = (collection: string, name: string, text = entry) => {
      mkdirSync(join(dir, 'content', collection), { recursive: true });
      writeFileSync(join(dir, 'content', collection, name), text);
    };
    c('sources', 'example-source.mdx', '---\ntitle: مقال\nlanguage: ar\nkind: news\n---\n');
    c('companies', 'acme.mdx');
    c('companies', 'Acme.mdx'); // same id, differing in case
    c('companies', 'acme.md'); // same id, .md beside .mdx
    c('companies', 'acme corp.mdx');
    c('companies', 'société-générale.mdx');
    c('companies', 'بالانتير.mdx');
    c('companies', 'beta.MDX');
    c('companies', 'gamma.txt');
    c('companies', 'delta');
    c('companies', 'acme.fr.mdx');
    c('companies', 'ghost.ar.mdx', '---\nname: شبح\n---\n');
    c('companies', '.hidden.mdx');
    c('companies', 'acme.v2.ar.mdx');
    mkdirSync(join(dir, 'content', 'companies', 'nested'));
    symlinkSync('/etc/hostname', join(dir, 'content', 'companies', 'linked.mdx'));
    c('persons', 'someone.mdx');
    process.env.WIKI_CONTENT_DIR = join(dir, 'content');
    const { files, stray } = readContentDir(dir);
    problems = checkContent(files, stray).problems.map(formatProblem);
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.WIKI_CONTENT_DIR;
    else process.env.WIKI_CONTENT_DIR = previous;
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['an id differing only in case', 'content/companies/Acme.mdx', /file name "Acme" is not a valid id: .*"acme" is already the id of content\/companies\/acme\.mdx, so this is a second file for the same entry .*merge the two/],
    ['.md beside .mdx', 'content/companies/acme.md', /^has the wrong extension "\.md"; entries are MDX files named <id>\.mdx .*rename it to "acme\.mdx"; content\/companies\/acme\.mdx already exists, so this is a second file for the same entry: merge the two and delete this one/],
    ['a space', 'content/companies/acme corp.mdx', /file name "acme corp" is not a valid id: .*no capitals, spaces.*rename it to "acme-corp\.mdx"/],
    ['accents', 'content/companies/société-générale.mdx', /rename it to "societe-generale\.mdx"/],
    ['another script', 'content/companies/بالانتير.mdx', /rename it with a Latin transliteration of the name/],
    ['an upper-case extension', 'content/companies/beta.MDX', /^has the extension "\.MDX"; write it in lower case: rename it to "beta\.mdx"/],
    ['a text file', 'content/companies/gamma.txt', /^has the wrong extension "\.txt"/],
    ['no extension', 'content/companies/delta', /^has no extension; entries are named <id>\.mdx, e\.g\. "delta\.mdx"/],
    ['an unsupported translation language', 'content/companies/acme.fr.mdx', /^"fr" is not a translation language of this wiki; translations are named <id>\.ar\.mdx/],
    ['a translation without its original', 'content/companies/ghost.ar.mdx', /^is a translation of an unknown companies id "ghost"/],
    ['a hidden file', 'content/companies/.hidden.mdx', /^is a hidden file and is not read/],
    ['too many dots', 'content/companies/acme.v2.ar.mdx', /^has too many dots; entries are named <id>\.mdx and translations are named <id>\.ar\.mdx, and ids use hyphens/],
    ['a sub-folder', 'content/companies/nested', /^sub-folders are not read/],
    ['a symbolic link', 'content/companies/linked.mdx', /^is a symbolic link; entries must be ordinary files/],
    ['an unknown collection', 'content/persons', /^is not a collection; entries go in one of content\/companies/],
  ])('reports %s', (_name, path, pattern) => {
    const found = problems.find((p) => p.startsWith(`${path}:1 file `) && pattern.test(p.slice(`${path}:1 file `.length)));
    expect(found, `expected "${path}:1 file …${pattern}" among:\n${problems.join('\n')}`).toBeDefined();
  });

  it('reports a redirect that would take over an existing id', () => {
    const a = file('companies', 'a-corp.mdx', company(CLAIM, 'redirectFrom: [example-corp]\n'));
    expectProblem(problemsOf(a), 'content/companies/a-corp.mdx:6 redirectFrom[0]', /^"example-corp" is the id of an existing entry; a redirect cannot replace it/);
  });
});

describe('parseBody', () => {
  it("returns the file's line numbers when given the body as the reader lays it out", () => {
    const f = file('companies', 'hostile.mdx', company('Line eight.\n\n<script />'));
    expect(parseBody(f.bodySource).problems.map((p) => p.line)).toEqual([10]);
  });
});

describe('problems that make compiling unsafe are flagged for `astro dev`', () => {
  it('flags MDX, YAML-trick, address and layout problems as unsafe, and a plain typo as not', () => {
    const hostile = file('companies', 'hostile.mdx', company('{process.exit(1)}', 'website: "javascript:alert(1)"\nlayout: ../x.astro\naliases: &a [x]\n'));
    const typo = file('companies', 'typo.mdx', company(CLAIM, 'countyr: US\n'));
    const problems = checkContent([...baseFiles(), hostile, typo]).problems;
    const unsafe = (p: { file: string; field: string }) => problems.find((q) => q.file === p.file && q.field === p.field)?.unsafe;
    expect(problems.filter((p) => p.file === 'content/companies/hostile.mdx').every((p) => p.unsafe)).toBe(true);
    expect(unsafe({ file: 'content/companies/typo.mdx', field: 'countyr' })).toBeUndefined();
  });
});
