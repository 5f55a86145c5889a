import { describe, expect, it } from 'vitest';
import { scoreRanking } from '../../tools/bench/search-quality.ts';
import { SEARCH_QUERIES } from '../../tools/bench/search-queries.ts';

describe('search quality scores', () => {
	it('counts recall among the first five and the rank of the first expected result', () => {
		expect(scoreRanking(['a', 'b'], ['x', 'a', 'y', 'z', 'w', 'b'])).toEqual({
			recallAt5: 0.5,
			reciprocalRank: 0.5,
		});
		expect(scoreRanking(['a'], ['a'])).toEqual({ recallAt5: 1, reciprocalRank: 1 });
		expect(scoreRanking(['a'], ['x'])).toEqual({ recallAt5: 0, reciprocalRank: 0 });
	});

	it('keeps a table of at least 30 topical queries, each with expected entries', () => {
		expect(SEARCH_QUERIES.length).toBeGreaterThanOrEqual(30);
		expect(new Set(SEARCH_QUERIES.map((entry) => entry.query)).size).toBe(SEARCH_QUERIES.length);
		for (const { query, expected } of SEARCH_QUERIES)
			expect(expected.length, query).toBeGreaterThan(0);
	});
});
