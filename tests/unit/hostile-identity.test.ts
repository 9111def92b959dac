/**
 * Hostile contributions that impersonate or mislead rather than run code, one
 * per row: hidden and bidirectional characters, lookalike letters, a name or
 * old address taken from another entry, an archive copy that is not one,
 * dates that cannot be true, links into the reader's own network, and
 * headings that take over the page's own ids. Each must be refused with the
 * file, the line, the field and words that say what to do; a clash between
 * two entries is reported on both files. Clean entries built from the same
 * templates pass, so every row fails only because of what it adds.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblem, type CheckOptions } from '../../src/lib/content/check';
import { readContentDir } from '../../src/lib/content/files';
import { namesClash } from '../../src/lib/content/identity-rules';
import { baseFiles, file, hostileCompany } from './helpers';

const FILE = 'content/companies/hostile.mdx';
const CLAIM = 'A claim.<Cite source="example-source" />';
/** The build date of these tests: one clock, given to the check. */
const TODAY = '2025-06-15';
const PUBLISHED = { file: 'published-urls.txt', paths: new Set(['/companies/hostile-old/', '/companies/shared-old/', '/companies/ice/']) };

const company = hostileCompany;

function problemsOf(files: ReturnType<typeof file>[], options: CheckOptions = {}): string[] {
  const all = [...baseFiles(), ...files];
  const problems = checkContent(all, [], { today: TODAY, published: PUBLISHED, ...options }).problems.map(formatProblem);
  expect(checkContent(all, [], { today: TODAY, published: PUBLISHED, ...options, crossCheck: false }).problems.map(formatProblem), 'the build check').toEqual(problems);
  return problems;
}

/** Assert one problem starts with `file:line field ` and matches `pattern`, and return it. */
function expectProblem(problems: string[], prefix: string, pattern: RegExp): string {
  const found = problems.find((p) => p.startsWith(`${prefix} `) && pattern.test(p.slice(prefix.length + 1)));
  expect(found, `expected a problem "${prefix} …${pattern}" among:\n${problems.join('\n')}`).toBeDefined();
  return found!;
}

describe('the templates are clean', () => {
  it('a valid entry, Arabic marks in Arabic text, and words of other alphabets pass', () => {
    const tr = file('companies', 'hostile.ar.mdx', '---\nname: شركة\u200cالعدو\u200f\naliases: ["هوستايل\u061c"]\n---\n\nنص\u200f.<Cite source="example-source" />\n');
    const arabicSource = file('sources', 'arabic-source.mdx', '---\ntitle: "مقال\u200f عن الشركة"\nlanguage: ar\nkind: news\n---\n');
    const body = `${CLAIM} The Greek word λόγος, the Russian Яндекс and <span lang="ar" dir="rtl">بالانتير</span> stay as they are.`;
    expect(problemsOf([file('companies', 'hostile.mdx', company(body, 'aliases: [Hostile Corporation]\nwebsite: https://hostile.example.org\n')), tr, arabicSource])).toEqual([]);
  });
});

describe('hidden and bidirectional characters and lookalike letters are refused', () => {
  it.each([
    // Front matter: every text field.
    ['a right-to-left override in a name', company(CLAIM, '', '"Hostile \u202eproC"'), 2, 'name', /^contains a bidirectional control character \(U\+202E RIGHT-TO-LEFT OVERRIDE\), which changes the order in which the text around it is shown; delete it/],
    ['an isolate in the summary', company(CLAIM).replace('summary: A company entry used to test that hostile content is refused.', 'summary: "A \u2067company entry used to test that hostile content is refused."'), 4, 'summary', /^contains a bidirectional control character \(U\+2067 RIGHT-TO-LEFT ISOLATE\)/],
    ['a zero-width space in an alias', company(CLAIM, 'aliases: ["Exa\u200bmple Corp"]\n'), 6, 'aliases[0]', /^contains an invisible character \(U\+200B ZERO WIDTH SPACE\) that readers and reviewers cannot see; delete it/],
    ['a word joiner in a response', company(CLAIM, 'responses:\n  - date: 2025\n    by: "A spokes\u2060person"\n    said: No comment.\n    source: example-source\n'), 8, 'responses[0].by', /^contains an invisible character \(U\+2060 WORD JOINER\)/],
    ['a soft hyphen in a name', company(CLAIM, '', '"Hos\u00adtile Corp"'), 2, 'name', /^contains an invisible character \(U\+00AD SOFT HYPHEN\)/],
    ['a right-to-left mark in English text', company(CLAIM, 'aliases: ["Hostile\u200f Corp"]\n'), 6, 'aliases[0]', /^contains an invisible RIGHT-TO-LEFT MARK \(U\+200F\); it is allowed only in Arabic text \(translation files <id>\.ar\.mdx and the title of an Arabic source\): delete it/],
    ['a zero-width joiner in English text', company(CLAIM, '', '"Hostile\u200d Corp"'), 2, 'name', /^contains an invisible ZERO WIDTH JOINER \(U\+200D\); it is allowed only in Arabic text/],
    ['a Cyrillic "а" in a Latin name', company(CLAIM, '', 'Pаlantir Technologies'), 2, 'name', /^mixes Latin and Cyrillic letters in the word "Pаlantir" \("а" is Cyrillic, the rest Latin\): letters from another alphabet that look the same let a name pass for another; retype the word in one alphabet/],
    ['a Greek "ο" in an alias', company(CLAIM, 'aliases: [Micrοsoft]\n'), 6, 'aliases[0]', /^mixes Latin and Greek letters in the word "Micrοsoft" \("ο" is Greek/],
    // Body: every line.
    ['a right-to-left override in the body', `${CLAIM} Read the file gpj.\u202eexe`, 8, 'body', /^contains a bidirectional control character \(U\+202E RIGHT-TO-LEFT OVERRIDE\)/],
    ['a zero-width space in a body word', `${CLAIM} Pala\u200bntir.`, 8, 'body', /^contains an invisible character \(U\+200B ZERO WIDTH SPACE\)/],
    ['hidden tag characters in the body', `${CLAIM} Text\u{E0041}\u{E0042}.`, 8, 'body', /^contains an invisible character \(U\+E0041 TAG CHARACTER\)/],
    ['a byte-order mark inside the body', `${CLAIM}\n\nMore\ufeff text.`, 10, 'body', /^contains an invisible character \(U\+FEFF ZERO WIDTH NO-BREAK SPACE \(byte-order mark\)\)/],
    ['a left-to-right mark in an English body', `${CLAIM} Text\u200e.`, 8, 'body', /^contains an invisible LEFT-TO-RIGHT MARK \(U\+200E\); it is allowed only in Arabic text/],
    ['a Cyrillic letter in a body word', `${CLAIM} The agency uses Pаlantir.`, 8, 'body', /^mixes Latin and Cyrillic letters in the word "Pаlantir"/],
  ])('%s', (_name, text, line, field, pattern) => {
    const problems = problemsOf([file('companies', 'hostile.mdx', text.includes('---\n') ? text : company(text))]);
    expectProblem(problems, `${FILE}:${line} ${field}`, pattern);
  });

  it('refuses bidirectional controls even in Arabic text', () => {
    const tr = file('companies', 'example-corp.ar.mdx', '---\nname: "شركة \u202eمثال"\n---\n\nنص\u2066.<Cite source="example-source" />\n');
    const problems = problemsOf([tr]);
    expectProblem(problems, 'content/companies/example-corp.ar.mdx:2 name', /^contains a bidirectional control character \(U\+202E/);
    expectProblem(problems, 'content/companies/example-corp.ar.mdx:5 body', /^contains a bidirectional control character \(U\+2066 LEFT-TO-RIGHT ISOLATE\)/);
  });
});

describe('a name or alias that is, or looks like, another entry\'s is refused on both files', () => {
  const other = 'content/companies/example-corp.mdx:2 name';
  it.each([
    ['the same name', company(CLAIM, '', 'Example Corp'), 2, 'name', /^"Example Corp" is the same name as name "Example Corp" of content\/companies\/example-corp\.mdx: two entries cannot share a name or alias/],
    ['the same name in capitals, as an alias', company(CLAIM, 'aliases: [EXAMPLE CORP]\n'), 6, 'aliases[0]', /^"EXAMPLE CORP" is the same name as name "Example Corp" of content\/companies\/example-corp\.mdx/],
    ['a lookalike with a digit one for an "l"', company(CLAIM, '', 'Examp1e Corp'), 2, 'name', /^"Examp1e Corp" looks the same as name "Example Corp" of content\/companies\/example-corp\.mdx: .*if they are the same company, keep one entry \(list the other id in its redirectFrom\); if not, write a name that tells them apart/],
    ['a lookalike in mathematical letters', company(CLAIM, '', '"𝐄𝐱𝐚𝐦𝐩𝐥𝐞 Corp"'), 2, 'name', /^"𝐄𝐱𝐚𝐦𝐩𝐥𝐞 Corp" (is the same name as|looks the same as) name "Example Corp"/],
    ['extra spaces', company(CLAIM, '', '"Example   Corp "'), 2, 'name', /is the same name as name "Example Corp"/],
  ])('%s', (_name, text, line, field, pattern) => {
    const problems = problemsOf([file('companies', 'hostile.mdx', text)]);
    expectProblem(problems, `${FILE}:${line} ${field}`, pattern);
    expectProblem(problems, other, /^"Example Corp" (is the same name as|looks the same as) (name|aliases\[0\]) ".*" of content\/companies\/hostile\.mdx/);
  });

  it('across collections: an organisation named like an agency', () => {
    const org = file('organizations', 'impostor.mdx', '---\nname: Example Agency\nkind: campaign\nsummary: An organisation that takes the name of the example agency.\nsources: [example-source]\n---\n');
    const problems = problemsOf([org]);
    expectProblem(problems, 'content/organizations/impostor.mdx:2 name', /^"Example Agency" is the same name as name "Example Agency" of content\/agencies\/example-agency\.mdx: .*write a name that tells them apart/);
    expectProblem(problems, 'content/agencies/example-agency.mdx:2 name', /of content\/organizations\/impostor\.mdx/);
  });

  it('a translation renamed to another entry: its name, in any language, cannot be another entry\'s', () => {
    const mine = file('companies', 'hostile.mdx', company(CLAIM));
    const theirs = file('companies', 'example-corp.ar.mdx', '---\nname: شركة مثال\n---\n\nنص.<Cite source="example-source" />\n');
    const renamed = file('companies', 'hostile.ar.mdx', '---\nname: Example Corp\naliases: [شركة مثال]\n---\n\nنص.<Cite source="example-source" />\n');
    const problems = problemsOf([mine, theirs, renamed]);
    expectProblem(problems, 'content/companies/hostile.ar.mdx:2 name', /^"Example Corp" is the same name as name "Example Corp" of content\/companies\/example-corp\.mdx/);
    expectProblem(problems, 'content/companies/hostile.ar.mdx:3 aliases[0]', /^"شركة مثال" is the same name as name "شركة مثال" of content\/companies\/example-corp\.ar\.mdx/);
    expectProblem(problems, 'content/companies/example-corp.ar.mdx:2 name', /of content\/companies\/hostile\.ar\.mdx/);
  });

  it('an entry may repeat its own name in its translation and aliases', () => {
    const tr = file('companies', 'example-corp.ar.mdx', '---\nname: Example Corp\naliases: [EXAMPLE CORP]\n---\n\nنص.<Cite source="example-source" />\n');
    expect(problemsOf([tr])).toEqual([]);
  });

  it('compares by Unicode skeletons, after case folding', () => {
    expect(namesClash('Palantir', 'PALANTIR')).toBe(true);
    expect(namesClash('Palantir', 'Pаlantir')).toBe(true); // Cyrillic а
    expect(namesClash('AI Now', 'Al Now')).toBe(true); // capital I and small l look alike
    expect(namesClash('Palantir', 'Palantir Technologies')).toBe(false);
    expect(namesClash('ICE', 'DHS')).toBe(false);
  });
});

describe('redirectFrom keeps only a published address alive, and a clash is reported on both files', () => {
  const withRedirect = (name: string, old: string, entryName = name) => file('companies', `${name}.mdx`, company(CLAIM, `redirectFrom: [${old}]\n`, entryName));

  it('accepts an old id the wiki published', () => {
    expect(problemsOf([withRedirect('hostile', 'hostile-old', 'Hostile Corp')])).toEqual([]);
  });

  it('refuses an id that was never published', () => {
    expectProblem(problemsOf([withRedirect('hostile', 'brand-new', 'Hostile Corp')]), `${FILE}:6 redirectFrom[0]`, /^"brand-new" was never published: \/companies\/brand-new\/ is not in published-urls\.txt, the list of every address the wiki has published\. .*remove it$/);
  });

  it('refuses the id of an entry in another collection, on both files', () => {
    const agency = file('agencies', 'ice.mdx', '---\nname: ICE\ncountry: US\nlevel: national\nsummary: The immigration agency of the tests of redirects.\nsources: [example-source]\n---\n');
    const problems = problemsOf([agency, withRedirect('hostile', 'ice', 'Hostile Corp')]);
    expectProblem(problems, `${FILE}:6 redirectFrom[0]`, /^"ice" is the id of content\/agencies\/ice\.mdx; an old id must be one this entry really had, not another entry's id, even in another collection: remove it/);
    expectProblem(problems, 'content/agencies/ice.mdx:1 file', /^its id "ice" is claimed as an old id by content\/companies\/hostile\.mdx \(redirectFrom\[0\]\)/);
  });

  it('refuses the id of an existing entry of its own collection, on both files', () => {
    const later = file('companies', 'hostile-old.mdx', company(CLAIM, '', 'Hostile Old Corp'));
    const problems = problemsOf([later, withRedirect('hostile', 'hostile-old', 'Hostile Corp')]);
    expectProblem(problems, `${FILE}:6 redirectFrom[0]`, /^"hostile-old" is the id of an existing entry; a redirect cannot replace it/);
    expectProblem(problems, 'content/companies/hostile-old.mdx:1 file', /^the address of this entry, \/companies\/hostile-old\/, is also listed as an old id in content\/companies\/hostile\.mdx \(redirectFrom\[0\]\)/);
  });

  it('refuses an old id two entries claim, on both files', () => {
    const problems = problemsOf([withRedirect('hostile', 'shared-old', 'Hostile Corp'), withRedirect('rival', 'shared-old', 'Rival Corp')]);
    expectProblem(problems, `${FILE}:6 redirectFrom[0]`, /^"shared-old" is also claimed as an old id by content\/companies\/rival\.mdx \(redirectFrom\[0\]\); an old address can lead to one entry only/);
    expectProblem(problems, 'content/companies/rival.mdx:6 redirectFrom[0]', /^"shared-old" already redirects to content\/companies\/hostile\.mdx/);
  });
});

const source = (extra: string) =>
  file('sources', 'hostile-source.mdx', `---\ntitle: A hostile source\nlanguage: en\nkind: news\n${extra}---\n`);
const SOURCE_FILE = 'content/sources/hostile-source.mdx';

describe('implausible front matter is refused', () => {
  it('a source with an archived copy of its url and dates in order is clean', () => {
    expect(problemsOf([source('url: https://news.example.org/a\narchiveUrl: https://web.archive.org/web/2025/https://news.example.org/a\npublished: 2025-06\naccessed: 2025-06-15\n')])).toEqual([]);
  });

  it.each([
    ['an archive copy at any host', 'url: https://news.example.org/a\narchiveUrl: https://evil.example/copy\n', 6, 'archiveUrl', /^must be a copy at a web archive \(web\.archive\.org, .*perma\.cc and the like\); put the page's own address in url, and an archived copy of it here/],
    ['an archive host as a sub-path of another host', 'url: https://news.example.org/a\narchiveUrl: https://evil.example/web.archive.org/a\n', 6, 'archiveUrl', /^must be a copy at a web archive/],
    ['an archive copy without the url it archives', 'archiveUrl: https://web.archive.org/web/2025/https://news.example.org/a\n', 5, 'archiveUrl', /^an archived copy needs the address it is a copy of: add url \(the page the archive preserves\), or remove archiveUrl/],
    ['a publication date far in the future', 'published: 9999-12-31\n', 5, 'published', /^9999-12-31 is in the future \(the build's date is 2025-06-15\); write only dates that have passed/],
    ['a month after the build date', 'published: 2025-07\n', 5, 'published', /^2025-07 is in the future/],
    ['accessed before published', 'published: 2025-05-02\naccessed: 2025-04\n', 6, 'accessed', /^is before published: an editor cannot have read the source before it was published; check both dates/],
  ])('%s', (_name, extra, line, field, pattern) => {
    expectProblem(problemsOf([source(extra)]), `${SOURCE_FILE}:${line} ${field}`, pattern);
  });

  it.each([
    ['an event in 2999', 'events', 'date', /^2999 is in the future/],
    ['a correction dated next year', 'companies', 'corrections[0].date', /^2026 is in the future/],
  ])('%s', (_name, collection, field, pattern) => {
    const text =
      collection === 'events'
        ? '---\ntitle: A future event\ndate: 2999\nkind: protest\nsummary: An event dated far in the future by a hostile contributor.\nsources: [example-source]\n---\n\nIt happened.<Cite source="example-source" />\n'
        : company(CLAIM, 'corrections:\n  - date: 2026\n    change: Changed.\n    reason: Because.\n');
    const f = file(collection as 'events', 'hostile.mdx', text);
    expectProblem(problemsOf([f]), `content/${collection}/hostile.mdx:${collection === 'events' ? 3 : 7} ${field}`, pattern);
  });

  it('reports a future date even when another field is wrong too', () => {
    const problems = problemsOf([source('published: 2999\nkind2: x\n')]);
    expectProblem(problems, `${SOURCE_FILE}:5 published`, /^2999 is in the future/);
    expectProblem(problems, `${SOURCE_FILE}:6 kind2`, /^is not a known field/);
  });

  it('accepts a date on the build date itself, and a contract that ends in the future', () => {
    const deal = file('contracts', 'deal.mdx', '---\ntitle: A long contract\nbuyer: example-agency\nsuppliers:\n  - company: example-corp\nawarded: 2025-06-15\nend: 2030\nsummary: A contract that runs until 2030, as its award notice says.\nsources: [example-source]\n---\n\nIt was awarded.<Cite source="example-source" />\n');
    expect(problemsOf([deal])).toEqual([]);
  });
});

describe('links into the reader\'s network, lookalike hosts and paths out of the site are refused', () => {
  const withLink = (link: string) => company(`${CLAIM} See [this](${link}).`);
  it.each([
    ['a loopback address', 'http://127.0.0.1/admin', /^link "http:\/\/127\.0\.0\.1\/admin" points at a bare IP address \(127\.0\.0\.1\); link to the site's host name instead/],
    ['a private address', 'https://192.168.1.1/', /points at a bare IP address \(192\.168\.1\.1\)/],
    ['a loopback address written as one number', 'http://2130706433/', /points at a bare IP address \(127\.0\.0\.1\)/],
    ['an IPv6 address', 'http://[::1]:8080/', /points at a bare IP address \(\[::1\]\)/],
    ['localhost', 'http://localhost:4321/', /^link "http:\/\/localhost:4321\/" points at a private host name \(localhost\) that leads only into the reader's own machine or network; link to a public address/],
    ['a .local name', 'https://printer.local/', /points at a private host name \(printer\.local\)/],
    ['a host that mixes alphabets', 'https://pаypal.com/login', /^link "https:\/\/pаypal\.com\/login" has a host name, "pаypal\.com", that mixes Latin and Cyrillic letters in the word "pаypal" \("а" is Cyrillic, the rest Latin\): a lookalike of another site's address; link to the real address$/],
    ['a mixed-script host written in punycode', 'https://xn--pypal-4ve.com/', /has a host name, "pаypal\.com", that mixes Latin and Cyrillic letters/],
    ['a host wholly in Cyrillic letters that read as a Latin name', 'https://ѕеагсһ.com/login', /^link "https:\/\/ѕеагсһ\.com\/login" has a host name, "ѕеагсһ\.com", whose "ѕеагсһ" is written in another alphabet's letters that read exactly as the Latin "search": a lookalike of another site's address; link to the real address$/],
    ['the same in punycode', 'https://xn--80age4c6e22a.com/', /whose "ѕеагсһ" is written in another alphabet's letters that read exactly as the Latin "search"/],
    ['a Cyrillic name under a top-level domain of Cyrillic lookalikes', 'https://ѕеагсһ.сосо/', /read exactly as the Latin "search"/],
    ['dot segments that leave the base path', '/api/v1/../../etc', /^link "\/api\/v1\/\.\.\/\.\.\/etc" contains "\." or "\.\." path segments, which browsers resolve and which can lead out of the site/],
    ['encoded dot segments', '/api/v1/%2e%2e/x', /contains "\." or "\.\." path segments/],
    ['a single dot segment', '/companies/./example-corp/', /contains "\." or "\.\." path segments/],
  ])('%s', (_name, link, pattern) => {
    expectProblem(problemsOf([file('companies', 'hostile.mdx', withLink(link))]), `${FILE}:8 body`, pattern);
  });

  it('refuses a private address in a front-matter address too', () => {
    expectProblem(problemsOf([file('companies', 'hostile.mdx', company(CLAIM, 'website: https://10.0.0.1/\n'))]), `${FILE}:6 website`, /^must be an absolute https:\/\/ URL: "https:\/\/10\.0\.0\.1\/" points at a bare IP address/);
  });

  it('accepts ordinary addresses, non-Latin host names in one alphabet, and data files', () => {
    // "сахар.рф" reads as "caxap" in Latin letters, but under its own alphabet's domain it is that country's name.
    for (const link of ['https://news.example.org/a', 'https://ar.wikipedia.org/wiki/عربي', 'https://яндекс.рф/', 'https://сахар.рф/', 'https://мвд.рф/', 'https://example.org/a.b/c', '/api/v1/entries.json']) {
      expect(problemsOf([file('companies', 'hostile.mdx', withLink(link))]), link).toEqual([]);
    }
  });
});

describe('a heading cannot take one of the page\'s own ids', () => {
  it.each([
    ['"Cite APA", which the Copy APA button copies', '## Cite APA', 'cite-apa', /ids starting "cite-" belong to the page itself/],
    ['the footnotes heading', '## Footnotes title', 'footnotes-title', /"footnotes-title" is the id of a part of the page itself/],
    ['a footnote', '### Note 1', 'note-1', /ids starting "note-" belong to the page itself/],
    ['the layout\'s main element', '## Main', 'main', /"main" is the id of a part of the page itself/],
  ])('%s', (_name, heading, id, pattern) => {
    const found = expectProblem(problemsOf([file('companies', 'hostile.mdx', company(`${heading}\n\n${CLAIM}`))]), `${FILE}:8 body`, new RegExp(`^heading ".*" would get the id "${id}", but `));
    expect(found).toMatch(pattern);
    expect(found).toMatch(/reword the heading$/);
  });

  it('accepts other headings', () => {
    expect(problemsOf([file('companies', 'hostile.mdx', company(`## Background\n\n${CLAIM}\n\n## Citations in the press\n\n${CLAIM}`))])).toEqual([]);
  });
});

describe('hidden files in content/ (read from a real folder)', () => {
  let dir: string;
  let problems: string[];
  const previous = process.env.WIKI_CONTENT_DIR;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wiki-hidden-'));
    const put = (path: string, text: string) => {
      mkdirSync(join(dir, 'content', path, '..'), { recursive: true });
      writeFileSync(join(dir, 'content', path), text);
    };
    put('sources/example-source.mdx', '---\ntitle: Example report\nlanguage: en\nkind: news\n---\n');
    put('.gitattributes', 'companies/*.mdx -diff\n');
    put('companies/.gitattributes', '*.mdx binary\n');
    put('companies/.DS_Store', '');
    process.env.WIKI_CONTENT_DIR = join(dir, 'content');
    const { files, stray, published } = readContentDir(dir);
    problems = checkContent(files, stray, { published }).problems.map(formatProblem);
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.WIKI_CONTENT_DIR;
    else process.env.WIKI_CONTENT_DIR = previous;
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['content/.gitattributes', 'content/companies/.gitattributes', 'content/companies/.DS_Store'])('refuses %s', (path) => {
    expectProblem(problems, `${path}:1 file`, /^is a hidden file; content\/ holds only collection folders and entry files, and a hidden file such as \.gitattributes can hide changes to entries from review: delete it$/);
  });
});
