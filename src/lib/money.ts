/**
 * Money display and totals. Amounts in different currencies or of different
 * kinds (ceiling, obligated, reported, estimated) are never added together.
 */
import type { Money, ValueKind } from '../schemas/money';

/**
 * "US$30 million" in English, "30 مليون دولار أمريكي" in Arabic. Intl's compact
 * currency format only has the short form ("US$30M"), so the long compact
 * number is combined with the currency as the locale places it.
 */
export function formatMoney(amount: number, currency: string, locale: string, display: 'symbol' | 'name' = 'symbol'): string {
  const currencyParts = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: display }).formatToParts(amount);
  if (amount < 1_000_000) {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: display, maximumFractionDigits: 0 }).format(amount);
  }
  const number = new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 }).format(amount);
  const symbol = currencyParts.find((p) => p.type === 'currency')?.value ?? currency;
  const symbolIndex = currencyParts.findIndex((p) => p.type === 'currency');
  const firstNumberIndex = currencyParts.findIndex((p) => p.type === 'integer');
  if (symbolIndex < firstNumberIndex) {
    const gap = currencyParts.slice(symbolIndex + 1, firstNumberIndex).map((p) => p.value).join('');
    return `${symbol}${gap}${number}`;
  }
  return `${number} ${symbol}`;
}

export interface MoneyTotal {
  currency: string;
  kind: ValueKind;
  amount: number;
  /** True when any part is a minimum ("more than"), so the total is one too. */
  isMinimum: boolean;
  /** How many values were added. */
  count: number;
}

/** Sum values per currency and kind, in a stable order (currency, then kind). */
export function sumByCurrencyAndKind(values: readonly Pick<Money, 'amount' | 'currency' | 'kind' | 'isMinimum'>[]): MoneyTotal[] {
  const totals = new Map<string, MoneyTotal>();
  for (const v of values) {
    const key = `${v.currency}|${v.kind}`;
    const t = totals.get(key) ?? { currency: v.currency, kind: v.kind, amount: 0, isMinimum: false, count: 0 };
    t.amount += v.amount;
    t.isMinimum ||= v.isMinimum;
    t.count += 1;
    totals.set(key, t);
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency) || a.kind.localeCompare(b.kind));
}
