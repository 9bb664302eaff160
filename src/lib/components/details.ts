/**
 * Attributes for a `<details>` that opens when `on` (after a form comes back, say). Spread rather
 * than bound, so a section someone opened before the page's scripts arrived stays open when they
 * do: `open={false}` would close it during hydration.
 */
export const openWhen = (on: unknown): { open?: true } => (on ? { open: true } : {});
