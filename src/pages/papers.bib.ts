import type { APIRoute } from 'astro';
import { bibtexFor } from '../lib/bibtex.ts';
import { getEntries } from '../lib/entries.ts';

export const GET: APIRoute = async () => {
	const papers = (await getEntries()).filter((entry) => entry.data.kind === 'paper');
	return new Response(papers.map((entry) => bibtexFor(entry.id, entry.data)).join('\n'), {
		headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
	});
};
