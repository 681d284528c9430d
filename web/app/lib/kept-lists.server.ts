/**
 * The filter lists of the staff pages (buildings, seasons, verified organisations' names): the same for
 * every member of staff and fine half a minute old, so each process keeps them that long instead of
 * asking the API on every page (as the API's public answers are kept, ../api/public-cache.ts). Ask for
 * them only beside a call that makes the staff check (staffReader's calls wait for it), so a caller who
 * is not staff never gets a page made from them. A failed load is not kept, and a caller who shared one
 * (another's, refused as not staff, or an API error) asks again with its own. A change made through
 * this process's own pages (a new building or season, an organisation verified) forgets the list it
 * changes, so whoever made it sees it in the filters at once.
 */
const KEEP_MS = 30_000;

export type KeptListKey = 'buildings' | 'seasons' | 'organisations';

const kept = new Map<KeptListKey, { expires: number; value: Promise<unknown> }>();

export function keptList<T>(key: KeptListKey, load: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = kept.get(key);
  if (hit && hit.expires > now) return (hit.value as Promise<T>).catch(() => load());
  const value = load();
  kept.set(key, { expires: now + KEEP_MS, value });
  value.catch(() => {
    if (kept.get(key)?.value === value) kept.delete(key);
  });
  return value;
}

/** After a change to what the list holds: the next page asks the API again. */
export function forgetKeptList(key: KeptListKey): void {
  kept.delete(key);
}
