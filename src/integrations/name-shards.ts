import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildNameShards, type NamedEntry } from '../lib/name-index.ts';
import { routes } from '../lib/routes.ts';
import type { Topic } from '../schema/vocabulary.ts';

/** What the shards need of /entries.json (src/pages/entries.json.ts). */
interface PublishedList {
	topics: { id: Topic; title: string }[];
	entries: (NamedEntry['data'] & { id: string })[];
}

/**
 * The search's name shards (src/lib/name-index.ts): in a build, written from the list as the site
 * publishes it, /entries.json, once the pages are written and beside the search index; in
 * `astro dev`, served by a route (src/routes/name-shard.json.ts). Each of the 4,107 shards as a
 * prerendered route cost half a millisecond, 2 s of every build whatever its size.
 */
export function nameShards(): AstroIntegration {
	let writing: Promise<void> = Promise.resolve();
	return {
		name: 'wlm:name-shards',
		hooks: {
			'astro:config:setup': ({ command, injectRoute }) => {
				if (command === 'dev')
					injectRoute({
						pattern: `/${routes.nameShard('[shard]')}`,
						entrypoint: new URL('../routes/name-shard.json.ts', import.meta.url),
					});
			},
			'astro:build:generated': ({ dir, logger }) => {
				const started = performance.now();
				writing = writeShards(fileURLToPath(dir)).then((count) => {
					const seconds = ((performance.now() - started) / 1000).toFixed(2);
					logger.info(`${count} name shards written from ${routes.data()} in ${seconds} s.`);
				});
				writing.catch(() => {}); // reported where the build awaits it
			},
			'astro:build:done': async () => {
				await writing;
			},
		},
	};
}

async function writeShards(outDir: string): Promise<number> {
	const list = JSON.parse(await readFile(join(outDir, routes.data()), 'utf8')) as PublishedList;
	const titles = Object.fromEntries(list.topics.map(({ id, title }) => [id, title]));
	const shards = buildNameShards(
		list.entries.map((entry) => ({ id: entry.id, data: entry })),
		titles as Record<Topic, string>,
	);
	const files = [...shards].map(([shard, data]) => ({
		file: join(outDir, routes.nameShard(shard)),
		json: JSON.stringify(data),
	}));
	await Promise.all(
		[...new Set(files.map(({ file }) => dirname(file)))].map((folder) =>
			mkdir(folder, { recursive: true }),
		),
	);
	await Promise.all(files.map(({ file, json }) => writeFile(file, json)));
	return files.length;
}
