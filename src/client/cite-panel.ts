/**
 * "Cite this entry" behaviour (see components/CitePanel.astro): adds a copy
 * button after each citation, copies a citation and announces it, and moves
 * the access date to the reader's today. Loaded as an external module, never inline.
 */
import { accessedFragment, localToday, type CiteFormatId } from '../lib/isomorphic/cite-accessed';
import { formatPartialDate } from '../lib/isomorphic/dates';

for (const panel of document.querySelectorAll<HTMLElement>('[data-cite-panel]')) {
  const status = panel.querySelector<HTMLElement>('[data-cite-status]')!;
  const built = panel.dataset.accessed!;
  const today = localToday();
  if (today !== built) {
    // Move the access date to the reader's today in every format.
    for (const el of panel.querySelectorAll<HTMLElement>('[data-cite-text]')) {
      const format = el.dataset.citeText as CiteFormatId;
      const [from, to] = [accessedFragment(format, built), accessedFragment(format, today)];
      if (el instanceof HTMLTextAreaElement) el.value = el.value.replace(from, to);
      else {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeValue?.includes(from)) n.nodeValue = n.nodeValue.replace(from, to);
      }
    }
    const time = panel.querySelector<HTMLTimeElement>('[data-cite-accessed]')!;
    time.dateTime = today;
    time.textContent = formatPartialDate(today, panel.dataset.intl!);
  }
  for (const source of panel.querySelectorAll<HTMLElement>('[data-cite-text]')) {
    // "Copy" and, for screen readers, which citation: "Copy APA (7th edition)".
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'cite-copy';
    button.dataset.citeCopy = source.id;
    const which = document.createElement('span');
    which.className = 'visually-hidden';
    which.textContent = ` ${document.getElementById(`cite-h-${source.dataset.citeText}`)?.textContent ?? ''}`;
    button.append(panel.dataset.copy!, which);
    const done = document.createElement('span');
    done.className = 'cite-done';
    done.setAttribute('aria-hidden', 'true');
    done.dataset.citeDone = '';
    source.after(button, done);
    button.addEventListener('click', async () => {
      const text = source instanceof HTMLTextAreaElement ? source.value : (source.textContent ?? '');
      for (const other of panel.querySelectorAll<HTMLElement>('[data-cite-done]')) other.textContent = '';
      status.textContent = '';
      let message = panel.dataset.copied!;
      try {
        if (source instanceof HTMLTextAreaElement || typeof ClipboardItem === 'undefined') await navigator.clipboard.writeText(text);
        else {
          // Styled citations also go on the clipboard as HTML, so italics survive pasting into a document.
          const blob = (value: string, type: string) => new Blob([value], { type });
          await navigator.clipboard.write([new ClipboardItem({ 'text/plain': blob(text, 'text/plain'), 'text/html': blob(source.innerHTML, 'text/html') })]);
        }
      } catch {
        // No clipboard access: select the citation so the reader can copy it by hand.
        if (source instanceof HTMLTextAreaElement) source.select();
        else getSelection()?.selectAllChildren(source);
        message = panel.dataset.copyFailed!;
      }
      // Announced by the live region; shown (not announced twice) next to the button.
      status.textContent = message;
      done.textContent = message;
    });
  }
}
