import { CARD_SIZE, type CardContent } from '../../lib/social-card.ts';
import { Canvas, colour, type Colour } from './canvas.ts';
import { rasterize, type Mask } from './coverage.ts';
import { circle, PIXELS, rectangle, stadium } from './shapes.ts';
import { typeface, type Typeface } from './typeface.ts';

/** Bump when the drawing changes, so cached cards are drawn again. */
export const CARD_DESIGN_VERSION = 2;

const COLOURS = {
	bg: colour('#0f1720'),
	fg: colour('#f3f5f7'),
	muted: colour('#a9b4c0'),
	accent: colour('#8ab4f8'),
};

const { width: WIDTH, height: HEIGHT } = CARD_SIZE;
const ACCENT_BAR = 14;
const LEFT = 72;
const MEASURE = WIDTH - 2 * LEFT;
const TOP = ACCENT_BAR + 56;
const BOTTOM = HEIGHT - 64;

/**
 * Draws one card as a 1200 × 630 PNG: the site's mark and name at the top, the title in the
 * middle, and the entry's facts as pills (or the page's description) at the foot. Drawn in plain
 * JavaScript, glyph by glyph, because a card costs a millisecond or two this way and 10,000 of
 * them are part of every cold build.
 */
export async function drawCard({ site, title, facts, description }: CardContent): Promise<Buffer> {
	const [bold, regular] = await Promise.all([typeface(700), typeface(400)]);
	const { canvas: blank, headerHeight, work: canvas } = template(bold, site);
	// One canvas is drawn on for every card of a site: allocating 750 KB a card kept the garbage
	// collector busy. Nothing below awaits, so two cards never share it at once.
	canvas.copyFrom(blank);
	const footHeight = drawFoot(canvas, regular, facts, description);

	const titleText = clip(title, 140);
	const size = titleText.length > 70 ? 56 : titleText.length > 36 ? 68 : 84;
	const heading = layOut(bold, titleText, size, 1.12);
	const free = BOTTOM - TOP - headerHeight - footHeight - heading.height;
	drawBlock(canvas, heading, TOP + headerHeight + Math.max(0, free / 2), COLOURS.fg);
	return canvas.toPng();
}

// What every card of a site shares (the accent bar, the mark and the site's name), drawn once.
const templates = new Map<string, { canvas: Canvas; headerHeight: number; work: Canvas }>();

function template(bold: Typeface, site: string) {
	let known = templates.get(site);
	if (!known) {
		const canvas = new Canvas(WIDTH, HEIGHT, COLOURS.bg, [
			COLOURS.fg,
			COLOURS.muted,
			COLOURS.accent,
		]);
		canvas.fillRect(0, 0, WIDTH, ACCENT_BAR, COLOURS.accent);
		const headerHeight = drawHeader(canvas, bold, site);
		known = { canvas, headerHeight, work: canvas.clone() };
		templates.set(site, known);
	}
	return known;
}

/** The mark (dot, line, square: machines wired together) and the site's name; returns its height. */
function drawHeader(canvas: Canvas, bold: Typeface, site: string): number {
	const size = 30;
	const height = lineBox(bold, size);
	const middle = TOP + height / 2;
	const accent = COLOURS.accent;
	canvas.paint(rasterize(circle(LEFT + 11, middle, 11), PIXELS), accent);
	canvas.paint(
		rasterize(rectangle({ x: LEFT + 40, y: middle - 1.5, width: 40, height: 3 }), PIXELS),
		accent,
	);
	const square = rectangle({ x: LEFT + 98, y: middle - 15, width: 30, height: 30 });
	const hole = rectangle({ x: LEFT + 102, y: middle - 11, width: 22, height: 22 }, true);
	canvas.paint(rasterize([...square, ...hole], PIXELS), accent);
	drawLine(canvas, bold, site, size, LEFT + 158, baseline(bold, size, height, TOP, 0), accent);
	return height;
}

/** The entry's facts as pills, or else the page's description, ending at the foot; returns the height. */
function drawFoot(canvas: Canvas, regular: Typeface, facts: string[], description: string): number {
	if (facts.length)
		return drawPills(
			canvas,
			regular,
			facts.map((fact) => clip(fact, 40)),
		);
	const paragraph = layOut(regular, clip(description, 150), 32, 1.35);
	drawBlock(canvas, paragraph, BOTTOM - paragraph.height, COLOURS.muted);
	return paragraph.height;
}

/** Each fact in a rounded outline, left to right, wrapping upwards from the foot; returns the height. */
function drawPills(canvas: Canvas, regular: Typeface, facts: string[]): number {
	const size = 32;
	const [padX, padY, border, gap] = [22, 8, 2, 16];
	const textHeight = lineBox(regular, size);
	const height = textHeight + 2 * (padY + border);
	const rows: { text: string; width: number }[][] = [[]];
	let used = 0;
	for (const text of facts) {
		const width = regular.shape(text, size).width + 2 * (padX + border);
		if (used > 0 && used + width > MEASURE) {
			rows.push([]);
			used = 0;
		}
		rows.at(-1)!.push({ text, width });
		used += width + gap;
	}
	const top = BOTTOM - rows.length * height;
	rows.forEach((row, index) => {
		let left = LEFT;
		const y = top + index * height;
		for (const { text, width } of row) {
			const outline = [
				...stadium({ x: left, y, width, height }),
				...stadium(
					{
						x: left + border,
						y: y + border,
						width: width - 2 * border,
						height: height - 2 * border,
					},
					true,
				),
			];
			canvas.paint(rasterize(outline, PIXELS), COLOURS.muted);
			const textBaseline = baseline(regular, size, textHeight, y + padY + border, 0);
			drawLine(canvas, regular, text, size, left + padX + border, textBaseline, COLOURS.fg);
			left += width + gap;
		}
	});
	return rows.length * height;
}

/** Text wrapped to the card's measure, in one face and size. */
interface TextBlock {
	face: Typeface;
	size: number;
	lineHeight: number;
	lines: string[];
	height: number;
}

function layOut(face: Typeface, text: string, size: number, lineHeight: number): TextBlock {
	const lines = wrap(face, text, size, MEASURE);
	return {
		face,
		size,
		lineHeight: size * lineHeight,
		lines,
		height: lines.length * size * lineHeight,
	};
}

function drawBlock(
	canvas: Canvas,
	{ face, size, lineHeight, lines }: TextBlock,
	top: number,
	ink: Colour,
) {
	lines.forEach((line, index) =>
		drawLine(canvas, face, line, size, LEFT, baseline(face, size, lineHeight, top, index), ink),
	);
}

/** Height of a line of text with CSS `line-height: normal`: the font's ascender to descender. */
const lineBox = (face: Typeface, size: number) =>
	((face.ascender - face.descender) / face.unitsPerEm) * size;

/** Where line `index` of a block starting at `top` sits, as CSS centres text in its line box. */
function baseline(face: Typeface, size: number, lineHeight: number, top: number, index: number) {
	const halfLeading = (lineHeight - lineBox(face, size)) / 2;
	return Math.round(
		top + index * lineHeight + halfLeading + (face.ascender / face.unitsPerEm) * size,
	);
}

/** Breaks text into lines no wider than `width` at spaces, and inside a word only if it alone is wider. */
function wrap(face: Typeface, text: string, size: number, width: number): string[] {
	const fits = (line: string) => face.shape(line, size).width <= width;
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const candidate = line ? `${line} ${word}` : word;
		if (fits(candidate)) {
			line = candidate;
			continue;
		}
		if (line) lines.push(line);
		line = word;
		while (!fits(line)) {
			let cut = line.length - 1;
			while (cut > 1 && !fits(line.slice(0, cut))) cut--;
			lines.push(line.slice(0, cut));
			line = line.slice(cut);
		}
	}
	if (line) lines.push(line);
	return lines;
}

const clip = (text: string, max: number) =>
	text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

// Glyph masks by weight, size, glyph and quarter-pixel offset: a card's text is mostly glyphs
// already drawn for an earlier card.
const glyphMasks = new Map<number, Mask>();

function drawLine(
	canvas: Canvas,
	face: Typeface,
	text: string,
	size: number,
	left: number,
	baselineY: number,
	ink: Colour,
) {
	const scale = size / face.unitsPerEm;
	for (const glyph of face.shape(text, size).glyphs) {
		const position = Math.round((left + glyph.x) * 4);
		const [whole, quarters] = [Math.floor(position / 4), position % 4];
		const key = ((glyph.id * 256 + size) * 4 + quarters) * 2 + (face.weight === 700 ? 1 : 0);
		let mask = glyphMasks.get(key);
		if (!mask) {
			mask = rasterize(face.outline(glyph.id), {
				scaleX: scale,
				scaleY: -scale,
				dx: quarters / 4,
				dy: 0,
			});
			glyphMasks.set(key, mask);
		}
		canvas.paint(mask, ink, whole, baselineY + Math.round(glyph.y));
	}
}
