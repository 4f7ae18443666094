/**
 * A prerendered reader page without Next's client runtime: its `<script>` elements (the chunks,
 * the inlined RSC payload that doubles the page, the nomodule polyfills), their preloads, and
 * React's hydration markers, which only a client that hydrates reads. JSON-LD stays: it is data,
 * not code. The reader site is server-rendered HTML that works without JavaScript (the browser
 * tests read it that way), so nothing a reader sees depends on what is removed.
 *
 * Returns undefined for a page that does depend on scripts: one streamed with a Suspense
 * boundary still pending or failed (`<!--$?-->`, `<!--$!-->`, its `<template>` placeholder and
 * hidden segments that only a script moves into place). Such a page is served as Next made it.
 */
export const withoutClientRuntime = (html: string): string | undefined => {
  if (pendingContent.test(html)) return undefined
  return html
    .replace(scripts, '')
    .replace(scriptPreloads, '')
    .replace(hydrationMarkers, '')
    .replace(emptyMetadataOutlet, '')
}

const pendingContent = /<!--\$[?!]-->|<template\b|<div hidden id="S:/

/** Every script but structured data (`type="application/ld+json"`). */
const scripts = /<script\b(?![^>]*\btype="application\/ld\+json")[^>]*>[\s\S]*?<\/script>/g

const scriptPreloads = /<link\b[^>]*(?:\bas="script"|\brel="modulepreload")[^>]*>/g

/** Suspense boundaries (`<!--$-->…<!--/$-->`) and text separators (`<!-- -->`). */
const hydrationMarkers = /<!--(?:\$|\/\$| )-->/g

/** Where Next streams metadata into a page, empty once the page is complete. */
const emptyMetadataOutlet = /<div hidden="">\s*<\/div>/g
