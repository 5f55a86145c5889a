/** Site-wide wording and addresses, in one place. */
export const SITE_TITLE = 'Wrangling Lots of Machines';
export const SITE_TAGLINE = 'A curated reading list on running software across many machines.';
export const SITE_DESCRIPTION =
	'A curated, searchable reading list on orchestration, platforms, the datacenter as a computer, and datacenter networking: every tool, paper and article told as it stands today.';
/**
 * Where the source lives; deployments override it with REPOSITORY_URL. Plain Node reads this file
 * too (the social cards' worker thread), where `import.meta.env` is undefined.
 */
export const REPOSITORY_URL =
	import.meta.env?.REPOSITORY_URL ??
	'https://github.com/wrangling-lots-of-machines/wrangling-lots-of-machines';
/** Bumped when the shape of /entries.json changes incompatibly. */
export const DATA_SCHEMA_VERSION = 1;
/**
 * Entries per topic page: enough to browse, few enough to stay fast on a phone. With 100, the
 * benchmark's topic page scored 91–100 on Lighthouse mobile, losing only on blocking time.
 */
export const TOPIC_PAGE_SIZE = 50;
