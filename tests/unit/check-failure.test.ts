/**
 * A check that throws (a bug in the checks, met by some file) must not lose
 * which file it was, nor build that file: it becomes that file's problem,
 * and every other file is still checked.
 */
import { describe, expect, test, vi } from 'vitest';
import { checkContent, formatProblem } from '../../src/lib/content/check';
import { baseFiles, COMPANY, file } from './helpers';

// The date rules stand in for any check: they throw on one company's file.
vi.mock('../../src/lib/content/date-rules', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/lib/content/date-rules')>();
  return {
    ...original,
    futureDates: (...args: Parameters<typeof original.futureDates>) => {
      if ((args[1] as { name?: unknown }).name === 'Trips The Checker') throw new RangeError('Maximum call stack size exceeded\n    at deep (x.ts:1:1)');
      return original.futureDates(...args);
    },
  };
});
vi.mock('../../src/lib/content/identity-rules', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/lib/content/identity-rules')>();
  return {
    ...original,
    nameClashes: (...args: Parameters<typeof original.nameClashes>) => {
      if (args[0].some((f) => f.id === 'breaks-the-name-check')) throw new TypeError('cannot read properties of undefined');
      return original.nameClashes(...args);
    },
  };
});

describe('a check that throws', () => {
  test("on one file: that file is refused with file:line and the reason, never built; the others are checked as usual", () => {
    const tripping = file('companies', 'tripping-corp.mdx', COMPANY.replace('Example Corp', 'Trips The Checker'));
    const broken = file('companies', 'broken-corp.mdx', COMPANY.replace('Example Corp', 'Broken Corp').replace('sources: [example-source]', 'sources: [no-such-source]'));
    const { problems, entries } = checkContent([...baseFiles(), tripping, broken]);
    const lines = problems.map(formatProblem);
    expect(lines).toContainEqual(expect.stringMatching(/^content\/companies\/tripping-corp\.mdx:1 file could not be checked: the wiki's content check failed on this file \(RangeError: Maximum call stack size exceeded\)\. This is a bug in the checks; the file is refused/));
    // No stack trace lines in the message.
    expect(lines.join('\n')).not.toContain('at deep');
    expect(problems.find((p) => p.file.endsWith('tripping-corp.mdx'))?.unsafe).toBe(true);
    expect(entries.map((e) => e.id)).not.toContain('tripping-corp');
    // The other files: checked, with their own problems, and built when sound.
    expect(lines).toContainEqual(expect.stringMatching(/^content\/companies\/broken-corp\.mdx:\d+ sources\[0\] refers to an unknown sources id "no-such-source"/));
    expect(entries.map((e) => e.id)).toEqual(expect.arrayContaining(['example-corp', 'example-agency', 'example-source']));
  });

  test('across the whole wiki: reported on the content folder, naming the check; the other checks still run', () => {
    const odd = file('companies', 'breaks-the-name-check.mdx', COMPANY.replace('Example Corp', 'Odd Corp').replace('sources: [example-source]', 'sources: [missing-one]'));
    const { problems } = checkContent([...baseFiles(), odd]);
    const lines = problems.map(formatProblem);
    expect(lines).toContainEqual(expect.stringMatching(/^content\/:1 file could not be checked: the wiki's content check failed on the check of names and aliases across all entries \(TypeError: cannot read properties of undefined\)/));
    expect(lines).toContainEqual(expect.stringMatching(/breaks-the-name-check\.mdx:\d+ sources\[0\] refers to an unknown sources id "missing-one"/));
  });
});
