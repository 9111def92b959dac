/**
 * A tiny seeded pseudo-random generator (mulberry32) so the benchmark corpus
 * is the same on every run and machine. Never use Math.random in the benchmark.
 */
export class Rng {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /**
   * An item skewed towards the start of the list (a rough Zipf law), so a few
   * agencies buy from many companies and a few sources are cited everywhere.
   */
  skewed<T>(items: readonly T[], power = 2): T {
    return items[Math.floor(this.next() ** power * items.length)]!;
  }

  /** `n` distinct items (fewer if the list is shorter). */
  some<T>(items: readonly T[], n: number, power = 1): T[] {
    const out = new Set<T>();
    const want = Math.min(n, items.length);
    for (let guard = 0; out.size < want && guard < want * 20; guard++) out.add(power === 1 ? this.pick(items) : this.skewed(items, power));
    return [...out];
  }
}
