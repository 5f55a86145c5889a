import { routes } from './routes.ts';

/**
 * Every internal address goes through here, so the site works under a base path
 * (e.g. `/wlm/` on a project site) as well as at the root.
 */
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** Prefixes a site path ("topics/paas/") with the configured base. */
export function sitePath(path = ''): string {
	return base + path.replace(/^\/+/, '');
}

export const entryPath = (id: string) => sitePath(routes.entry(id));
export const topicPath = (topic: string, page?: number) => sitePath(routes.topic(topic, page));
export const topicLineagePath = (topic: string) => sitePath(routes.topicLineage(topic));
export const readingPathUrl = (id: string) => sitePath(routes.readingPath(id));
export const searchPath = () => sitePath(routes.search());
