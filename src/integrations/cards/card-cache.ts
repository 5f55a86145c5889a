import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { CardContent } from '../../lib/social-card.ts';
import { CARD_DESIGN_VERSION, drawCard } from './drawing.ts';

/** Where drawn cards are kept between builds, from the project root (git-ignored). */
export const CARD_CACHE_DIR = '.cache/social-cards';

export const cardHash = (content: CardContent) =>
	createHash('sha256')
		.update(JSON.stringify({ version: CARD_DESIGN_VERSION, ...content }))
		.digest('hex')
		.slice(0, 32);

/**
 * The cached card for `content` in `cacheDir`, drawn first if it is not there yet; `drawn` says
 * whether it was. A card appears under its final name only once it is whole, so a reader on
 * another thread never sees half of one.
 */
export async function cachedCard(
	cacheDir: string,
	content: CardContent,
): Promise<{ file: string; drawn: boolean }> {
	const file = join(cacheDir, `${cardHash(content)}.png`);
	if (existsSync(file)) return { file, drawn: false };
	const partial = `${file}.${process.pid}-${threadId}.partial`;
	await writeFile(partial, await drawCard(content));
	await rename(partial, file);
	return { file, drawn: true };
}
