/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

/**
 * Three projects: `unit` runs on the site's sources alone, `tools` on the tooling beside them; `site` tests the real build output and drives it in
 * Chromium, after one shared build made by the global setup.
 */
export default getViteConfig(
	{
		test: {
			allowOnly: !process.env.CI,
			projects: [
				{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
				{ extends: true, test: { name: 'tools', include: ['tests/tools/**/*.test.ts'] } },
				{
					extends: true,
					test: {
						name: 'site',
						include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
						globalSetup: ['tests/setup/build-site.ts'],
						testTimeout: 60_000,
						hookTimeout: 240_000,
					},
				},
			],
		},
	},
	{ devToolbar: { enabled: false } },
);
