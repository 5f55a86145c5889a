/** The part of harfbuzzjs (HarfBuzz compiled to WebAssembly) that the social cards use. */
declare module 'harfbuzzjs' {
	interface HarfBuzzObject {
		destroy(): void;
	}
	export interface HarfBuzzFont extends HarfBuzzObject {
		setScale(x: number, y: number): void;
		glyphToPath(glyph: number): string;
	}
	export interface HarfBuzzBuffer extends HarfBuzzObject {
		addText(text: string): void;
		guessSegmentProperties(): void;
		json(): { g: number; cl: number; ax: number; ay: number; dx: number; dy: number }[];
	}
	export interface HarfBuzz {
		createBlob(data: Uint8Array): HarfBuzzObject;
		createFace(blob: HarfBuzzObject, index: number): HarfBuzzObject & { upem: number };
		createFont(face: HarfBuzzObject): HarfBuzzFont;
		createBuffer(): HarfBuzzBuffer;
		shape(font: HarfBuzzFont, buffer: HarfBuzzBuffer, features?: string): void;
	}
}
