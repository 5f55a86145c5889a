import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawCard } from '../../src/integrations/cards/drawing.ts';
import { launchChromium } from '../../tools/harness/chromium.ts';
import { PAGE_KINDS } from '../../tools/audit/page-kinds.ts';
import { builtSite } from '../support/site.ts';

const { siteUrl } = builtSite();
let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(() => browser?.close());

describe('social cards', () => {
	it.each(Object.entries(PAGE_KINDS))(
		'gives the %s page a 1200 × 630 og:image and a large Twitter card',
		async (_kind, path) => {
			const page = await browser.newPage();
			await page.goto(`${siteUrl}${path}`);
			const image = await page.getAttribute('meta[property="og:image"]', 'content');
			expect(image).toMatch(/^https?:\/\/.+\.png$/);
			expect(await page.getAttribute('meta[name="twitter:card"]', 'content')).toBe(
				'summary_large_image',
			);
			// The card's address is absolute on the configured site; fetch it from the test server.
			const served = new URL(new URL(image!).pathname.slice(1), siteUrl).href;
			const size = await page.evaluate(async (src) => {
				const img = new Image();
				img.src = src;
				await img.decode();
				return { width: img.naturalWidth, height: img.naturalHeight };
			}, served);
			expect(size).toEqual({ width: 1200, height: 630 });
			const picture = await inkOf(page, served);
			expect(picture.bar).toEqual(ACCENT);
			expect(picture.inked).toBeGreaterThan(5_000);
			expect(picture.box.left).toBeGreaterThanOrEqual(MARGIN - 1);
			expect(picture.box.right).toBeLessThanOrEqual(1200 - MARGIN + 1);
			await page.close();
		},
	);

	it('keeps a title of one long word, and long facts, inside the margins', async () => {
		const card = await drawCard({
			site: 'Wrangling Lots of Machines',
			title: 'Supercalifragilisticexpialidocious'.repeat(3),
			facts: ['Specification', 'Datacenter as a computer', 'Proceedings of a very long venue 2015'],
			description: '',
		});
		const page = await browser.newPage();
		const picture = await inkOf(page, `data:image/png;base64,${card.toString('base64')}`);
		await page.close();
		expect(picture.box.left).toBeGreaterThanOrEqual(MARGIN - 1);
		expect(picture.box.right).toBeLessThanOrEqual(1200 - MARGIN + 1);
		expect(picture.box.bottom).toBeLessThanOrEqual(630 - 60);
	});

	it('draws a different picture for a different title', async () => {
		const card = (title: string) =>
			drawCard({ site: 'Wrangling Lots of Machines', title, facts: ['Tool'], description: '' });
		const [one, other] = await Promise.all([card('Kubernetes'), card('Nomad')]);
		expect(one.equals(other)).toBe(false);
		const page = await browser.newPage();
		const [oneInk, otherInk] = [
			await inkOf(page, `data:image/png;base64,${one.toString('base64')}`),
			await inkOf(page, `data:image/png;base64,${other.toString('base64')}`),
		];
		await page.close();
		expect(oneInk.inked).toBeGreaterThan(otherInk.inked);
	});
});

const MARGIN = 72;
const ACCENT = [0x8a, 0xb4, 0xf8];

/**
 * Decodes a card in the browser: the accent bar's colour, and the box and count of inked pixels
 * under it. The page must be on the card's origin (or the card a data: URL) for its pixels to be read.
 */
function inkOf(page: Page, src: string) {
	return page.evaluate(async (source) => {
		const img = new Image();
		img.src = source;
		await img.decode();
		const canvas = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
		const context = canvas.getContext('2d')!;
		context.drawImage(img, 0, 0);
		const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
		const pixel = (x: number, y: number) => [
			...data.subarray((y * width + x) * 4, (y * width + x) * 4 + 3),
		];
		const background = pixel(width - 1, height - 1);
		const box = { left: width, right: 0, top: height, bottom: 0 };
		let inked = 0;
		for (let y = 20; y < height; y++)
			for (let x = 0; x < width; x++) {
				const at = (y * width + x) * 4;
				const differs = [0, 1, 2].some((c) => Math.abs(data[at + c]! - background[c]!) >= 8);
				if (!differs) continue;
				inked++;
				box.left = Math.min(box.left, x);
				box.right = Math.max(box.right, x + 1);
				box.top = Math.min(box.top, y);
				box.bottom = Math.max(box.bottom, y + 1);
			}
		return { bar: pixel(width / 2, 5), box, inked };
	}, src);
}
