// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { contentProcessor, MARKDOWN_OPTIONS } from './src/check/body-safety.ts';
import { contentGate } from './src/integrations/content-gate.ts';
import { nameShards } from './src/integrations/name-shards.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { socialCards } from './src/integrations/social-cards.ts';

// Deployments set these (.github/workflows/deploy.yml reads them from the Pages configuration);
// a local build is addressed as the local preview server serves it, never an invented domain.
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.BASE_PATH ?? '/';

const cards = socialCards();

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	devToolbar: { enabled: false },
	// The content layer's data store (every entry's rendered body) lives beside the social-card
	// cache, so a rebuild, and CI with .cache/ restored, renders only the entries that changed.
	// Under node_modules/ it was lost to every \`npm ci\`.
	cacheDir: './.cache/astro',
	// Rendering thousands of entry pages one at a time leaves the CPU idle while each file is
	// written; four at once cut the render phase at 10,000 entries from 53 s to 29 s.
	build: { concurrency: 4 },
	// MDX is the entries' file format, and Astro's language tools read them as MDX; their bodies are
	// rendered as Markdown by the entries loader (src/lib/entries-loader.ts), never compiled.
	integrations: [
		contentGate({ onChecked: cards.drawEntryCardsEarly }),
		mdx(),
		sitemap(),
		searchIndex(),
		nameShards(),
		cards,
	],
	// Entries hold no code blocks, and Shiki's inline styles would break the CSP. The processor is
	// Astro's default (Sätteri) with the content allow-list inside it, so nothing renders that
	// `npm run check` did not see.
	markdown: { ...MARKDOWN_OPTIONS, processor: contentProcessor({ base }) },
	security: {
		csp: {
			directives: [
				"default-src 'self'",
				"img-src 'self' data:",
				"connect-src 'self'",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
			// Pagefind compiles its WebAssembly search engine in the browser.
			scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
		},
	},
});
