import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { entrySchema } from './schema/entry.ts';
import { pathSchema } from './schema/reading-path.ts';
import { topicSchema } from './schema/topic.ts';
import { contentPattern } from './check/ids.ts';
import { entriesLoader } from './lib/entries-loader.ts';

/**
 * Entries are read and rendered by the check's own reader and renderer (src/lib/entries-loader.ts).
 * Topics and paths use the glob loader; helpers (`_x`) and dot-files (editor lock files such as
 * `.#x.md`) are never published.
 */
const entries = defineCollection({ loader: entriesLoader(), schema: entrySchema });

const topics = defineCollection({
	loader: glob({ base: './content/topics', pattern: contentPattern('.md', false) }),
	schema: topicSchema,
});

const paths = defineCollection({
	loader: glob({ base: './content/paths', pattern: contentPattern('.md', false) }),
	schema: pathSchema,
});

export const collections = { entries, topics, paths };
