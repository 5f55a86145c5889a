/**
 * Every internal address goes through here, so the site works under a base path
 * (e.g. `/wlm/` on a project site) as well as at the root.
 */
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** Prefixes a site path ("topics/paas/") with the configured base. */
export function sitePath(path = ''): string {
	return base + path.replace(/^\/+/, '');
}

export const entryPath = (id: string) => sitePath(`entries/${id}/`);
export const topicPath = (topic: string) => sitePath(`topics/${topic}/`);
export const readingPath = (id: string) => sitePath(`paths/${id}/`);
export const searchPath = () => sitePath('search/');
