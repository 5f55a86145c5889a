import { constants, crc32, deflateSync } from 'node:zlib';
import type { Mask } from './coverage.ts';

export type Colour = readonly [red: number, green: number, blue: number];

export const colour = (hex: string): Colour => {
	const value = Number.parseInt(hex.slice(1), 16);
	return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
};

/** Coverage steps per ink: 63 for each of four inks, with the background, fills a 256-colour palette. */
const LEVELS = 63;
const MAX_INKS = 4;
const LEVEL_OF_COVERAGE = Uint8Array.from({ length: 256 }, (_, coverage) =>
	Math.round((coverage * LEVELS) / 255),
);

/**
 * A picture in one background colour and a few inks painted over it, stored as a PNG palette
 * image: each pixel is one ink at one of 63 coverage steps. A card's inks never overlap, so this
 * loses nothing that shows, and a card is a third of the bytes to compress that RGB would be.
 */
export class Canvas {
	readonly width: number;
	readonly height: number;
	/** PNG scanlines as they are compressed: each row a filter byte (0, none), then its pixels. */
	readonly #rows: Uint8Array;
	readonly #palette: Buffer;
	readonly #background: Colour;
	readonly #inks: readonly Colour[];

	/** The background, then each ink painted with this canvas. */
	constructor(width: number, height: number, background: Colour, inks: readonly Colour[]) {
		if (inks.length > MAX_INKS) throw new Error(`A canvas holds at most ${MAX_INKS} inks.`);
		this.width = width;
		this.height = height;
		this.#rows = new Uint8Array((width + 1) * height);
		this.#palette = paletteChunk(background, inks);
		this.#background = background;
		this.#inks = inks;
	}

	/** A canvas of the same size and inks showing what this one shows now. */
	clone(): Canvas {
		const copy = new Canvas(this.width, this.height, this.#background, this.#inks);
		copy.copyFrom(this);
		return copy;
	}

	/** Shows what `other` (of the same size and inks) shows, as a new picture drawn over a template. */
	copyFrom(other: Canvas) {
		this.#rows.set(other.#rows);
	}

	fillRect(left: number, top: number, width: number, height: number, ink: Colour) {
		const full = this.#base(ink) + LEVELS - 1;
		for (let y = Math.max(0, top); y < Math.min(this.height, top + height); y++) {
			const row = y * (this.width + 1) + 1;
			this.#rows.fill(full, row + Math.max(0, left), row + Math.min(this.width, left + width));
		}
	}

	/** Paints `ink` through the mask, shifted by (dx, dy) pixels; what falls outside is cut. */
	paint(mask: Mask, ink: Colour, dx = 0, dy = 0) {
		const rows = this.#rows;
		const base = this.#base(ink);
		for (let row = 0; row < mask.height; row++) {
			const y = mask.top + dy + row;
			if (y < 0 || y >= this.height) continue;
			const line = y * (this.width + 1) + 1;
			for (let column = 0; column < mask.width; column++) {
				const level = LEVEL_OF_COVERAGE[mask.coverage[row * mask.width + column]!]!;
				const x = mask.left + dx + column;
				if (level === 0 || x < 0 || x >= this.width) continue;
				const under = rows[line + x]!;
				const underLevel = under === 0 ? 0 : ((under - 1) % LEVELS) + 1;
				// Over the same ink (neighbouring glyphs touching), coverage adds up as in "over"
				// compositing; over another ink, the stronger wins.
				if (under >= base && under < base + LEVELS)
					rows[line + x] =
						base + Math.round(underLevel + (level * (LEVELS - underLevel)) / LEVELS) - 1;
				else if (level >= underLevel) rows[line + x] = base + level - 1;
			}
		}
	}

	toPng(): Buffer {
		const header = Buffer.alloc(13);
		header.writeUInt32BE(this.width, 0);
		header.writeUInt32BE(this.height, 4);
		header.set([8, 3, 0, 0, 0], 8); // 8 bits, palette, deflate, adaptive filters, no interlace
		return Buffer.concat([
			PNG_SIGNATURE,
			chunk('IHDR', header),
			this.#palette,
			// Runs of one colour are what a card is made of; run-length deflate finds them fastest.
			chunk('IDAT', deflateSync(this.#rows, { strategy: constants.Z_RLE })),
			chunk('IEND', Buffer.alloc(0)),
		]);
	}

	#base(ink: Colour) {
		const index = this.#inks.indexOf(ink);
		if (index < 0) throw new Error('Paint with an ink given to the canvas.');
		return 1 + index * LEVELS;
	}
}

const palettes = new Map<string, Buffer>();

/** The PLTE chunk: the background, then each ink mixed into it at every coverage step. */
function paletteChunk(background: Colour, inks: readonly Colour[]): Buffer {
	const key = JSON.stringify([background, inks]);
	const known = palettes.get(key);
	if (known) return known;
	const palette = Buffer.alloc(3 * (1 + inks.length * LEVELS));
	palette.set(background, 0);
	inks.forEach((ink, index) => {
		for (let level = 1; level <= LEVELS; level++) {
			const mixed = ink.map((channel, at) =>
				Math.round(background[at]! + ((channel - background[at]!) * level) / LEVELS),
			);
			palette.set(mixed, 3 * (1 + index * LEVELS + level - 1));
		}
	});
	const plte = chunk('PLTE', palette);
	palettes.set(key, plte);
	return plte;
}

const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function chunk(type: string, data: Buffer): Buffer {
	const out = Buffer.alloc(12 + data.length);
	out.writeUInt32BE(data.length, 0);
	out.write(type, 4, 'latin1');
	data.copy(out, 8);
	out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
	return out;
}
