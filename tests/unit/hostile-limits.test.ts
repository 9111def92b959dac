/**
 * Hostile contributions, round two: inputs that made the check slow or crash
 * it, control characters that break the feeds, contributor text that could
 * turn a message against a reviewer's terminal or CI log, and messages that
 * said the wrong thing. One row per case: each is refused (in seconds, with
 * `file:line field` and the words to fix it) or, within the limits, accepted.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/lib/content/check';
import { readEntryFile } from '../../src/lib/content/files';
import { LIMITS } from '../../src/lib/content/limits';
import { bodyTree, renderBodyHtml } from '../../src/lib/views/body-html';
import { baseFiles, expectProblem, file, problemsOf, hostileCompany } from './helpers';

const FILE = 'content/companies/hostile.mdx';
const CLAIM = 'A claim.<Cite source="example-source" />';

const company = hostileCompany;

/** Check the base wiki plus one file, timed. */
function timedCheck(text: string): { problems: string[]; ms: number } {
  const started = performance.now();
  const problems = checkContent([...baseFiles(), file('companies', 'hostile.mdx', text)]).problems.map(formatProblem);
  return { problems, ms: performance.now() - started };
}

/** Enough for a slow shared machine; the cases took 25 s to minutes, or crashed, before the limits. */
const SECONDS = 5;

const nestedList = (levels: number) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');

describe('the validator finishes on pathological bodies, and says where (body starts at line 8)', () => {
  const { marksPerParagraph: marks, nestingDepth: depth } = LIMITS;
  it.each([
    ['40 KB of nested emphasis', '*a'.repeat(20_000), 8, /^has 20000 emphasis marks \("\*" or "_"\) in one paragraph, and the limit is 300: split the paragraph, or write a literal one with a backslash \(\\\*\)$/],
    ['one run of 20,000 asterisks', `${'*'.repeat(10_000)}a${'*'.repeat(10_000)}`, 8, /^has 20000 emphasis marks/],
    ['underscores', '_a '.repeat(5_000), 8, /^has 5000 emphasis marks/],
    ['emphasis spread over the lines of one paragraph', Array.from({ length: 400 }, () => '*a').join('\n'), 8, /^has 400 emphasis marks/],
    ['200 KB of brackets', '['.repeat(200_000), 8, /^has 200000 brackets \("\[" or "\]"\) in one paragraph, and the limit is 300: split the paragraph, or write a literal one with a backslash \(\\\[\)$/],
    ['unclosed link destinations', '[](' .repeat(20_000), 8, /^has 40000 brackets/],
    ['a 1,000-level list on one line', `${'- '.repeat(1_000)}x`, 8, /^lists and quotes are nested 1000 levels deep, and the limit is 32: flatten the structure: fewer levels of lists and ">" quotes, less indentation$/],
    ['a 300-level indented list', nestedList(300), 8 + depth, /^lists and quotes are nested 33 levels deep, and the limit is 32/],
    ['6,000 nested ">"', `${'>'.repeat(6_000)} x`, 8, /^lists and quotes are nested 6000 levels deep/],
    ['quotes and lists mixed', `${'> - '.repeat(40)}x`, 8, /^lists and quotes are nested 80 levels deep/],
    ['3,000 nested <span>', `${'<span>'.repeat(3_000)}x${'</span>'.repeat(3_000)}`, 8, /^HTML elements are nested 33 levels deep, and the limit is 32: flatten the structure: close each element before opening many more$/],
    ['nested elements over several lines', Array.from({ length: 40 }, () => '<q>').join('\n'), 8 + depth, /^HTML elements are nested 33 levels deep/],
  ])('%s is refused in seconds', (_name, body, line, pattern) => {
    const { problems, ms } = timedCheck(company(body));
    expectProblem(problems, `${FILE}:${line} body`, pattern);
    expect(ms, 'milliseconds').toBeLessThan(SECONDS * 1000);
  });

  it.each([
    ['as many emphasis marks as a paragraph may hold', `${'*a* '.repeat(marks / 2)}${CLAIM}`],
    ['as many brackets as a paragraph may hold', `${'[a](https://example.org/) '.repeat(marks / 2)}${CLAIM}`],
    ['lists nested to the limit', `${nestedList(depth / 2)}\n\n${CLAIM}`],
    ['elements nested to the limit', `${'<span>'.repeat(depth)}${CLAIM}${'</span>'.repeat(depth)}`],
    ['quotes nested to the limit', `${'>'.repeat(depth)} ${CLAIM}`],
    ['a long body of full paragraphs (45 KB)', Array.from({ length: 100 }, () => `${'*a* _b_ [c](https://example.org/) '.repeat(12)}${CLAIM}`).join('\n\n')],
    ['marks inside code and escaped marks, which are not counted', `\`${'*'.repeat(2_000)}\` ${'\\['.repeat(2_000)} ${CLAIM}\n\n\`\`\`\n${'>'.repeat(2_000)}\n${'['.repeat(2_000)}\n\`\`\``],
  ])('%s is accepted in seconds, and renders', (_name, body) => {
    const text = company(body);
    expect(Buffer.byteLength(text)).toBeLessThan(LIMITS.fileKilobytes * 1024);
    const { problems, ms } = timedCheck(text);
    expect(problems).toEqual([]);
    expect(ms, 'milliseconds').toBeLessThan(SECONDS * 1000);
    const html = renderBodyHtml(bodyTree(body), { locale: 'en', cite: () => ({ n: 1, refId: 'ref-1' }) as never });
    expect(html).toContain('[1]');
  });

  it('the renderer walks any depth without overflowing the stack (3,000 nested <span>, 10,000 nested quotes)', () => {
    const spans = renderBodyHtml(bodyTree(`${'<span>'.repeat(3_000)}deep${'</span>'.repeat(3_000)}`), { locale: 'en', cite: () => undefined });
    expect(spans.match(/<span>/g)).toHaveLength(3_000);
    expect(spans).toContain('deep</span>');
    const quotes = renderBodyHtml(bodyTree(`${'>'.repeat(10_000)} deep`), { locale: 'en', cite: () => undefined });
    expect(quotes.match(/<blockquote>/g)).toHaveLength(10_000);
  });
});

describe('the validator finishes on pathological front matter, and says where (extra lines start at line 6)', () => {
  it.each([
    ['5,000 nested flow lists', `aliases: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n`, 6, 'front matter', /^lists and maps are nested 33 levels deep, and the limit is 32: flatten the structure, into plain fields$/],
    ['flow maps', `aliases: [${'{a: '.repeat(100)}x${'}'.repeat(100)}]\n`, 6, 'front matter', /^lists and maps are nested 33 levels deep/],
    ['a 200-level indented map', `${Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}a${i}:`).join('\n')} x\n`, 6 + 33, 'front matter', /^lists and maps are nested 33 levels deep/],
    ['a 100-level list of lists on one line', `aliases:\n${'- '.repeat(100)}x\n`, 7, 'front matter', /^lists and maps are nested 100 levels deep/],
    ['a value over the field limit', `aliases: ["${'a'.repeat(LIMITS.fieldCharacters + 1)}"]\n`, 6, 'aliases[0]', /^is 5001 characters long, and a front-matter value may be at most 5000: shorten it, and put longer text in the body$/],
  ])('%s is refused in seconds', (_name, extra, line, field, pattern) => {
    const { problems, ms } = timedCheck(company(CLAIM, extra));
    expectProblem(problems, `${FILE}:${line} ${field}`, pattern);
    expect(ms, 'milliseconds').toBeLessThan(SECONDS * 1000);
  });

  it('a file over the size limit is refused before anything parses it', () => {
    const text = company(`${CLAIM}\n\n${'Plain words. '.repeat(20_000)}`);
    const { problems, ms } = timedCheck(text);
    expectProblem(problems, `${FILE}:1 file`, /^is 255 KB, and an entry file may be at most 200 KB: split the text into several entries, or move long quotations into the sources$/);
    expect(ms, 'milliseconds').toBeLessThan(SECONDS * 1000);
  });

  const dir = mkdtempSync(join(tmpdir(), 'wiki-limits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a file on disk over the size limit is not even read (50 MB)', () => {
    mkdirSync(join(dir, 'companies'));
    writeFileSync(join(dir, 'companies', 'huge.mdx'), Buffer.alloc(50 * 1024 * 1024, 'a'));
    const started = performance.now();
    const f = readEntryFile(dir, 'companies', 'huge.mdx');
    expect(f.readProblems).toEqual([{ line: 1, field: 'file', message: expect.stringMatching(/^is 51200 KB, and an entry file may be at most 200 KB/) }]);
    expect(f.body).toBe('');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('control characters are refused in every text field and in bodies', () => {
  const message = (code: string) => new RegExp(`^contains the invisible control character ${code}, which is not text \\(it breaks the feeds and data exports\\); delete it`);
  it.each([
    ['a bell in a name (the feeds’ XML would not be well-formed)', company(CLAIM, '', '"Hostile\\a Corp"'), `${FILE}:2 name`, 'U\\+0007'],
    ['ESC in a name, written raw', company(CLAIM, '', 'Hostile\u001b[2J Corp'), `${FILE}:2 name`, 'U\\+001B'],
    ['NUL in a summary', company(CLAIM).replace('summary: A company entry used to test that hostile content is refused.', 'summary: "A\\0 company entry used to test that hostile content is refused."'), `${FILE}:4 summary`, 'U\\+0000'],
    ['a C1 control (NEL) in an alias', company(CLAIM, 'aliases: ["Hostile\\N Corp"]\n'), `${FILE}:6 aliases[0]`, 'U\\+0085'],
    ['DEL in a nested field', company(CLAIM, 'responses:\n  - date: 2025\n    by: "Hostile\u007f Corp"\n    said: It declined to comment.\n    source: example-source\n'), `${FILE}:8 responses[0].by`, 'U\\+007F'],
    ['a vertical tab in the body', company(`A claim\u000b with a hidden character.<Cite source="example-source" />`), `${FILE}:8 body`, 'U\\+000B'],
    ['a C1 control in a code block of the body', company(`${CLAIM}\n\n\`\`\`\nx\u009by\n\`\`\``), `${FILE}:11 body`, 'U\\+009B'],
  ])('%s', (_name, text, prefix, code) => {
    expectProblem(problemsOf(file('companies', 'hostile.mdx', text)), prefix, message(code));
  });

  it('refuses them in a translation too', () => {
    const tr = file('companies', 'example-corp.ar.mdx', '---\nname: "شركة\\a مثال"\n---\n\nنص.<Cite source="example-source" />\n');
    expectProblem(problemsOf(tr), 'content/companies/example-corp.ar.mdx:2 name', message('U\\+0007'));
  });

  it('accepts tabs and line breaks, where text has them', () => {
    const text = company(`${CLAIM}\n\n\`\`\`\ncolumn\tcolumn\n\`\`\``, 'responses:\n  - date: 2025\n    by: Hostile Corp\n    said: >\n      It declined\n      to comment.\n    source: example-source\n');
    expect(problemsOf(file('companies', 'hostile.mdx', text))).toEqual([]);
  });
});

describe('messages cannot be turned against a reviewer', () => {
  /** Nothing a terminal or CI runner would act on: no control character and no line of its own. */
  const expectSafe = (problems: string[]) => {
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
      expect(p.startsWith('content/')).toBe(true);
    }
  };
  it.each([
    ['a YAML key holding a newline and a workflow command', company(CLAIM, '"x\\n::error file=README.md,line=1::pwned": 1\n'), `${FILE}:6 x\\u000a::error file=README.md,line=1::pwned`, /^is not a known field/],
    ['ESC sequences in a <Cite> id', company('A claim.<Cite source="\u001b[2J\u001b[31mfake" />'), `${FILE}:8 body`, /^<Cite> names an invalid sources id "\\u001b\[2J\\u001b\[31mfake": ids are lower-case/],
    ['ESC in the line that ends the front matter', company(CLAIM).replace('\n---\n\n', '\n---\u001b[2J\n\n'), `${FILE}:6 front matter`, /^ends at the first line starting with "---" or "\+\+\+", and this one is "---\\u001b\[2J"/],
    ['a duplicated key with an ESC', company(CLAIM, '"name\u001b[2J": x\n"name\u001b[2J": y\n'), `${FILE}:7 front matter`, /^is not valid YAML: the field "name\\u001b\[2J" appears twice; keep one$/],
    ['an OSC sequence (rewrites the terminal title) in a key', company(CLAIM, '"a\u001b]0;pwned\u0007": 1\n'), `${FILE}:6 a\\u001b]0;pwned\\u0007`, /^is not a known field/],
  ])('%s is shown escaped', (_name, text, prefix, pattern) => {
    const problems = problemsOf(file('companies', 'hostile.mdx', text));
    expectSafe(problems);
    expectProblem(problems, prefix, pattern);
  });

  it('escapes a hostile file name (a stray file)', () => {
    const problems = checkContent(baseFiles(), [{ file: 'content/companies/\u001b[2J\n::error::x.txt', message: 'has the wrong extension' }]).problems.map(formatProblem);
    expect(problems).toEqual(['content/companies/\\u001b[2J\\u000a::error::x.txt:1 file has the wrong extension']);
  });
});

describe('messages say what is wrong, once, in the right place', () => {
  it.each([
    ['broken YAML: no doubled "front matter"', company(CLAIM, 'aliases: [x\n'), /:\d+ front matter is not valid YAML: /, /front matter front matter/],
    ['broken MDX: no doubled "body"', company('Revenue <5 million.'), /:8 body is not valid MDX: /, /body body/],
    ['a quoted duplicated key: no doubled quotes', company(CLAIM, '"name": Other Corp\n'), /:6 front matter is not valid YAML: the field "name" appears twice; keep one$/, /""/],
    ['a malformed <Cite> id: no advice to create a file outside content/', company('A claim.<Cite source="../../etc/passwd" />'), /:8 body <Cite> names an invalid sources id "\.\.\/\.\.\/etc\/passwd": ids are lower-case ASCII letters, digits and single hyphens, the file name of an entry in content\/sources\/ without "\.mdx"$/, /create content/],
    ['a malformed <Cite> id close to a real one', company('A claim.<Cite source="Example Source" />'), /:8 body <Cite> names an invalid sources id "Example Source": .*; did you mean "example-source"\?$/, /create content/],
    ['an unquoted event handler: no hint to use "{"', company('Text <span onerror=alert(1)>x</span>'), /:8 body event-handler attribute "onerror" is not allowed: it runs JavaScript; remove it$/, /`\{`|"\\\{"/],
    ['another unquoted attribute', company('Text <abbr title=x>x</abbr>'), /:8 body attribute values must be in quotes: write title="\.\.\."$/, /`\{`|"\\\{"/],
    ['a complex YAML key: its own line', company(CLAIM, '? [a, b]\n: value\n'), /:6 front matter a field name must be a plain word, not a list or map \(YAML "\? " keys are not allowed\); write the field as name: value$/, /:1 /],
  ])('%s', (_name, text, wanted, unwanted) => {
    const problems = problemsOf(file('companies', 'hostile.mdx', text));
    const mine = problems.filter((p) => p.startsWith(FILE));
    expect(mine.some((p) => wanted.test(p.slice(FILE.length))), mine.join('\n')).toBe(true);
    expect(mine.filter((p) => unwanted.test(p.slice(FILE.length))), 'unwanted').toEqual([]);
  });

  it('a complex YAML key leaks no Node warning', () => {
    const warnings: unknown[] = [];
    const listener = (w: unknown) => warnings.push(w);
    const original = process.emitWarning;
    process.emitWarning = ((w: unknown) => warnings.push(w)) as typeof process.emitWarning;
    process.on('warning', listener);
    try {
      problemsOf(file('companies', 'hostile.mdx', company(CLAIM, '? {a: 1}\n: value\n[x]: y\n')));
    } finally {
      process.emitWarning = original;
      process.off('warning', listener);
    }
    expect(warnings).toEqual([]);
  });

  it('every HTML comment is reported, not only the first', () => {
    const problems = problemsOf(file('companies', 'hostile.mdx', company(`${CLAIM}\n\n<!-- one -->\n\nMore.\n\nText <!-- two --> and\n<!-- three\n-->\n\n\`<!-- in code -->\``)));
    const lines = problems.filter((p) => /body HTML comments/.test(p)).map((p) => Number(/:(\d+) /.exec(p)![1]));
    expect(lines).toEqual([10, 14, 15]);
  });

  it('typed facts in a translation: what a translation may carry, not "check its spelling"', () => {
    const tr = file('companies', 'example-corp.ar.mdx', '---\nname: شركة مثال\ncountry: US\nsources: [example-source]\n---\n\nنص.<Cite source="example-source" />\n');
    const problems = problemsOf(tr);
    for (const [line, field] of [[3, 'country'], [4, 'sources']] as const) {
      const found = expectProblem(problems, `content/companies/example-corp.ar.mdx:${line} ${field}`, /^is not a field of a translation: a translation carries only its translated name, summary and aliases; dates, money, parties, sources and other typed facts stay in the original, content\/companies\/example-corp\.mdx, and are shown in both languages$/);
      expect(found).not.toMatch(/spelling/);
    }
    // An original still hears about its spelling.
    expectProblem(problemsOf(file('companies', 'hostile.mdx', company(CLAIM, 'countyr: US\n'))), `${FILE}:6 countyr`, /^is not a known field; check its spelling/);
  });

  it('a self-redirect is named as such, not as "the id of an existing entry"', () => {
    const problems = problemsOf(file('companies', 'hostile.mdx', company(CLAIM, 'redirectFrom: [hostile]\n')));
    const found = expectProblem(problems, `${FILE}:6 redirectFrom[0]`, /^"hostile" is this entry's own id; redirectFrom lists only ids the entry had before it was renamed: remove it$/);
    expect(found).not.toMatch(/existing entry/);
  });
});

describe('CONTRIBUTING.md states the limits the check applies', () => {
  const text = readFileSync('CONTRIBUTING.md', 'utf8').replace(/\s+/g, ' ');
  it.each([
    ['the file size', `an entry file is at most ${LIMITS.fileKilobytes} KB`],
    ['the field size', `a front-matter value at most ${LIMITS.fieldCharacters} characters`],
    ['the nesting depth', `nest at most ${LIMITS.nestingDepth} levels deep`],
    ['the marks per paragraph', `at most ${LIMITS.marksPerParagraph} emphasis marks (\`*\`, \`_\`) and ${LIMITS.marksPerParagraph} brackets`],
    ['the control characters', 'control characters (U+0000–U+001F other than tab and line breaks, U+007F–U+009F)'],
  ])('%s', (_name, sentence) => expect(text).toContain(sentence));
});
