/**
 * Counted phrases in each language's plural forms: English has two, Arabic six
 * (zero, one, two, few, many, other), chosen by Intl.PluralRules; "{count}"
 * is the number in the language's digits.
 *
 * Isomorphic: no Node, no Astro (the search and timeline scripts use it too).
 */

/** One phrase per plural category the language uses; `other` is required. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

/** The phrase for `count` in a language ("en-GB", "ar"). */
export function pluralText(forms: PluralForms, count: number, intl: string): string {
  let rule = rules.get(intl);
  if (!rule) rules.set(intl, (rule = new Intl.PluralRules(intl)));
  let number = numbers.get(intl);
  if (!number) numbers.set(intl, (number = new Intl.NumberFormat(intl)));
  const form = forms[rule.select(count)] ?? forms.other;
  return form.replace(/\{count\}/g, number.format(count));
}
