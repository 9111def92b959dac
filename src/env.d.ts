/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Footnote numbering for the entry being rendered (set by the entry page, read by <Cite>). */
    citeContext?: import('./lib/cite-context').CiteContext;
  }
}
