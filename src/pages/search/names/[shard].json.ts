import type { APIRoute, GetStaticPaths } from 'astro';
import { getEntries } from '../../../lib/entries.ts';
import { buildNameShards } from '../../../lib/name-index.ts';

export const getStaticPaths = (async () => {
	const shards = buildNameShards(await getEntries());
	return [...shards].map(([shard, data]) => ({ params: { shard }, props: { data } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => Response.json(props.data);
