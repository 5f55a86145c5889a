import type { APIRoute, GetStaticPaths } from 'astro';
import { entriesByTopic, getEntries, getTopics } from '../../../lib/entries.ts';
import { entriesFeed } from '../../../lib/feeds.ts';
import { SITE_TITLE } from '../../../lib/site.ts';

export const getStaticPaths = (async () => {
	const grouped = entriesByTopic(await getEntries());
	return (await getTopics()).map((topic) => ({
		params: { topic: topic.id },
		props: { topic, entries: grouped[topic.id as keyof typeof grouped] },
	}));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) =>
	entriesFeed({
		title: `${SITE_TITLE}: new in ${props.topic.data.title}`,
		description: props.topic.data.description,
		site: site!,
		entries: props.entries,
	});
