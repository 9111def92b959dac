import { describe, expect, it } from 'vitest';
import { htmlLang, isIndexable, MAX_SHARDS, PAGES_PER_SHARD, shardCount, shardDir, shardManifest, shardOf } from '../../src/lib/output/search-shards';

describe('how many search shards a wiki gets', () => {
  it.each([
    [0, 1],
    [57, 1],
    [PAGES_PER_SHARD, 1],
    [PAGES_PER_SHARD + 1, 2],
    [10_000, Math.ceil(10_000 / PAGES_PER_SHARD)],
    [10_000_000, MAX_SHARDS],
  ])('%d pages in the largest language: %d', (pages, shards) => {
    expect(shardCount(pages)).toBe(shards);
  });

  it('takes a custom shard size, and refuses a meaningless one', () => {
    expect(shardCount(7, 3)).toBe(3);
    expect(() => shardCount(7, 0)).toThrow(/positive number/);
    expect(() => shardCount(7, Number.NaN)).toThrow(/positive number/);
  });
});

describe('which shard a page goes to', () => {
  const paths = Array.from({ length: 4000 }, (_, i) => `/events/event-${i}/`);

  it('is always 0 with one shard', () => {
    expect(paths.every((p) => shardOf(p, 1) === 0)).toBe(true);
  });

  it('is stable, in range, and spreads pages evenly', () => {
    const counts = [0, 0, 0];
    for (const p of paths) {
      const s = shardOf(p, 3);
      expect(s).toBe(shardOf(p, 3));
      counts[s]! += 1;
    }
    for (const c of counts) expect(Math.abs(c - paths.length / 3)).toBeLessThan(paths.length * 0.05);
  });

  it('does not depend on the machine: known values', () => {
    // FNV-1a 32-bit of the UTF-8 bytes; fixed so a page keeps its shard between builds.
    expect(shardOf('/agencies/ice/', 1000)).toBe(shardOf('/agencies/ice/', 1000));
    expect(shardOf('', 2 ** 31)).toBe(0x811c9dc5 % 2 ** 31);
    expect(shardOf('a', 2 ** 31)).toBe(0xe40c292c % 2 ** 31);
  });
});

describe('shard layout', () => {
  it('keeps the first bundle where Pagefind always was, and lists the others', () => {
    expect(shardDir(0)).toBe('');
    expect(shardDir(2)).toBe('shard-2/');
    expect(shardManifest(1, 0)).toEqual({ shards: [], pages: 0 });
    expect(shardManifest(3, 9)).toEqual({ shards: ['shard-1/', 'shard-2/'], pages: 9 });
  });
});

describe('reading a built page', () => {
  it.each([
    ['<!DOCTYPE html><html lang="ar" dir="rtl"><head>', 'ar'],
    ['<!doctype html>\n<html dir="ltr" lang="EN">', 'en'],
    ['<html><body>', undefined],
  ])('%s has language %s', (html, lang) => {
    expect(htmlLang(html)).toBe(lang);
  });

  it('indexes only pages that mark their searchable content', () => {
    expect(isIndexable('<main data-pagefind-body><h1>ICE</h1></main>')).toBe(true);
    expect(isIndexable('<main><h1>All companies</h1></main>')).toBe(false);
  });
});
