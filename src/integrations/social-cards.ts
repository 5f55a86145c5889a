import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { Parser } from 'htmlparser2';
import { CARD_FACTS_META } from '../lib/social-card.ts';
import { CARD_DESIGN_VERSION, drawCard, type CardContent } from './social-card-drawing.ts';

/**
 * Draws every page's social card after the build: each page names its card in `og:image`, and
 * the card is drawn from that page's own head (site name, title, facts). Cards are cached by a
 * hash of what they show, so a build redraws only the pages whose card changed.
 */
export function socialCards(): AstroIntegration {
	let root = '';
	let base = '/';
	return {
		name: 'wlm:social-cards',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
				base = config.base.replace(/\/?$/, '/');
			},
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const outDir = fileURLToPath(dir);
				const cacheDir = join(root, CARD_CACHE_DIR);
				mkdirSync(cacheDir, { recursive: true });
				const cards = htmlFiles(outDir).flatMap((file) => {
					const card = cardOf(readFileSync(file, 'utf8'), base);
					return card ? [card] : [];
				});
				let drawn = 0;
				await inParallel(cards, async ({ route, content }) => {
					const cached = join(cacheDir, `${cardHash(content)}.png`);
					const target = join(outDir, route);
					mkdirSync(dirname(target), { recursive: true });
					if (!existsSync(cached)) {
						await writeFile(cached, await drawCard(content));
						drawn++;
					}
					copyFileSync(cached, target);
				});
				const seconds = ((performance.now() - started) / 1000).toFixed(2);
				logger.info(
					`${cards.length} social cards: ${drawn} drawn, ${cards.length - drawn} reused from ${CARD_CACHE_DIR}/ in ${seconds} s.`,
				);
			},
		},
	};
}

/** Where drawn cards are kept between builds, from the project root (git-ignored). */
export const CARD_CACHE_DIR = '.cache/social-cards';

export const cardHash = (content: CardContent) =>
	createHash('sha256')
		.update(JSON.stringify({ version: CARD_DESIGN_VERSION, ...content }))
		.digest('hex')
		.slice(0, 32);

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.html'))
		.map((name) => join(dir, name));
}

/** The card a page asks for, read from its head; none for pages without `og:image`. */
function cardOf(html: string, base: string): { route: string; content: CardContent } | undefined {
	const meta = new Map<string, string>();
	let title = '';
	const parser = new Parser({
		onopentag(name, attributes) {
			const key = attributes.property ?? attributes.name;
			if (name === 'meta' && key && attributes.content !== undefined)
				meta.set(key, attributes.content);
		},
		onclosetag(name) {
			if (name === 'head') parser.pause();
		},
	});
	parser.write(html.slice(0, html.indexOf('</head>') + 7));
	parser.end();
	const image = meta.get('og:image');
	if (!image) return undefined;
	title = meta.get('og:title') ?? '';
	const path = decodeURIComponent(new URL(image).pathname);
	return {
		route: path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, ''),
		content: {
			site: meta.get('og:site_name') ?? '',
			title,
			facts: (meta.get(CARD_FACTS_META) ?? '').split(' · ').filter(Boolean),
			description: meta.get('og:description') ?? '',
		},
	};
}

/** Runs `work` on every item, as many at once as the machine has cores (resvg draws off-thread). */
async function inParallel<T>(items: T[], work: (item: T) => Promise<void>) {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await work(items[next++]!);
	};
	await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
}
