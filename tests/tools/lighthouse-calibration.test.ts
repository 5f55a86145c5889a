import { describe, expect, it } from 'vitest';
import { calibratedCpuSlowdown } from '../../tools/audit/lighthouse.ts';

describe('calibratedCpuSlowdown', () => {
	it("keeps Lighthouse's 4x on a high-end desktop and never goes above it", () => {
		expect(calibratedCpuSlowdown(1500)).toBe(4);
		expect(calibratedCpuSlowdown(2600)).toBe(4);
	});

	it("never drops below the throttling guide's figure for the machine's class", () => {
		// Low-end desktop (1000–1500): the guide says 2x; high-end phone (800–1200): 2x.
		for (const index of [800, 1000, 1250, 1499]) {
			expect(calibratedCpuSlowdown(index)).toBeGreaterThanOrEqual(2);
		}
		expect(calibratedCpuSlowdown(1000)).toBe(2.7);
		// A mid-tier phone already (125–800): the guide says 1x.
		expect(calibratedCpuSlowdown(300)).toBe(1);
	});
});
