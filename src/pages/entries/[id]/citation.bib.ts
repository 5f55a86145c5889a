import type { APIRoute, GetStaticPaths } from 'astro';
import { bibtexFor } from '../../../lib/bibtex.ts';
import { getEntries } from '../../../lib/entries.ts';

export const getStaticPaths = (async () =>
	(await getEntries())
		.filter((entry) => entry.data.kind === 'paper')
		.map((entry) => ({ params: { id: entry.id }, props: { entry } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
	new Response(bibtexFor(props.entry.id, props.entry.data), {
		headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
	});
