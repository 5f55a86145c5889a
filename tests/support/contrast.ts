/** WCAG 2 contrast ratio of two CSS colours as getComputedStyle writes them ("rgb(r, g, b)"). */
export function contrastRatio(first: string, second: string): number {
	const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a);
	return (lighter! + 0.05) / (darker! + 0.05);
}

function luminance(color: string): number {
	const channels = color
		.match(/[\d.]+/g)
		?.slice(0, 3)
		.map(Number);
	if (channels?.length !== 3) throw new Error(`not an rgb() colour: ${color}`);
	const [r, g, b] = channels.map((value) => {
		const c = value / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
