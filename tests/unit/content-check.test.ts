import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/lib/content/check';
import { baseFiles, file } from './helpers';

const contract = (buyer: string, company: string, extra = '') => `---
title: Example contract
buyer: ${buyer}
suppliers:
  - company: ${company}
values:
  - amount: 1000000
    currency: USD
    kind: reported
    source: example-source
summary: An example contract between the example agency and company.
sources: [example-source]
${extra}---

The [agency](/agencies/${buyer}/) bought it.<Cite source="example-source" />
`;

function problemsFor(...extra: ReturnType<typeof file>[]) {
  return checkContent([...baseFiles(), ...extra]).problems.map(formatProblem);
}

describe('checkContent', () => {
  it('passes a valid wiki and returns its entries with resolved body links', () => {
    const result = checkContent([...baseFiles(), file('contracts', 'deal.mdx', contract('example-agency', 'example-corp'))]);
    expect(result.problems).toEqual([]);
    const deal = result.entries.find((e) => e.key === 'contracts/deal')!;
    expect(deal.links).toEqual(['agencies/example-agency']);
    expect(deal.cites.map((c) => c.source)).toEqual(['example-source']);
  });

  it('reports an unknown reference with file, line, field and a suggestion', () => {
    const problems = problemsFor(file('contracts', 'deal.mdx', contract('example-agncy', 'example-corp')));
    expect(problems).toContain('content/contracts/deal.mdx:3 buyer refers to an unknown agencies id "example-agncy"; did you mean "example-agency"?');
    // The body link with the same typo is reported at its own line.
    expect(problems.some((p) => p.startsWith('content/contracts/deal.mdx:15 body link "/agencies/example-agncy/"'))).toBe(true);
  });

  it('says when an id exists in another collection', () => {
    const problems = problemsFor(file('contracts', 'deal.mdx', contract('example-agency', 'example-agency')));
    expect(problems.some((p) => p.includes('suppliers[0].company') && p.includes('exists in agencies, not in companies'))).toBe(true);
  });

  it('reports every problem at once, not only the first', () => {
    const bad = `---
name: Bad
country: USA
website: http://insecure.example
summary: A company entry with several problems at once.
sources: [nowhere]
founded: 20x
---
`;
    const problems = problemsFor(file('companies', 'bad.mdx', bad));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^content\/companies\/bad\.mdx:3 country must be an ISO 3166-1 alpha-2/),
        expect.stringMatching(/^content\/companies\/bad\.mdx:4 website must be an absolute https:\/\/ URL/),
        expect.stringMatching(/^content\/companies\/bad\.mdx:6 sources\[0\] refers to an unknown sources id "nowhere"/),
        expect.stringMatching(/^content\/companies\/bad\.mdx:7 founded /),
      ]),
    );
  });

  it.each([
    ['malformed date', 'awarded: 2025-13-01\n', /:\d+ awarded must be a real date/],
    ['bad currency', '', /currency must be an ISO 4217/, (s: string) => s.replace('currency: USD', 'currency: DOLLARS')],
    ['javascript: URL in front matter', 'procurementUrl: "javascript:alert(1)"\n', /procurementUrl must be an absolute http/],
    ['unknown field', 'valeu: 3\n', /valeu is not a known field/],
  ])('rejects a %s', (_name, extra, pattern, mutate?: (s: string) => string) => {
    const text = (mutate ?? ((s: string) => s))(contract('example-agency', 'example-corp', extra));
    expect(problemsFor(file('contracts', 'deal.mdx', text)).some((p) => pattern.test(p))).toBe(true);
  });

  it('rejects a file name that is not a kebab-case id and suggests one', () => {
    const problems = problemsFor(file('companies', 'Example Corp 2.mdx', '---\nname: x\n---\n'));
    expect(problems).toContain('content/companies/Example Corp 2.mdx:1 file file name "Example Corp 2" is not a valid id: ids are lower-case ASCII letters, digits and single hyphens (no capitals, spaces, accents or other scripts); rename it to "example-corp-2.mdx"');
  });

  it('rejects unsafe MDX in the body with the line of the construct', () => {
    const text = `---
name: Hostile
country: US
summary: A company entry whose body tries to run code.
sources: [example-source]
---

import fs from 'node:fs'

Text {process.exit(1)}

<script>alert(1)</script>

[click](javascript:alert(1))
`;
    const problems = problemsFor(file('companies', 'hostile.mdx', text));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/hostile\.mdx:8 body import\/export statements are not allowed/),
        expect.stringMatching(/hostile\.mdx:10 body JavaScript expressions/),
        expect.stringMatching(/hostile\.mdx:12 body <script> is not allowed/),
        expect.stringMatching(/hostile\.mdx:14 body link "javascript:alert\(1\)" uses the forbidden scheme "javascript:"/),
      ]),
    );
  });

  it('rejects a <Cite> of an unknown source', () => {
    const broken = file('companies', 'other.mdx', `---\nname: Other\nsummary: Another example company for the tests.\nsources: [example-source]\n---\n\nText.<Cite source="example-sorce" />\n`);
    expect(checkContent([...baseFiles(), broken]).problems.map(formatProblem)).toContain(
      'content/companies/other.mdx:7 body <Cite> names an unknown sources id "example-sorce"; did you mean "example-source"?',
    );
  });

  it('rejects a redirect that would shadow an existing entry, and a duplicated redirect', () => {
    const a = file('companies', 'a-corp.mdx', `---\nname: A\nsummary: A company that was renamed once.\nsources: [example-source]\nredirectFrom: [example-corp, old-name]\n---\n`);
    const b = file('companies', 'b-corp.mdx', `---\nname: B\nsummary: Another company claiming the same old name.\nsources: [example-source]\nredirectFrom: [old-name]\n---\n`);
    const problems = problemsFor(a, b);
    expect(problems.some((p) => p.includes('"example-corp" is the id of an existing entry'))).toBe(true);
    expect(problems.some((p) => p.includes('"old-name" already redirects to content/companies/a-corp.mdx'))).toBe(true);
  });

  it('rejects a translation of a missing entry and accepts one of an existing entry', () => {
    const orphan = file('companies', 'ghost.ar.mdx', '---\nname: شبح\n---\n');
    const good = file('companies', 'example-corp.ar.mdx', '---\nname: شركة مثال\nsummary: شركة مثال تستخدمها الاختبارات.\n---\n\nنص.<Cite source="example-source" />\n');
    const result = checkContent([...baseFiles(), orphan, good]);
    expect(result.problems.map(formatProblem).some((p) => p.startsWith('content/companies/ghost.ar.mdx:1 file is a translation of an unknown companies id "ghost"'))).toBe(true);
    expect(result.entries.find((e) => e.key === 'companies/example-corp')!.translations.ar?.data.name).toBe('شركة مثال');
  });

  it('reports YAML syntax errors and missing front matter', () => {
    const problems = problemsFor(file('companies', 'broken-yaml.mdx', '---\nname: [unclosed\n---\n'), file('companies', 'no-front.mdx', 'Just text.\n'));
    expect(problems.some((p) => p.startsWith('content/companies/broken-yaml.mdx') && p.includes('not valid YAML'))).toBe(true);
    expect(problems).toContain('content/companies/no-front.mdx:1 front matter the file must start with front matter: the very first line must be exactly "---", with nothing before it');
  });
});

describe('sources relying on sources (basedOn)', () => {
  const source = (id: string, basedOn: string) =>
    file('sources', `${id}.mdx`, `---\ntitle: ${id}\nlanguage: en\nkind: news\n${basedOn}---\n`);
  it('accepts a source that translates another, and links the two', () => {
    const files = [...baseFiles(), source('original-report', ''), source('arabic-report', 'basedOn:\n  - source: original-report\n    how: translates\n')];
    const { problems, entries } = checkContent(files);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(entries.find((e) => e.id === 'arabic-report')?.data).toMatchObject({ basedOn: [{ source: 'original-report', how: 'translates' }] });
  });
  it('refuses a basedOn naming a missing source, with its line and a suggestion', () => {
    const files = [...baseFiles(), source('original-report', ''), source('arabic-report', 'basedOn:\n  - source: original-reprt\n    how: translates\n')];
    expect(checkContent(files).problems.map(formatProblem)).toContain(
      'content/sources/arabic-report.mdx:6 basedOn[0].source refers to an unknown sources id "original-reprt"; did you mean "original-report"?',
    );
  });
  it('refuses a cycle, at the link that closes it, with the whole cycle in the message', () => {
    const files = [
      ...baseFiles(),
      source('a-report', 'basedOn:\n  - source: b-report\n    how: summarises\n'),
      source('b-report', 'basedOn:\n  - source: c-report\n    how: translates\n'),
      source('c-report', 'basedOn:\n  - source: a-report\n    how: attributes\n'),
    ];
    const problems = checkContent(files).problems.map(formatProblem).filter((p) => p.includes('cycle'));
    expect(problems).toEqual([
      'content/sources/c-report.mdx:6 basedOn[0].source makes a cycle (a-report → b-report → c-report → a-report): a source can only rely on earlier sources; remove the link that points back',
    ]);
  });
  it('refuses a source relying on itself', () => {
    const problems = checkContent([...baseFiles(), source('self-report', 'basedOn:\n  - source: self-report\n    how: summarises\n')]).problems.map(formatProblem);
    expect(problems.some((p) => p.startsWith('content/sources/self-report.mdx:6 basedOn[0].source makes a cycle (self-report → self-report)'))).toBe(true);
  });
});

describe('people and organisations', () => {
  const person = (roles: string, extra = '') =>
    file('people', 'jane-doe.mdx', `---\nname: Jane Doe\n${roles}summary: A spokesperson used by the tests of the content check.\nsources: [example-source]\n${extra}---\n\nJane Doe speaks for Example Corp.<Cite source="example-source" />\n`);
  const org = (extra = '') =>
    file('organizations', 'example-watch.mdx', `---\nname: Example Watch\nkind: campaign\n${extra}summary: A campaign used by the tests of the content check.\nsources: [example-source]\n---\n`);
  const role = (fields: string) => `roles:\n  - ${fields.split('\n').join('\n    ')}\n`;

  it('accepts a person with a sourced role at a company and an organisation with members', () => {
    const result = checkContent([
      ...baseFiles(),
      person(role('at: companies/example-corp\ntitle: spokesperson\nfrom: 2024\nto: 2025-06\nsource: example-source')),
      org('members: [companies/example-corp]\n'),
    ]);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.entries.find((e) => e.key === 'people/jane-doe')?.data).toMatchObject({ roles: [{ at: 'companies/example-corp', title: 'spokesperson', from: '2024', to: '2025-06' }] });
  });

  it('refuses a role at an unknown entry, with its line and a suggestion', () => {
    const problems = problemsFor(person(role('at: companies/example-crop\ntitle: spokesperson\nsource: example-source')));
    expect(problems).toContain('content/people/jane-doe.mdx:4 roles[0].at refers to an unknown companies id "example-crop"; did you mean "example-corp"?');
  });

  it('refuses a role held at something that is not a company, agency or organisation', () => {
    const problems = problemsFor(person(role('at: sources/example-source\ntitle: spokesperson\nsource: example-source')));
    expect(problems).toContain(
      'content/people/jane-doe.mdx:4 roles[0].at must be "<collection>/<id>" where collection is one of companies, agencies, organizations, e.g. "companies/microsoft"',
    );
  });

  it('refuses a role that ends before it starts', () => {
    const problems = problemsFor(person(role('at: companies/example-corp\ntitle: spokesperson\nfrom: 2025-03\nto: 2024\nsource: example-source')));
    expect(problems).toContain('content/people/jane-doe.mdx:7 roles[0].to ends before it starts: "to" is earlier than "from"');
  });

  it('refuses a role without a source', () => {
    const problems = problemsFor(person(role('at: companies/example-corp\ntitle: spokesperson')));
    expect(problems).toContain('content/people/jane-doe.mdx:4 roles[0].source is required: the id of the source entry that reports this (content/sources/<id>.mdx)');
  });

  it('refuses a person with no public role', () => {
    expect(problemsFor(person(''))).toContain('content/people/jane-doe.mdx:2 roles is required: a person has an entry only for a public role the sources report');
    expect(problemsFor(person('roles: []\n'))).toContain(
      'content/people/jane-doe.mdx:3 roles must list at least one public role with its source: a person has an entry only for a public role the sources report (people harmed and private individuals are named only inside event entries)',
    );
  });

  it('checks event participants, response speakers and source publishers like every reference', () => {
    const event = file(
      'events',
      'a-protest.mdx',
      `---\ntitle: A protest\ndate: 2024\nkind: protest\nparticipants:\n  - entry: organizations/example-wach\n    role: organiser\n    source: example-source\n  - entry: organizations/example-watch\n    role: cheerleader\n    source: example-source\nresponses:\n  - date: 2024\n    by: Jane\n    speaker: people/jane-do\n    said: No comment.\n    source: example-source\nsummary: A protest used by the tests of the content check.\nsources: [example-source]\n---\n`,
    );
    const source = file('sources', 'outlet-report.mdx', `---\ntitle: Report\nlanguage: en\nkind: news\npublishedBy: organizations/nobody\nwrittenBy: [jane-doe]\n---\n`);
    const problems = problemsFor(event, source, org(), person(role('at: companies/example-corp\ntitle: spokesperson\nsource: example-source')));
    expect(problems).toContain('content/events/a-protest.mdx:6 participants[0].entry refers to an unknown organizations id "example-wach"; did you mean "example-watch"?');
    expect(problems.some((p) => p.startsWith('content/events/a-protest.mdx:10 participants[1].role must be one of organiser, speaker'))).toBe(true);
    expect(problems).toContain('content/events/a-protest.mdx:15 responses[0].speaker refers to an unknown people id "jane-do"; did you mean "jane-doe"?');
    expect(problems.some((p) => p.startsWith('content/sources/outlet-report.mdx:5 publishedBy refers to an unknown organizations id "nobody"'))).toBe(true);
    expect(problems.filter((p) => p.includes('outlet-report') && p.includes('writtenBy'))).toEqual([]);
  });
});
