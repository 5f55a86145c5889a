import { mkdirSync, readdirSync } from 'node:fs';
import { copyFile, link, mkdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { Parser } from 'htmlparser2';
import type { ContentReport } from '../check/index.ts';
import { CARD_FACTS_META, entryCardContent, type CardContent } from '../lib/social-card.ts';
import { CARD_CACHE_DIR, cachedCard } from './cards/card-cache.ts';

/**
 * Draws every page's social card once the pages are written: each page names its card in
 * `og:image`, and the card is drawn from that page's own head (site name, title, facts). Cards are
 * cached by a hash of what they show, so a build redraws only the pages whose card changed.
 *
 * Entry cards can be known sooner, from the checked content (`drawEntryCardsEarly`, given the
 * content gate's report): a worker thread then draws them into the cache on the core that content
 * sync and page rendering leave idle, and the pass over the pages finds them there. A card drawn
 * early that no page asks for is only a wasted drawing; the pages still decide every card.
 */
export function socialCards(): AstroIntegration & {
	drawEntryCardsEarly(report: ContentReport): void;
} {
	let root = '';
	let base = '/';
	let early: CardContent[] = [];
	let earlyDrawing: EarlyDrawing | undefined;
	let drawing: Promise<void> = Promise.resolve();
	return {
		name: 'wlm:social-cards',
		drawEntryCardsEarly: (report) => {
			early = report.entries.flatMap(({ data }) => {
				const topic = report.topics.get(data.topic);
				return topic ? [entryCardContent(data, topic.data.title)] : [];
			});
		},
		hooks: {
			'astro:config:done': ({ config, logger }) => {
				root = fileURLToPath(config.root);
				base = config.base.replace(/\/?$/, '/');
				if (early.length) earlyDrawing = drawEarly(join(root, CARD_CACHE_DIR), early, logger);
			},
			// Drawing starts as soon as the pages are written and runs beside the sitemap and the search
			// index; the build waits for it at the end.
			'astro:build:generated': ({ dir, logger }) => {
				drawing = (async () => {
					const early = (await earlyDrawing?.stop()) ?? NONE_EARLY;
					await drawCards(fileURLToPath(dir), join(root, CARD_CACHE_DIR), base, early, logger);
				})();
				drawing.catch(() => {}); // reported where the build awaits it
			},
			'astro:build:done': async () => {
				await drawing;
			},
		},
	};
}

interface EarlyCards {
	drawn: number;
	seconds: number;
}
const NONE_EARLY: EarlyCards = { drawn: 0, seconds: 0 };

interface EarlyDrawing {
	/** Asks the worker to stop after its current card; resolves with what it did. */
	stop(): Promise<EarlyCards>;
}

function drawEarly(
	cacheDir: string,
	contents: CardContent[],
	logger: AstroIntegrationLogger,
): EarlyDrawing {
	mkdirSync(cacheDir, { recursive: true });
	const worker = new Worker(new URL('./cards/early-drawing.ts', import.meta.url), {
		workerData: { cacheDir, contents },
	});
	// A build that fails meanwhile exits without waiting for the worker.
	worker.unref();
	const drawn = new Promise<EarlyCards>((done) => {
		worker.once('message', done);
		// Nothing is lost: the pass over the pages draws whatever is missing.
		worker.once('error', (error) => {
			logger.warn(`Cards were not drawn early: ${error.message}`);
			done(NONE_EARLY);
		});
	});
	return {
		stop: () => {
			worker.ref();
			worker.postMessage('stop');
			return drawn;
		},
	};
}

async function drawCards(
	outDir: string,
	cacheDir: string,
	base: string,
	early: EarlyCards,
	logger: AstroIntegrationLogger,
) {
	const started = performance.now();
	mkdirSync(cacheDir, { recursive: true });
	let drawn = 0;
	let found = 0;
	const folders = new Map<string, Promise<unknown>>();
	await inParallel(htmlFiles(outDir), async (file) => {
		const card = cardOf(await readFile(file, 'utf8'), base);
		if (!card) return;
		const target = join(outDir, card.route);
		const folder = dirname(target);
		if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
		await folders.get(folder);
		const cached = await cachedCard(cacheDir, card.content);
		if (cached.drawn) drawn++;
		else found++;
		await placeCard(cached.file, target);
	});
	const seconds = ((performance.now() - started) / 1000).toFixed(2);
	logger.info(
		`${drawn + found} social cards: ${early.drawn} drawn early in ${early.seconds.toFixed(2)} s beside content sync and rendering, ${drawn} drawn after the pages in ${seconds} s beside the search index, ${found - early.drawn} reused from ${CARD_CACHE_DIR}/.`,
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
