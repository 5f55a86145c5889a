import type { APIRoute } from 'astro';
import { sitePath } from '../lib/urls.ts';

export const GET: APIRoute = ({ site }) =>
	new Response(
		`User-agent: *\nAllow: /\n\nSitemap: ${new URL(sitePath('sitemap-index.xml'), site).href}\n`,
	);
