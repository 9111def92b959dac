/**
 * Contract value by counterpart for company and agency pages: one chart per
 * currency and kind of value (never added across them), one bar per buyer (on
 * a company page) or supplier (on an agency page). A contract shared by
 * several suppliers with no share given is shown as a joint bar with its whole
 * value, never split or credited to each supplier. Where sources report
 * different values for one contract, the bar spans the range.
 */
import type { Locale, Translate } from '../../i18n';
import type { UiKey } from '../../i18n/en';
import type { Money } from '../../schemas/money';
import { entryKey, splitKey, type EntryKey } from '../isomorphic/entry-keys';
import { incomingBy } from '../model/graph';
import { sumContractValues } from '../isomorphic/money';
import { linkView, moneyText } from './format';
import { contractData, type Wiki } from '../model/entry';
import { supplierShare } from '../model/relations';

export interface ValueBar {
  label: string;
  href: string;
  lang?: string;
  low: number;
  high: number;
  /** The amount as text ("US$30 million", or a range). */
  text: string;
  joint: boolean;
}

export interface ValueChart {
  currency: string;
  kind: string;
  title: string;
  bars: ValueBar[];
  max: number;
}

interface Contribution {
  counterpart: EntryKey;
  /** The entry the bar links to (the counterpart, or the contract for a joint bar). */
  href: EntryKey;
  joint: boolean;
  values: readonly Money[];
}

function contributions(wiki: Wiki, key: EntryKey): Contribution[] {
  const { collection, id } = splitKey(key);
  const out: Contribution[] = [];
  const relation = collection === 'companies' ? 'supplier' : 'buyer';
  for (const c of incomingBy(wiki.graph, key, relation)) {
    const d = contractData(wiki, c)!;
    if (collection === 'companies') {
      const buyer = entryKey('agencies', d.buyer);
      const { values, joint } = supplierShare(d, id);
      out.push({ counterpart: buyer, href: joint ? c : buyer, joint, values });
    } else {
      const withShare = d.suppliers.filter((s) => s.share);
      for (const s of withShare) out.push({ counterpart: entryKey('companies', s.company), href: entryKey('companies', s.company), joint: false, values: [s.share!] });
      if (withShare.length) continue;
      if (d.suppliers.length === 1) {
        const sup = entryKey('companies', d.suppliers[0]!.company);
        out.push({ counterpart: sup, href: sup, joint: false, values: d.values });
      } else out.push({ counterpart: c, href: c, joint: true, values: d.values });
    }
  }
  return out;
}

export function valueCharts(wiki: Wiki, key: EntryKey, locale: Locale, t: Translate): ValueChart[] {
  const groups = new Map<string, Map<string, Contribution[]>>();
  for (const c of contributions(wiki, key)) {
    for (const v of c.values) {
      const group = `${v.currency}|${v.kind}`;
      const bars = groups.get(group) ?? groups.set(group, new Map()).get(group)!;
      const barKey = `${c.joint ? 'joint' : 'own'}|${c.href}`;
      const list = bars.get(barKey) ?? bars.set(barKey, []).get(barKey)!;
      if (!list.includes(c)) list.push(c);
    }
  }
  const charts: ValueChart[] = [];
  for (const [group, bars] of groups) {
    const [currency, kind] = group.split('|') as [string, Money['kind']];
    const out: ValueBar[] = [];
    for (const contribs of bars.values()) {
      const first = contribs[0]!;
      const lists = contribs.map((c) => c.values.filter((v) => v.currency === currency && v.kind === kind));
      const [total] = sumContractValues(lists);
      if (!total) continue;
      const link = linkView(wiki, first.href, locale, t);
      const low = moneyText({ amount: total.amount, currency, isMinimum: total.isMinimum }, locale, t);
      const text = total.high === total.amount ? low : t('money.range', { low, high: moneyText({ amount: total.high, currency, isMinimum: total.isMinimum }, locale, t) });
      const name = first.joint && splitKey(first.href).collection === 'contracts' ? link.label : linkView(wiki, first.counterpart, locale, t).label;
      out.push({
        label: first.joint ? t('chart.joint', { name }) : name,
        href: link.href,
        lang: link.lang,
        low: total.amount,
        high: total.high,
        text,
        joint: first.joint,
      });
    }
    out.sort((a, b) => b.high - a.high || a.label.localeCompare(b.label, locale));
    const currencyName = new Intl.DisplayNames([locale === 'ar' ? 'ar' : 'en-GB'], { type: 'currency' }).of(currency) ?? currency;
    charts.push({ currency, kind, title: `${currencyName}${t('list.separator')}${t(`money.kind.${kind}` as UiKey)}`, bars: out, max: Math.max(...out.map((b) => b.high)) });
  }
  return charts.sort((a, b) => a.currency.localeCompare(b.currency) || a.kind.localeCompare(b.kind));
}
