/**
 * The list of versions on a history page, as HTML: written here as one
 * string rather than by the page's template because a wiki has one history
 * page per entry and language (20,000 at 10,000 entries), and rendering them
 * element by element in the template was most of what the history added to
 * the build (measured with the bench's --history-cost at 2,000 entries). Every
 * text (commit messages included) is escaped; nothing from a commit or a
 * file is ever markup.
 *
 * Pure: no Node, no Astro.
 */
import { translator, type Locale } from '../../i18n';
import { escapeHtml as e } from '../isomorphic/text';
import type { ChangeView, HistoryPageView, VersionView } from './history-page';

/** A translated sentence with one placeholder, its text isolated in <bdi>: "added: “{text}”". */
function withText(template: string, html: string): string {
  const [before = '', after = ''] = template.split('\u0000');
  return `${e(before)}${html}${e(after)}`;
}

function changeHtml(c: ChangeView, locale: Locale): string {
  const t = translator(locale);
  const bdi = (text: string) => `<bdi lang="${c.lang}">${e(text)}</bdi>`;
  const none = `<span class="muted">${e(t('history.none'))}</span>`;
  const sources = (list: readonly string[]) => list.map((s) => `<code dir="ltr">${e(s)}</code>`).join(e(t('list.separator')));
  let html = `<section class="version-change"><h3>${e(c.file)}: ${e(c.kind)}`;
  if (c.renamedFrom) html += ` (${e(t('history.renamedFrom'))} <code dir="ltr">${e(c.renamedFrom)}</code>)`;
  html += '</h3>';
  if (c.fields.length) {
    const before = e(t('history.before'));
    const after = e(t('history.after'));
    html += `<div class="table-wrap"><table class="field-changes cards"><thead><tr><th scope="col">${e(t('history.field'))}</th><th scope="col">${before}</th><th scope="col">${after}</th></tr></thead><tbody>`;
    for (const f of c.fields) {
      html += `<tr><th scope="row"><code dir="ltr">${e(f.field)}</code></th><td data-label="${before}">${f.before !== undefined ? bdi(f.before) : none}</td><td data-label="${after}">${f.after !== undefined ? bdi(f.after) : none}</td></tr>`;
    }
    html += '</tbody></table></div>';
  }
  if (c.body) {
    html += `<p><strong>${e(t('history.body'))}:</strong> ${e(c.body.words)}`;
    if (c.body.removed) html += `<br><del>${withText(t('history.bodyRemoved', { text: '\u0000' }), bdi(c.body.removed))}</del>`;
    if (c.body.added) html += `<br><ins>${withText(t('history.bodyAdded', { text: '\u0000' }), bdi(c.body.added))}</ins>`;
    html += '</p>';
  }
  if (c.citationsAdded.length) html += `<p><strong>${e(t('history.citationsAdded'))}:</strong> ${sources(c.citationsAdded)}</p>`;
  if (c.citationsRemoved.length) html += `<p><strong>${e(t('history.citationsRemoved'))}:</strong> ${sources(c.citationsRemoved)}</p>`;
  if (c.corrections.length) {
    html += `<p><strong>${e(t('history.corrections'))}:</strong></p><ul>`;
    for (const k of c.corrections) html += `<li>${e(k.date)}: ${bdi(k.change)}</li>`;
    html += '</ul>';
  }
  if (c.formattingOnly) html += `<p class="muted">${e(t('history.noChange'))}</p>`;
  return `${html}</section>`;
}

function versionHtml(v: VersionView, locale: Locale): string {
  const t = translator(locale);
  let html = `<li id="${e(v.anchor)}" class="version">`;
  if (v.dayAnchor) html += `<span id="${e(v.dayAnchor)}"></span>`;
  html += `<h2 class="version-title"><time datetime="${e(v.datetime)}">${e(v.date)}</time><span aria-hidden="true"> · </span><code dir="ltr">${e(v.short)}</code>`;
  if (v.current) html += `<span class="badge">${e(t('history.current'))}</span>`;
  // The commit message is text, never markup (escaped like everything else here).
  html += `</h2><p class="version-message" lang="en" dir="auto">${e(v.message)}</p>`;
  for (const c of v.changes) html += changeHtml(c, locale);
  html += `<p class="version-links"><a href="#${e(v.anchor)}">${e(t('history.permalink'))}</a>`;
  if (v.sourceUrl) html += `<span aria-hidden="true"> · </span><a href="${e(v.sourceUrl)}">${e(t('history.source'))}</a>`;
  return `${html}</p></li>`;
}

/** The page's versions as the items of its <ol class="versions">, newest first. */
export function versionsHtml(page: Pick<HistoryPageView, 'versions'>, locale: Locale): string {
  return page.versions.map((v) => versionHtml(v, locale)).join('');
}
