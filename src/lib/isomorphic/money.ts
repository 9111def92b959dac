/**
 * Money display and totals. Amounts in different currencies or of different
 * kinds (ceiling, obligated, reported, estimated) are never added together.
 */
import type { Money, ValueKind } from '../../schemas/money';

/**
 * "US$30 million" in English, "30 مليون دولار أمريكي" in Arabic. Intl's compact
 * currency format only has the short form ("US$30M"), so the long compact
 * number is combined with the currency as the locale places it.
 */
/** Intl.NumberFormat is slow to construct (~0.2 ms) and formatMoney runs many times per page: keep one per options. */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

export function formatMoney(amount: number, currency: string, locale: string, display: 'symbol' | 'name' = 'symbol'): string {
  const currencyParts = numberFormat(locale, { style: 'currency', currency, currencyDisplay: display }).formatToParts(amount);
  if (amount < 1_000_000) {
    return numberFormat(locale, { style: 'currency', currency, currencyDisplay: display, maximumFractionDigits: 0 }).format(amount);
  }
  const number = numberFormat(locale, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 }).format(amount);
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
  /** The total, taking the lowest report wherever sources differ. */
  amount: number;
  /** The total taking the highest report wherever sources differ; equals amount when they agree. */
  high: number;
  /** True when any part is a minimum ("more than"), so the total is one too. */
  isMinimum: boolean;
  /** How many contracts (or separate values) were added. */
  count: number;
}

type MoneyLike = Pick<Money, 'amount' | 'currency' | 'kind' | 'isMinimum'>;

/**
 * Totals over contracts, per currency and kind, in a stable order.
 *
 * Each inner list is one contract's values. Two values of the same currency and
 * kind on one contract are different reports of the same figure (sources often
 * disagree: US$1.2 billion vs US$1.22 billion), never parts to add, so each
 * contract contributes its lowest and highest report and the total is a range.
 */
export function sumContractValues(contracts: readonly (readonly MoneyLike[])[]): MoneyTotal[] {
  const totals = new Map<string, MoneyTotal>();
  for (const values of contracts) {
    const perContract = new Map<string, { low: number; high: number; isMinimum: boolean; currency: string; kind: ValueKind }>();
    for (const v of values) {
      const key = `${v.currency}|${v.kind}`;
      const c = perContract.get(key);
      if (!c) perContract.set(key, { low: v.amount, high: v.amount, isMinimum: v.isMinimum, currency: v.currency, kind: v.kind });
      else {
        c.low = Math.min(c.low, v.amount);
        c.high = Math.max(c.high, v.amount);
        c.isMinimum ||= v.isMinimum;
      }
    }
    for (const [key, c] of perContract) {
      const t = totals.get(key) ?? { currency: c.currency, kind: c.kind, amount: 0, high: 0, isMinimum: false, count: 0 };
      t.amount += c.low;
      t.high += c.high;
      t.isMinimum ||= c.isMinimum;
      t.count += 1;
      totals.set(key, t);
    }
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency) || a.kind.localeCompare(b.kind));
}

/** Sum separate values (each a distinct amount, e.g. suppliers' own shares) per currency and kind. */
export function sumByCurrencyAndKind(values: readonly MoneyLike[]): MoneyTotal[] {
  return sumContractValues(values.map((v) => [v]));
}
