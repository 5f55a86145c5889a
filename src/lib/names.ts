/** Lowercases a name and folds punctuation and spacing, so "Cloud  Foundry" and "cloud-foundry" compare equal. */
export function normalizeName(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** Derives an entry id from a title: lowercase kebab-case, ASCII letters and digits only. */
export function slugify(title: string): string {
	return normalizeName(title)
		.replace(/[^a-z0-9 ]/g, '')
		.trim()
		.replace(/ +/g, '-');
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transposition), stopping early
 * once it exceeds `limit`. "opneshift" is one edit from "openshift".
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	let previousPrevious: number[] = [];
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let rowMinimum = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				value = Math.min(value, previousPrevious[j - 2]! + 1);
			}
			current.push(value);
			rowMinimum = Math.min(rowMinimum, value);
		}
		if (rowMinimum > limit) return limit + 1;
		previousPrevious = previous;
		previous = current;
	}
	return previous[b.length]!;
}

/** The candidate nearest to `word` within `maxEdits` edits (case-insensitive), if any. */
export function closest(
	word: string,
	candidates: readonly string[],
	maxEdits: number,
): string | undefined {
	let best: string | undefined;
	let bestDistance = maxEdits + 1;
	for (const candidate of candidates) {
		const distance = editDistance(word.toLowerCase(), candidate.toLowerCase(), bestDistance);
		if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
	}
	return best;
}
