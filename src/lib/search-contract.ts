/**
 * The names that page markup, the search index and the client search code must agree on, defined
 * once: Pagefind's filter, meta and sort fields, the search page's element ids and address
 * parameters, and the selector of the header's search box (used by tools/audit and tools/bench).
 */

/** Filters a reader can combine on the search page, in the order they are shown. */
export const FILTER_NAMES = ['topic', 'kind', 'status'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/** Pagefind meta fields an indexed entry carries, read back by the result rows. */
export const META = {
	id: 'id',
	title: 'title',
	summary: 'summary',
	year: 'year',
	topicTitle: 'topicTitle',
} as const;

/** Pagefind sort fields; `year` sorts papers oldest first when browsing without a query. */
export const SORTS = ['title', 'year'] as const;
export type SortName = (typeof SORTS)[number];

/** Pagefind weights, names first, then summaries, then the entry's prose (Pagefind's default, 1). */
export const WEIGHTS = { title: 10, aliases: 9, tags: 6, summary: 4 } as const;

/**
 * Marks where an entry's prose ends and its search record begins in Pagefind's content, so that
 * excerpts are taken from the prose only.
 */
export const RECORD_MARK = '⁂';

/** Element ids on the search page. */
export const IDS = {
	pageInput: 'page-search',
	headerInput: 'site-search',
	filters: 'search-filters',
	filtersSummary: 'search-filters-summary',
	sort: 'search-sort',
	status: 'search-status',
	notice: 'search-notice',
	results: 'search-results',
	more: 'search-more',
	unavailable: 'search-unavailable',
} as const;

/** Address parameters of the search page, so a search can be shared. */
export const PARAMS = { query: 'q', sort: 'sort', exact: 'exact' } as const;

/** The header's search box, on every page but the search page. */
export const HEADER_SEARCH_BOX = 'header [role="search"] input';
/** Any search box: the header's, or the search page's own. */
export const SEARCH_BOX = 'form[data-results-in] input';

/** Attribute naming a filter option's count element: `data-count-for="kind:paper"`. */
export const COUNT_FOR = 'data-count-for';
