/**
 * Turns outlines (glyphs, circles, pills) into anti-aliased coverage masks: the signed-area
 * accumulation rasterizer of font-rs, which computes each pixel's exact covered area for
 * straight edges, with curves flattened to lines finer than a tenth of a pixel.
 */

export type Outline = { command: 'M' | 'L' | 'Q' | 'C' | 'Z'; values: number[] }[];

/** How outline units map to pixels: px = x·scaleX + dx, py = y·scaleY + dy. */
export interface Placement {
	scaleX: number;
	scaleY: number;
	dx: number;
	dy: number;
}

/** Coverage 0–255 of each pixel in a box whose top-left pixel is (left, top). */
export interface Mask {
	left: number;
	top: number;
	width: number;
	height: number;
	coverage: Uint8Array;
}

type Point = [number, number];

export function rasterize(outline: Outline, placement: Placement): Mask {
	const lines = flatten(outline, placement);
	if (!lines.length) return { left: 0, top: 0, width: 0, height: 0, coverage: new Uint8Array() };
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [[x0, y0], [x1, y1]] of lines) {
		minX = Math.min(minX, x0, x1);
		maxX = Math.max(maxX, x0, x1);
		minY = Math.min(minY, y0, y1);
		maxY = Math.max(maxY, y0, y1);
	}
	const left = Math.floor(minX);
	const top = Math.floor(minY);
	// One spare column: an edge's area spills into the pixel right of it.
	const width = Math.ceil(maxX) - left + 2;
	const height = Math.ceil(maxY) - top;
	const area = new Float32Array(width * height + 1);
	for (const [from, to] of lines)
		accumulate(area, width, height, [from[0] - left, from[1] - top], [to[0] - left, to[1] - top]);
	const coverage = new Uint8Array(width * height);
	let sum = 0;
	for (let index = 0; index < coverage.length; index++) {
		sum += area[index]!;
		coverage[index] = Math.round(Math.min(1, Math.abs(sum)) * 255);
	}
	return { left, top, width, height, coverage };
}

function accumulate(area: Float32Array, width: number, height: number, p0: Point, p1: Point) {
	if (p0[1] === p1[1]) return;
	const [direction, from, to] = p0[1] < p1[1] ? [1, p0, p1] : [-1, p1, p0];
	const slope = (to[0] - from[0]) / (to[1] - from[1]);
	let x = from[0];
	const firstRow = Math.max(0, Math.floor(from[1]));
	if (from[1] < 0) x -= from[1] * slope;
	const endRow = Math.min(height, Math.ceil(to[1]));
	for (let row = firstRow; row < endRow; row++) {
		const start = row * width;
		const dy = Math.min(row + 1, to[1]) - Math.max(row, from[1]);
		const xNext = x + slope * dy;
		const d = dy * direction;
		const [x0, x1] = x < xNext ? [x, xNext] : [xNext, x];
		const x0Floor = Math.floor(x0);
		const x1Ceil = Math.ceil(x1);
		if (x1Ceil <= x0Floor + 1) {
			// The edge stays inside one pixel column on this row.
			const middle = 0.5 * (x + xNext) - x0Floor;
			area[start + x0Floor]! += d - d * middle;
			area[start + x0Floor + 1]! += d * middle;
		} else {
			const s = 1 / (x1 - x0);
			const x0Fraction = x0 - x0Floor;
			const a0 = 0.5 * s * (1 - x0Fraction) ** 2;
			const x1Fraction = x1 - x1Ceil + 1;
			const aEnd = 0.5 * s * x1Fraction ** 2;
			area[start + x0Floor]! += d * a0;
			if (x1Ceil === x0Floor + 2) {
				area[start + x0Floor + 1]! += d * (1 - a0 - aEnd);
			} else {
				const a1 = s * (1.5 - x0Fraction);
				area[start + x0Floor + 1]! += d * (a1 - a0);
				for (let column = x0Floor + 2; column < x1Ceil - 1; column++)
					area[start + column]! += d * s;
				const a2 = a1 + (x1Ceil - x0Floor - 3) * s;
				area[start + x1Ceil - 1]! += d * (1 - a2 - aEnd);
			}
			area[start + x1Ceil]! += d * aEnd;
		}
		x = xNext;
	}
}

/** The outline as closed polygons of straight edges, in pixels. */
function flatten(outline: Outline, { scaleX, scaleY, dx, dy }: Placement): [Point, Point][] {
	const lines: [Point, Point][] = [];
	const at = (x: number, y: number): Point => [x * scaleX + dx, y * scaleY + dy];
	let start: Point = [0, 0];
	let pen = start;
	const lineTo = (point: Point) => {
		lines.push([pen, point]);
		pen = point;
	};
	for (const { command, values: v } of outline) {
		if (command === 'M') {
			if (pen !== start) lineTo(start);
			start = pen = at(v[0]!, v[1]!);
		} else if (command === 'L') lineTo(at(v[0]!, v[1]!));
		else if (command === 'Q') curveTo([pen, at(v[0]!, v[1]!), at(v[2]!, v[3]!)], lineTo);
		else if (command === 'C')
			curveTo([pen, at(v[0]!, v[1]!), at(v[2]!, v[3]!), at(v[4]!, v[5]!)], lineTo);
		else lineTo(start);
	}
	if (pen !== start) lineTo(start);
	return lines;
}

/** A Bézier curve (quadratic or cubic) as enough straight steps that none strays a tenth of a pixel. */
function curveTo(points: Point[], lineTo: (point: Point) => void) {
	let bend = 0;
	for (let index = 0; index + 2 < points.length; index++) {
		const [a, b, c] = [points[index]!, points[index + 1]!, points[index + 2]!];
		bend = Math.max(bend, Math.hypot(a[0] - 2 * b[0] + c[0], a[1] - 2 * b[1] + c[1]));
	}
	// With n equal steps, a curve of degree d strays from its chords by at most
	// d(d − 1)/8 · bend / n² (bend: the largest second difference of its points).
	const degree = points.length - 1;
	const steps = Math.max(1, Math.ceil(Math.sqrt((degree * (degree - 1) * bend) / 8 / 0.1)));
	for (let step = 1; step <= steps; step++) lineTo(bezierPoint(points, step / steps));
}

function bezierPoint(points: Point[], t: number): Point {
	let level = points;
	while (level.length > 1)
		level = level.slice(1).map((point, index): Point => {
			const previous = level[index]!;
			return [
				previous[0] + (point[0] - previous[0]) * t,
				previous[1] + (point[1] - previous[1]) * t,
			];
		});
	return level[0]!;
}
