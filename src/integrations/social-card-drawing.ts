import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
import { CARD_SIZE } from '../lib/social-card.ts';

/** What one card shows. */
export interface CardContent {
	site: string;
	title: string;
	/** Kind, topic and status of an entry; empty on other pages. */
	facts: string[];
	/** Shown under the title when there are no facts. */
	description: string;
}

/** Bump when the drawing changes, so cached cards are drawn again. */
export const CARD_DESIGN_VERSION = 1;

// The font comes from an npm package, never the network or the system, so every machine draws
// the same card. satori reads WOFF, not WOFF2.
const require = createRequire(import.meta.url);
const font = (weight: 400 | 700) =>
	readFileSync(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`));
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;

const COLOURS = { bg: '#0f1720', fg: '#f3f5f7', muted: '#a9b4c0', accent: '#8ab4f8' };

type Node = { type: string; props: { style?: Record<string, unknown>; children?: unknown } };
const box = (style: Record<string, unknown>, children: unknown): Node => ({
	type: 'div',
	props: { style: { display: 'flex', ...style }, children },
});

const clip = (text: string, max: number) =>
	text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

function cardTree({ site, title, facts, description }: CardContent): Node {
	const titleSize = title.length > 70 ? 56 : title.length > 36 ? 68 : 84;
	return box(
		{
			// satori sizes boxes without their padding and border.
			width: CARD_SIZE.width - 144,
			height: CARD_SIZE.height - 120 - 14,
			flexDirection: 'column',
			justifyContent: 'space-between',
			paddingTop: 56,
			paddingBottom: 64,
			paddingLeft: 72,
			paddingRight: 72,
			background: COLOURS.bg,
			color: COLOURS.fg,
			fontFamily: 'Inter',
			borderTop: `14px solid ${COLOURS.accent}`,
		},
		[
			box({ alignItems: 'center', gap: 18, fontSize: 30, fontWeight: 700, color: COLOURS.accent }, [
				box({ width: 22, height: 22, borderRadius: 11, background: COLOURS.accent }, []),
				box({ width: 40, height: 3, background: COLOURS.accent }, []),
				box({ width: 22, height: 22, border: `4px solid ${COLOURS.accent}` }, []),
				box({ marginLeft: 12 }, site),
			]),
			box(
				{ width: 1056, fontSize: titleSize, fontWeight: 700, lineHeight: 1.12 },
				clip(title, 140),
			),
			facts.length
				? box(
						{ width: 1056, flexWrap: 'wrap', fontSize: 32 },
						facts.map((fact) =>
							box(
								{
									marginRight: 16,
									paddingTop: 8,
									paddingBottom: 8,
									paddingLeft: 22,
									paddingRight: 22,
									borderRadius: 40,
									border: `2px solid ${COLOURS.muted}`,
									color: COLOURS.fg,
								},
								fact,
							),
						),
					)
				: box(
						{ width: 1056, fontSize: 32, color: COLOURS.muted, lineHeight: 1.35 },
						clip(description, 150),
					),
		],
	);
}

/** Draws one card as a 1200 × 630 PNG. */
export async function drawCard(content: CardContent): Promise<Buffer> {
	fonts ??= ([400, 700] as const).map((weight) => ({
		name: 'Inter',
		data: font(weight),
		weight,
		style: 'normal',
	}));
	const svg = await satori(cardTree(content) as Parameters<typeof satori>[0], {
		...CARD_SIZE,
		fonts,
	});
	return (await renderAsync(svg, { fitTo: { mode: 'original' } })).asPng();
}
