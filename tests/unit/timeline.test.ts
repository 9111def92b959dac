/**
 * The timeline's order and its one item per happening (src/lib/views/timeline.ts),
 * on small wikis built by the wiki's own check and model builder; and the
 * content check's rules for an event's `after` (check.ts).
 */
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/lib/content/check';
import { buildWiki } from '../../src/lib/model/build';
import type { Wiki } from '../../src/lib/model/entry';
import { endsBefore } from '../../src/lib/isomorphic/dates';
import type { EntryKey } from '../../src/lib/isomorphic/entry-keys';
import { entityTimeline, timelineItems } from '../../src/lib/views/timeline';
import { translator } from '../../src/i18n';
import { baseFiles, file } from './helpers';

interface EventSpec {
  id: string;
  title: string;
  date: string;
  qualifier?: string;
  kind?: string;
  involved?: string[];
  /** Front-matter lines added as they are, e.g. an `after` block. */
  extra?: string;
}

const event = ({ id, title, date, qualifier, kind = 'protest', involved = ['companies/example-corp'], extra = '' }: EventSpec) =>
  file(
    'events',
    `${id}.mdx`,
    `---
title: ${title}
date: ${date}
${qualifier ? `dateQualifier: ${qualifier}\n` : ''}kind: ${kind}
involved: [${involved.join(', ')}]
summary: A test event used by the timeline tests of the wiki.
sources: [example-source]
${extra}---

It happened.<Cite source="example-source" />
`,
  );

const contract = (id: string, title: string, dates: string) =>
  file(
    'contracts',
    `${id}.mdx`,
    `---
title: ${title}
kind: contract
buyer: example-agency
suppliers:
  - company: example-corp
${dates}
summary: A test contract used by the timeline tests of the wiki.
sources: [example-source]
---

It was agreed.<Cite source="example-source" />
`,
  );

/** An Arabic translation, so the two languages' titles sort differently from their ids. */
const arabic = (collection: 'events' | 'contracts', id: string, name: string) => file(collection, `${id}.ar.mdx`, `---\nname: ${name}\n---\n\nترجمة.<Cite source="example-source" />\n`);

function wikiOf(files: ReturnType<typeof file>[]): Wiki {
  const { problems, entries } = checkContent([...baseFiles(), ...files]);
  expect(problems.map(formatProblem)).toEqual([]);
  return buildWiki(entries);
}

const order = (wiki: Wiki, locale: 'en' | 'ar' = 'en') => timelineItems(wiki, wiki.entries.values(), locale, translator(locale)).map((i) => i.key);

describe('the order within one date', () => {
  it.each<[string, EventSpec[], string[]]>([
    [
      'a less precise date heads the dates it contains',
      [
        { id: 'b', title: 'B', date: '2021-05-20' },
        { id: 'a', title: 'A', date: '2021-05' },
        { id: 'c', title: 'C', date: '2021' },
      ],
      ['events/c', 'events/a', 'events/b'],
    ],
    [
      '"before" a date comes ahead of the date, "after" it behind, whatever the titles say',
      [
        { id: 'on-it', title: 'A on May', date: '2021-05' },
        { id: 'later', title: 'A after May', date: '2021-05', qualifier: 'after' },
        { id: 'earlier', title: 'Z before May', date: '2021-05', qualifier: 'before' },
        { id: 'around', title: 'B about May', date: '2021-05', qualifier: 'about' },
      ],
      ['events/earlier', 'events/around', 'events/on-it', 'events/later'],
    ],
    [
      'an event the sources put after another follows it, even past more precise dates',
      [
        { id: 'signing', title: 'A signing', date: '2021-05', extra: 'after:\n  event: award\n  source: example-source\n' },
        { id: 'award', title: 'B award', date: '2021-05-20' },
        { id: 'earlier', title: 'C earlier', date: '2021-05-03' },
        { id: 'next-year', title: 'D next year', date: '2022' },
      ],
      ['events/earlier', 'events/award', 'events/signing', 'events/next-year'],
    ],
    [
      'a chain of "after" keeps its sequence',
      [
        { id: 'third', title: 'A', date: '2021', extra: 'after:\n  event: second\n  source: example-source\n' },
        { id: 'second', title: 'B', date: '2021', extra: 'after:\n  event: first\n  source: example-source\n' },
        { id: 'first', title: 'C', date: '2021' },
      ],
      ['events/first', 'events/second', 'events/third'],
    ],
    [
      'items nothing orders keep the order of their ids, not of their titles',
      [
        { id: 'b-protest', title: 'A protest', date: '2021-05' },
        { id: 'a-protest', title: 'Z protest', date: '2021-05' },
      ],
      ['events/a-protest', 'events/b-protest'],
    ],
  ])('%s', (_, events, expected) => {
    expect(order(wikiOf(events.map(event)))).toEqual(expected);
  });

  it('is the same in both languages, whatever the translated titles', () => {
    const wiki = wikiOf([
      event({ id: 'alpha', title: 'Alpha', date: '2025-04' }),
      arabic('events', 'alpha', 'ياء'),
      event({ id: 'beta', title: 'Beta', date: '2025-04' }),
      arabic('events', 'beta', 'ألف'),
      contract('gamma', 'Gamma', 'awarded: 2025-04'),
      arabic('contracts', 'gamma', 'باء'),
    ]);
    expect(order(wiki, 'ar')).toEqual(order(wiki, 'en'));
    expect(order(wiki, 'en')).toEqual(['contracts/gamma', 'events/alpha', 'events/beta']);
  });
});

describe('one item per happening', () => {
  const award = (date: string, kind = 'contract-award') =>
    event({ id: 'deal-award', title: 'The deal is awarded', date, kind, involved: ['companies/example-corp', 'contracts/deal'] });

  it('an award event stands for the award of the contract it involves, and links it', () => {
    const wiki = wikiOf([contract('deal', 'The deal', 'awarded: 2021-05'), award('2021-05')]);
    const items = timelineItems(wiki, wiki.entries.values(), 'en', translator('en'));
    expect(items.map((i) => i.key)).toEqual(['events/deal-award']);
    expect(items[0]!.contracts.map((c) => c.href)).toEqual(['/contracts/deal/']);
    // Filtering by the contract's buyer still finds the award.
    expect(items[0]!.entities).toEqual(expect.arrayContaining(['agencies/example-agency', 'companies/example-corp', 'contracts/deal']));
  });

  it.each<[string, string, ReturnType<typeof file>[]]>([
    ['an award event dated in the period of the award', 'awarded: 2021-05-21', [award('2021-05')]],
    ['an award event dated more precisely than the award', 'awarded: 2021', [award('2021-05-21')]],
  ])('%s: one item', (_, dates, events) => {
    const wiki = wikiOf([contract('deal', 'The deal', dates), ...events]);
    expect(order(wiki)).toEqual(['events/deal-award']);
  });

  it.each<[string, string, ReturnType<typeof file>]>([
    ['the award event is in another period than the contract’s award', 'awarded: 2021-04-21', award('2021-05')],
    ['the event is another step (a signing), not the award', 'awarded: 2021-05', award('2021-05', 'other')],
    ['the contract is known only by its start, a happening of its own', 'start: 2021-05', award('2021-05')],
  ])('two items when %s', (_, dates, other) => {
    const wiki = wikiOf([contract('deal', 'The deal', dates), other]);
    expect(order(wiki).sort()).toEqual(['contracts/deal', 'events/deal-award']);
  });

  it('an entry’s own timeline shows the award once too', () => {
    const wiki = wikiOf([contract('deal', 'The deal', 'awarded: 2021-05'), award('2021-05')]);
    const years = entityTimeline(wiki, 'companies/example-corp' as EntryKey, 'en', translator('en'));
    expect(years.flatMap((y) => y.items.map((i) => i.key))).toEqual(['events/deal-award']);
  });
});

describe('endsBefore', () => {
  it.each<[string, string, boolean]>([
    ['2021-04', '2021-05-03', true],
    ['2021-04-30', '2021-05', true],
    ['2020', '2021', true],
    ['2021', '2021-05', false],
    ['2021-05-03', '2021-05', false],
    ['2021-05', '2021-05', false],
    ['2021-06', '2021-05-31', false],
  ])('%s ends before %s: %s', (a, b, expected) => expect(endsBefore(a, b)).toBe(expected));
});

describe('the content check of "after"', () => {
  const check = (events: EventSpec[]) => checkContent([...baseFiles(), ...events.map(event)]).problems.map(formatProblem);

  it.each<[string, EventSpec[], RegExp[]]>([
    [
      'an unknown event',
      [{ id: 'signing', title: 'Signing', date: '2021-05', extra: 'after:\n  event: awrd\n  source: example-source\n' }],
      [/^content\/events\/signing\.mdx:\d+ after\.event refers to an unknown events id "awrd"; create content\/events\/awrd\.mdx or fix the id$/],
    ],
    [
      'an unknown source',
      [
        { id: 'award', title: 'Award', date: '2021-05' },
        { id: 'signing', title: 'Signing', date: '2021-05', extra: 'after:\n  event: award\n  source: exampel-source\n' },
      ],
      [/^content\/events\/signing\.mdx:\d+ after\.source refers to an unknown sources id "exampel-source"; did you mean "example-source"\?$/],
    ],
    ['itself', [{ id: 'signing', title: 'Signing', date: '2021-05', extra: 'after:\n  event: signing\n  source: example-source\n' }], [/^content\/events\/signing\.mdx:9 after\.event an event cannot come after itself/]],
    [
      'an event dated wholly later',
      [
        { id: 'award', title: 'Award', date: '2021-06-01' },
        { id: 'signing', title: 'Signing', date: '2021-05', extra: 'after:\n  event: award\n  source: example-source\n' },
      ],
      [/^content\/events\/signing\.mdx:9 after\.event says this event \(dated 2021-05\) came after "award", which is dated 2021-06-01, later than all of it: check both dates against the sources, or remove "after"$/],
    ],
    [
      'a cycle',
      [
        { id: 'one', title: 'One', date: '2021', extra: 'after:\n  event: two\n  source: example-source\n' },
        { id: 'two', title: 'Two', date: '2021', extra: 'after:\n  event: one\n  source: example-source\n' },
      ],
      [/^content\/events\/(one|two)\.mdx:9 after\.event makes a cycle \((one → two → one|two → one → two)\): each event can only come after an earlier one; remove the "after" that points back$/],
    ],
    ['a missing source', [{ id: 'award', title: 'Award', date: '2021' }, { id: 'signing', title: 'Signing', date: '2021', extra: 'after:\n  event: award\n' }], [/^content\/events\/signing\.mdx:\d+ after\.source is required: the id of the source entry that reports this/]],
  ])('reports an "after" naming %s', (_, events, expected) => {
    const problems = check(events);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(problems[i]).toMatch(re));
  });

  it('accepts an earlier event in the same period', () => {
    expect(check([{ id: 'award', title: 'Award', date: '2021-05-20' }, { id: 'signing', title: 'Signing', date: '2021-05', extra: 'after:\n  event: award\n  source: example-source\n' }])).toEqual([]);
  });
});
