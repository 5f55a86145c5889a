import { describe, expect, it } from 'vitest';
import { rasterize } from '../../src/integrations/cards/coverage.ts';
import { circle, PIXELS, rectangle } from '../../src/integrations/cards/shapes.ts';
import { typeface } from '../../src/integrations/cards/typeface.ts';

const square = (x: number, y: number, size: number, hole = false) =>
	rectangle({ x, y, width: size, height: size }, hole);

describe('card rasterizer', () => {
	it('covers each pixel by the area the outline covers: whole inside, half on a half-pixel edge, none outside', () => {
		const mask = rasterize(square(2.5, 3, 10), PIXELS);
		const at = (x: number, y: number) =>
			mask.coverage[(y - mask.top) * mask.width + (x - mask.left)] ?? 0;
		expect([mask.left, mask.top]).toEqual([2, 3]);
		expect(at(6, 7)).toBe(255);
		expect(at(2, 7)).toBe(128);
		expect(at(12, 7)).toBe(128);
		expect(at(13, 7)).toBe(0);
		expect(at(6, 12)).toBe(255);
		expect(mask.height).toBe(10);
	});

	it('leaves a hole where an inner outline runs the other way round', () => {
		const mask = rasterize([...square(0, 0, 12), ...square(4, 4, 4, true)], PIXELS);
		const at = (x: number, y: number) => mask.coverage[y * mask.width + x];
		expect(at(1, 1)).toBe(255);
		expect(at(5, 5)).toBe(0);
		expect(at(9, 9)).toBe(255);
	});

	it('draws a circle with the area of a circle', () => {
		const mask = rasterize(circle(25, 25, 20), PIXELS);
		const area = mask.coverage.reduce((sum, value) => sum + value / 255, 0);
		// Curves become chords within a tenth of a pixel: a 16-sided polygon, 2.5 % short, fails.
		expect(Math.abs(area / (Math.PI * 20 ** 2) - 1)).toBeLessThan(0.01);
	});
});

describe('card typeface', () => {
	it('shapes with the font’s kerning, as browsers do', async () => {
		const bold = await typeface(700);
		const alone = bold.shape('A', 100).width + bold.shape('V', 100).width;
		expect(bold.shape('AV', 100).width).toBeLessThan(alone - 2);
		expect(bold.shape('AV', 100).glyphs).toHaveLength(2);
	});

	it('draws a glyph from the font’s own outline, standing on the baseline', async () => {
		const regular = await typeface(400);
		const [glyph] = regular.shape('H', 100).glyphs;
		const scale = 100 / regular.unitsPerEm;
		const mask = rasterize(regular.outline(glyph!.id), {
			scaleX: scale,
			scaleY: -scale,
			dx: 0,
			dy: 0,
		});
		// Inter's capitals are about 0.73 em tall and sit on the baseline (y = 0).
		expect(mask.top + mask.height).toBe(0);
		expect(mask.height).toBeGreaterThanOrEqual(70);
		expect(mask.height).toBeLessThanOrEqual(75);
	});
});
