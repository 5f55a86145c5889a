import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import type { HarfBuzz, HarfBuzzFont } from 'harfbuzzjs';
import type { Outline } from './coverage.ts';

/** A glyph placed on a line, in pixels from the start of the line's baseline. */
export interface PlacedGlyph {
	id: number;
	x: number;
	y: number;
}

export interface ShapedText {
	glyphs: PlacedGlyph[];
	width: number;
}

/** One weight of Inter, shaped by HarfBuzz (kerning included) at any pixel size. */
export interface Typeface {
	weight: Weight;
	/** Em units per em: outlines are drawn in these, y up. */
	unitsPerEm: number;
	ascender: number;
	descender: number;
	shape(text: string, size: number): ShapedText;
	outline(glyph: number): Outline;
}

export type Weight = 400 | 700;

// The font comes from an npm package, never the network or the system, so every machine draws
// the same card.
const require = createRequire(import.meta.url);
// Required, not imported: the package is CommonJS exporting a promise, which bundlers' ES module
// interop would wrap.
const harfbuzz: Promise<HarfBuzz> = require('harfbuzzjs');
const fontFile = (weight: Weight) =>
	require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`);

const typefaces = new Map<Weight, Promise<Typeface>>();

export function typeface(weight: Weight): Promise<Typeface> {
	let loaded = typefaces.get(weight);
	if (!loaded) {
		loaded = load(weight, sfntOfWoff(readFileSync(fontFile(weight))));
		typefaces.set(weight, loaded);
	}
	return loaded;
}

async function load(weight: Weight, sfnt: Uint8Array): Promise<Typeface> {
	const hb = await harfbuzz;
	const blob = hb.createBlob(sfnt);
	const face = hb.createFace(blob, 0);
	const font = hb.createFont(face);
	const unitsPerEm = face.upem;
	font.setScale(unitsPerEm, unitsPerEm);
	const { ascender, descender } = verticalMetrics(sfnt);
	const outlines = new Map<number, Outline>();
	return {
		weight,
		unitsPerEm,
		ascender,
		descender,
		shape(text, size) {
			const buffer = hb.createBuffer();
			try {
				buffer.addText(text);
				buffer.guessSegmentProperties();
				hb.shape(font, buffer);
				const scale = size / unitsPerEm;
				let pen = 0;
				const glyphs = buffer.json().map(({ g, ax, dx, dy }) => {
					const placed = { id: g, x: (pen + dx) * scale, y: -dy * scale };
					pen += ax;
					return placed;
				});
				return { glyphs, width: pen * scale };
			} finally {
				buffer.destroy();
			}
		},
		outline(glyph) {
			let outline = outlines.get(glyph);
			if (!outline) {
				outline = parseOutline(font, glyph);
				outlines.set(glyph, outline);
			}
			return outline;
		},
	};
}

/** HarfBuzz draws a glyph as SVG path data made of M, L, Q, C and Z, in font units, y up. */
function parseOutline(font: HarfBuzzFont, glyph: number): Outline {
	const outline: Outline = [];
	for (const [, command, numbers] of font.glyphToPath(glyph).matchAll(/([MLQCZ])([^MLQCZ]*)/g)) {
		const values = numbers!.split(/[ ,]+/).filter(Boolean).map(Number);
		outline.push({ command: command as Outline[number]['command'], values });
	}
	return outline;
}

/** The hhea table's ascender and descender, in font units: the line box satori and browsers use. */
function verticalMetrics(sfnt: Uint8Array) {
	const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
	const tables = view.getUint16(4);
	for (let index = 0; index < tables; index++) {
		const entry = 12 + index * 16;
		if (view.getUint32(entry) !== 0x68686561 /* 'hhea' */) continue;
		const hhea = view.getUint32(entry + 8);
		return { ascender: view.getInt16(hhea + 4), descender: view.getInt16(hhea + 6) };
	}
	throw new Error('The card font has no hhea table.');
}

/**
 * HarfBuzz reads OpenType, and the font package ships WOFF: a WOFF file is the same tables, each
 * perhaps zlib-compressed, behind a longer header. This lays them out again as plain OpenType.
 */
export function sfntOfWoff(woff: Uint8Array): Uint8Array {
	const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
	if (view.getUint32(0) !== 0x774f4646 /* 'wOFF' */) throw new Error('The card font is not WOFF.');
	const tables = view.getUint16(12);
	const sfnt = new Uint8Array(view.getUint32(16));
	const out = new DataView(sfnt.buffer);
	out.setUint32(0, view.getUint32(4));
	out.setUint16(4, tables);
	const searchPower = Math.floor(Math.log2(tables));
	out.setUint16(6, 2 ** searchPower * 16);
	out.setUint16(8, searchPower);
	out.setUint16(10, tables * 16 - 2 ** searchPower * 16);
	let offset = 12 + tables * 16;
	for (let index = 0; index < tables; index++) {
		const entry = 44 + index * 20;
		const [tag, at, compressed, length, checksum] = [0, 4, 8, 12, 16].map((field) =>
			view.getUint32(entry + field),
		) as [number, number, number, number, number];
		const stored = woff.subarray(at, at + compressed);
		sfnt.set(compressed < length ? inflateSync(stored) : stored, offset);
		const record = 12 + index * 16;
		out.setUint32(record, tag);
		out.setUint32(record + 4, checksum);
		out.setUint32(record + 8, offset);
		out.setUint32(record + 12, length);
		offset += (length + 3) & ~3;
	}
	return sfnt;
}
