/**
 * Keeps what the reader asked for when they switch language: the search
 * query, the timeline's filters (values that mean the same in both languages;
 * search filter values are labels in the page's language, so they stay).
 *
 * Browser only.
 */
export function carryToOtherLanguage(names: readonly string[]): void {
  const link = document.querySelector<HTMLAnchorElement>('a.lang-switch');
  if (!link) return;
  const here = new URL(location.href).searchParams;
  const target = new URL(link.href, location.href);
  target.search = '';
  for (const name of names) for (const value of here.getAll(name)) target.searchParams.append(name, value);
  link.href = target.pathname + target.search + target.hash;
}
