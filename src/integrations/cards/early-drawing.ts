import { parentPort, workerData } from 'node:worker_threads';
import type { CardContent } from '../../lib/social-card.ts';
import { cachedCard } from './card-cache.ts';

/**
 * A worker thread that draws cards into the cache while the build renders pages on the other
 * core. It stops between two cards when told to, and answers how many it drew and in what time.
 */
const { cacheDir, contents } = workerData as { cacheDir: string; contents: CardContent[] };
const port = parentPort!;
let stopped = false;
port.once('message', () => (stopped = true));
const started = performance.now();
let drawn = 0;
for (const content of contents) {
	if (stopped) break;
	if ((await cachedCard(cacheDir, content)).drawn) drawn++;
}
port.postMessage({ drawn, seconds: (performance.now() - started) / 1000 });
port.close();
