/** BENCHMARKS.md upkeep: the header is refreshed, results accumulate, findings stay last. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { appendSection, HEADER } from '../../scripts/bench/report';

const dir = mkdtempSync(join(tmpdir(), 'bench-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('appendSection', () => {
  test('a new file gets the header, then the section', () => {
    const file = join(dir, 'new.md');
    appendSection(file, '### run 1\n');
    expect(readFileSync(file, 'utf8')).toBe(`${HEADER.trimEnd()}\n\n### run 1\n`);
  });

  test('an outdated header is replaced; earlier results are kept in order', () => {
    const file = join(dir, 'old.md');
    writeFileSync(file, '# Benchmarks\n\nOld method text.\n\n## Results\n\n### run 1\n');
    appendSection(file, '### run 2');
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith(HEADER.trimEnd())).toBe(true);
    expect(text).not.toContain('Old method text');
    expect(text.indexOf('### run 1')).toBeLessThan(text.indexOf('### run 2'));
    expect(text.match(/## Results/g)).toHaveLength(1);
  });

  test('a Findings part stays after the newest result', () => {
    const file = join(dir, 'findings.md');
    writeFileSync(file, `${HEADER}\n### run 1\n\n## Findings\n\nOG images dominated.\n`);
    appendSection(file, '### run 2');
    const text = readFileSync(file, 'utf8');
    expect(text.indexOf('### run 2')).toBeGreaterThan(text.indexOf('### run 1'));
    expect(text.indexOf('## Findings')).toBeGreaterThan(text.indexOf('### run 2'));
    expect(text.trimEnd().endsWith('OG images dominated.')).toBe(true);
  });
});
