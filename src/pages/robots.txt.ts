import type { APIRoute } from 'astro';
import { sitePath } from '../lib/urls.ts';
import { routes } from '../lib/routes.ts';

export const GET: APIRoute = ({ site }) =>
	new Response(
		`User-agent: *\nAllow: /\n\nSitemap: ${new URL(sitePath(routes.sitemap()), site).href}\n`,
	);
