/**
 * Filters the pre-rendered timeline by entity and kind: hides items and empty
 * years, and keeps the choice in the URL so a filtered view can be shared.
 */
import { pluralText, type PluralForms } from '../lib/isomorphic/plural';
import { carryToOtherLanguage } from './lang-switch';

/** Whether an item with these attributes passes the filters (empty filter = any). */
export function matches(item: { kind: string; entities: string[] }, filter: { entity: string; kind: string }): boolean {
  return (!filter.kind || item.kind === filter.kind) && (!filter.entity || item.entities.includes(filter.entity));
}

export function startTimelineFilters(form: HTMLElement): void {
  const entity = form.querySelector<HTMLSelectElement>('select[name=entity]')!;
  const kind = form.querySelector<HTMLSelectElement>('select[name=kind]')!;
  const status = document.querySelector<HTMLElement>('[data-timeline-status]')!;
  const empty = document.querySelector<HTMLElement>('[data-timeline-empty]')!;
  const countForms = JSON.parse(form.dataset.countForms ?? '{"other":"{count}"}') as PluralForms;
  const params = new URL(location.href).searchParams;
  const pick = (select: HTMLSelectElement, value: string | null) => {
    if (value && [...select.options].some((o) => o.value === value)) select.value = value;
  };
  pick(entity, params.get('entity'));
  pick(kind, params.get('kind'));

  const apply = () => {
    const filter = { entity: entity.value, kind: kind.value };
    let shown = 0;
    for (const year of document.querySelectorAll<HTMLElement>('[data-timeline-year]')) {
      let inYear = 0;
      for (const item of year.querySelectorAll<HTMLElement>('[data-timeline-item]')) {
        const ok = matches({ kind: item.dataset.kind ?? '', entities: (item.dataset.entities ?? '').split(' ') }, filter);
        item.hidden = !ok;
        if (ok) inYear += 1;
      }
      year.hidden = inYear === 0;
      shown += inYear;
    }
    status.textContent = pluralText(countForms, shown, form.dataset.intl ?? 'en');
    empty.hidden = shown > 0;
    const url = new URL(location.href);
    url.search = '';
    if (filter.entity) url.searchParams.set('entity', filter.entity);
    if (filter.kind) url.searchParams.set('kind', filter.kind);
    history.replaceState(null, '', url);
    carryToOtherLanguage(['entity', 'kind']);
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  apply();
}
