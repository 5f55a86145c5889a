import type { Outline } from './coverage.ts';

/** Shapes as outlines in pixels (y down), for `rasterize` with the identity placement. */
export const PIXELS = { scaleX: 1, scaleY: 1, dx: 0, dy: 0 };

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** A rectangle as an outline, clockwise on screen, or counter-clockwise to cut a hole. */
export function rectangle({ x, y, width, height }: Box, hole = false): Outline {
	const corners = [
		[x, y],
		[x + width, y],
		[x + width, y + height],
		[x, y + height],
	];
	if (hole) corners.reverse();
	return [
		{ command: 'M', values: corners[0]! },
		...corners.slice(1).map((values) => ({ command: 'L' as const, values })),
		{ command: 'Z', values: [] },
	];
}

/** Cubic Bézier handles for a quarter circle, as a fraction of the radius. */
const ARC = 0.5523;

export function circle(cx: number, cy: number, r: number): Outline {
	const k = r * ARC;
	return [
		{ command: 'M', values: [cx, cy - r] },
		{ command: 'C', values: [cx + k, cy - r, cx + r, cy - k, cx + r, cy] },
		{ command: 'C', values: [cx + r, cy + k, cx + k, cy + r, cx, cy + r] },
		{ command: 'C', values: [cx - k, cy + r, cx - r, cy + k, cx - r, cy] },
		{ command: 'C', values: [cx - r, cy - k, cx - k, cy - r, cx, cy - r] },
		{ command: 'Z', values: [] },
	];
}

/** A box with fully rounded ends (a pill), clockwise, or counter-clockwise to cut a hole. */
export function stadium({ x, y, width, height }: Box, hole = false): Outline {
	const r = height / 2;
	const k = r * ARC;
	const [left, right, bottom] = [x + r, x + width - r, y + height];
	const outline: Outline = [
		{ command: 'M', values: [left, y] },
		{ command: 'L', values: [right, y] },
		{ command: 'C', values: [right + k, y, right + r, y + r - k, right + r, y + r] },
		{ command: 'C', values: [right + r, y + r + k, right + k, bottom, right, bottom] },
		{ command: 'L', values: [left, bottom] },
		{ command: 'C', values: [left - k, bottom, x, y + r + k, x, y + r] },
		{ command: 'C', values: [x, y + r - k, left - k, y, left, y] },
		{ command: 'Z', values: [] },
	];
	return hole ? reversed(outline) : outline;
}

/** The same closed outline traced the other way round. */
function reversed(outline: Outline): Outline {
	const points: number[][] = [];
	const segments: { command: Outline[number]['command']; controls: number[][] }[] = [];
	for (const { command, values } of outline) {
		if (command === 'Z') continue;
		const pairs = [];
		for (let index = 0; index < values.length; index += 2)
			pairs.push(values.slice(index, index + 2));
		if (command !== 'M') segments.push({ command, controls: pairs.slice(0, -1) });
		points.push(pairs.at(-1)!);
	}
	const back: Outline = [{ command: 'M', values: points.at(-1)! }];
	for (let index = segments.length - 1; index >= 0; index--) {
		const { command, controls } = segments[index]!;
		back.push({ command, values: [...[...controls].reverse().flat(), ...points[index]!] });
	}
	back.push({ command: 'Z', values: [] });
	return back;
}
