import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { copyFile, link, mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { Parser } from 'htmlparser2';
import { CARD_FACTS_META } from '../lib/social-card.ts';
import { CARD_DESIGN_VERSION, drawCard, type CardContent } from './cards/drawing.ts';

/**
 * Draws every page's social card once the pages are written: each page names its card in
 * `og:image`, and the card is drawn from that page's own head (site name, title, facts). Cards are
 * cached by a hash of what they show, so a build redraws only the pages whose card changed.
 */
export function socialCards(): AstroIntegration {
	let root = '';
	let base = '/';
	let drawing: Promise<void> = Promise.resolve();
	return {
		name: 'wlm:social-cards',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
				base = config.base.replace(/\/?$/, '/');
			},
			// Drawing starts as soon as the pages are written and runs beside the sitemap and the search
			// index; the build waits for it at the end.
			'astro:build:generated': ({ dir, logger }) => {
				drawing = drawCards(fileURLToPath(dir), join(root, CARD_CACHE_DIR), base, logger);
				drawing.catch(() => {}); // reported where the build awaits it
			},
			'astro:build:done': async () => {
				await drawing;
			},
		},
	};
}

async function drawCards(
	outDir: string,
	cacheDir: string,
	base: string,
	logger: AstroIntegrationLogger,
) {
	const started = performance.now();
	mkdirSync(cacheDir, { recursive: true });
	let cards = 0;
	let drawn = 0;
	const folders = new Map<string, Promise<unknown>>();
	await inParallel(htmlFiles(outDir), async (file) => {
		const card = cardOf(await readFile(file, 'utf8'), base);
		if (!card) return;
		cards++;
		const cached = join(cacheDir, `${cardHash(card.content)}.png`);
		const target = join(outDir, card.route);
		const folder = dirname(target);
		if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
		await folders.get(folder);
		if (!existsSync(cached)) {
			await writeFile(cached, await drawCard(card.content));
			drawn++;
		}
		await placeCard(cached, target);
	});
	const seconds = ((performance.now() - started) / 1000).toFixed(2);
	logger.info(
		`${cards} social cards: ${drawn} drawn, ${cards - drawn} reused from ${CARD_CACHE_DIR}/ in ${seconds} s.`,
	);
}

/**
 * Puts a cached card in the site as a hard link: copying 10,000 cards took 3 s of a rebuild. A
 * card is never changed in place (its name is its content's hash), so the link is safe; where
 * links are impossible (another file system), the card is copied.
 */
async function placeCard(cached: string, target: string) {
	try {
		await link(cached, target);
	} catch {
		await copyFile(cached, target);
	}
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

/**
 * Runs `work` on every item, two per core at once, so that reading pages and linking cards wait
 * on the disk while another card is drawn.
 */
async function inParallel<T>(items: T[], work: (item: T) => Promise<void>) {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await work(items[next++]!);
	};
	await Promise.all(Array.from({ length: 2 * availableParallelism() }, worker));
}
