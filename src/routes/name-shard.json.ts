import type { APIRoute, GetStaticPaths } from 'astro';
import { getEntries, getTopics } from '../lib/entries.ts';
import { buildNameShards } from '../lib/name-index.ts';
import type { Topic } from '../schema/vocabulary.ts';

/**
 * The name shards in `astro dev`, one route each. A build writes them from /entries.json instead
 * (src/integrations/name-shards.ts): as 4,107 routes they took 2 s of every build's rendering.
 */
export const getStaticPaths = (async () => {
	const [entries, topics] = await Promise.all([getEntries(), getTopics()]);
	const titles = Object.fromEntries(topics.map((topic) => [topic.id, topic.data.title]));
	const shards = buildNameShards(entries, titles as Record<Topic, string>);
	return [...shards].map(([shard, data]) => ({ params: { shard }, props: { data } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => Response.json(props.data);
